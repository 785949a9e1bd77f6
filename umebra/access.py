"""The one access mechanism (docs/rules.md).

Every question "may this user see or change this object, and which of these may they see" is
answered here. Each app states its rules in its own ``policy.py``, registering a
:class:`Policy` per model with :func:`register`; the core imports no app, it only finds those
modules (``UmebraConfig.ready``). Views, selectors, exports, tasks and the admin ask this
module; nothing else filters by hand.

Rules the mechanism itself enforces, whatever a policy says:

- Deny by default: a model without a policy is an error, a user without an active membership
  sees nothing, and a policy that says nothing grants nothing.
- An object the user may not see answers 404, exactly like one that does not exist.
- Every refusal and every read or write of personal data or secret data is written to the
  access log, a list page's rows included.
- Every question is first narrowed to the municipalities the actor works in, through the
  policy's ``tenant`` lookup (``umebra.tenancy``), whatever its own rules say.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, TypeVar

from axes.helpers import get_client_ip_address
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from umebra.audit.models import AccessAction
from umebra.audit.services import event_record
from umebra.models import Membership, User
from umebra.roles import Role


class Action(StrEnum):
    """What a user asks to do to objects. A policy may answer actions of its own besides
    these (a membership's approval, say), so the access functions take any string; the value
    is what the access log stores as a refusal's reason, and its hash chain covers it."""

    VIEW = "view"
    ADD = "add"
    CHANGE = "change"
    DELETE = "delete"


M = TypeVar("M", bound=models.Model)

#: Whom the functions below ask about: a request's user, logged in or not, or nobody (the
#: user of :data:`SYSTEM`, which they let do nothing).
AnyUser = User | AnonymousUser | None


@dataclass(frozen=True)
class Actor:
    """Who is asking: the user and the membership that says whom they act for (neither for
    :data:`SYSTEM`)."""

    user: User | None
    membership: Membership | None
    #: The municipalities the membership works in (``umebra.tenancy``).
    municipality_ids: frozenset[int] = frozenset()

    @property
    def person(self) -> User:
        """The user, for a step that only a person takes (writing a note, giving a role):
        refused for :data:`SYSTEM`."""
        if self.user is None:
            raise PermissionDenied("only a person takes this step")
        return self.user

    @property
    def member(self) -> Membership:
        """The membership, for a step taken on behalf of an organisation (registering a
        person, reporting an observation): refused without one."""
        if self.membership is None:
            raise PermissionDenied("only a member of an organisation takes this step")
        return self.membership

    @property
    def works_in_several(self) -> bool:
        """Whether the actor works in more than one municipality (the police): their lists
        then name each row's municipality, and filter by it."""
        return len(self.municipality_ids) > 1

    @property
    def role(self) -> Role | None:
        return Role(self.membership.role) if self.membership else None

    @property
    def organisation_id(self) -> int | None:
        return self.membership.organisation_id if self.membership else None

    @property
    def administers_members(self) -> bool:
        """A member administrator (*behörighetsadministratör*) of the organisation they act
        for: gives and approves its roles."""
        return bool(self.membership and self.membership.administers_members)


#: The installation itself, where no person acts: the demo seed, scheduled tasks.
SYSTEM = Actor(user=None, membership=None)


def installation_administrator(actor: Actor) -> bool:
    """Whether ``actor`` keeps the installation itself, above every municipality: the system
    (a command run on the server), or a superuser made there with ``createsuperuser`` and
    logged in with two factors. Only they add a municipality."""
    if actor is SYSTEM:
        return True
    user = actor.user
    return bool(user and user.is_superuser and getattr(user, "is_verified", lambda: False)())


class Policy:
    """One model's access rules. The base grants nothing."""

    #: Reads of this model's objects are personal data and are logged one by one.
    personal_data: ClassVar[bool] = False
    #: Its objects are secret though they may name no person (an agency's inspections,
    #: police intelligence: OSL); their reads are logged like those of personal data.
    secret: ClassVar[bool] = False

    #: The lookup from an object to the municipality it belongs to, by which the core
    #: narrows every question to the actor's municipalities, and reports and public pages
    #: to theirs. ``None`` only for what is the installation's own (its workers, one's own
    #: e-mail choices), which no municipality's people see of another's.
    tenant: ClassVar[str | None] = "municipality"
    #: The lookup crosses a relation of many (an organisation's municipalities): the core
    #: then narrows by a subquery, so that no object is listed twice.
    tenant_many: ClassVar[bool] = False

    @property
    def logs_reads(self) -> bool:
        return self.personal_data or self.secret

    def municipalities_of(self, model: type[models.Model], ids: Iterable) -> dict[str, frozenset]:
        """The municipalities each object of ``ids`` belongs to, by its id as text: those
        whose auditors review a look at it (:func:`log`)."""
        if self.tenant is None:
            return {}
        return grouped(model._default_manager.filter(pk__in=ids).values_list("pk", self.tenant))

    def scope(self, queryset: QuerySet, municipality_ids: Iterable[int]) -> QuerySet:
        """The part of ``queryset`` that belongs to ``municipality_ids``."""
        if self.tenant is None:
            return queryset
        lookup = {f"{self.tenant}__in": list(municipality_ids)}
        if self.tenant_many:
            return queryset.filter(
                pk__in=queryset.model._default_manager.filter(**lookup).values("pk")
            )
        return queryset.filter(**lookup)

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        """The part of ``queryset`` on which ``actor`` may perform ``action``."""
        return queryset.none()

    def may_add(self, actor: Actor) -> bool:
        return False

    def may_view_any(self, actor: Actor) -> bool:
        """Whether the model's list page opens for the actor at all (it may still be empty)."""
        return False

    def public(self, queryset: QuerySet) -> QuerySet:
        """What anyone may see without logging in (published citizen promises, say)."""
        return queryset.none()

    def reportable(self, queryset: QuerySet) -> QuerySet:
        """What reports for all their readers (politicians among them) may draw on.

        Reports are built by a worker for no one user. Of personal and operational data they
        take counts only, with small counts suppressed (``reports.suppression``); documents
        they print whole, so a policy offers only those any reader may read.
        """
        return queryset.none()


class RolePolicy(Policy):
    """Rules that depend on the role alone: whole tables open to some roles, closed to others.

    ``roles`` maps an action to the roles that may perform it on every object; ``add`` names
    the roles that may create objects. A subclass narrows further by overriding ``restrict``.
    """

    roles: ClassVar[dict[str, frozenset[Role]]] = {}
    add: ClassVar[frozenset[Role]] = frozenset()

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        return queryset if actor.role in self.roles.get(action, ()) else queryset.none()

    def may_add(self, actor: Actor) -> bool:
        return actor.role in self.add

    def may_view_any(self, actor: Actor) -> bool:
        return actor.role in self.roles.get(Action.VIEW, ())


class InParentsMunicipalities:
    """Mixin: an object lives in the municipalities of its parent, the object its foreign
    key ``parent`` names (a promise's activity, a person's login)."""

    parent: ClassVar[str]

    def scope(self, queryset: QuerySet, municipality_ids: Iterable[int]) -> QuerySet:
        """In the municipalities of its parent."""
        parent_model = self._parent_model(queryset)
        parents = policy_for(parent_model).scope(
            parent_model._default_manager.all(), municipality_ids
        )
        return queryset.filter(**{f"{self.parent}__in": parents.values("pk")})

    def _parent_model(self, queryset: QuerySet) -> type[models.Model]:
        return queryset.model._meta.get_field(self.parent).related_model

    def municipalities_of(self, model: type[models.Model], ids: Iterable) -> dict[str, frozenset]:
        """Those of its parent."""
        parent_model = self._parent_model(model._default_manager.all())
        parents = dict(model._default_manager.filter(pk__in=ids).values_list("pk", self.parent))
        theirs = policy_for(parent_model).municipalities_of(parent_model, set(parents.values()))
        return {str(pk): theirs.get(str(parent), frozenset()) for pk, parent in parents.items()}


class ParentPolicy(InParentsMunicipalities, Policy):
    """Rules of a model that lives inside another: whatever may be done to the parent may be
    done to its parts (a promise's activities, a case's notes when no stricter rule applies).

    ``parent`` names the foreign key to the parent.
    """

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        parent_model = self._parent_model(queryset)
        parents = restrict_for(actor, parent_model._default_manager.all(), action)
        return queryset.filter(**{f"{self.parent}__in": parents.values("pk")})

    def public(self, queryset: QuerySet) -> QuerySet:
        parent_model = self._parent_model(queryset)
        parents = policy_for(parent_model).public(parent_model._default_manager.all())
        return queryset.filter(**{f"{self.parent}__in": parents.values("pk")})

    def reportable(self, queryset: QuerySet) -> QuerySet:
        parent_model = self._parent_model(queryset)
        parents = policy_for(parent_model).reportable(parent_model._default_manager.all())
        return queryset.filter(**{f"{self.parent}__in": parents.values("pk")})


def grouped(rows: Iterable[tuple]) -> dict[str, frozenset]:
    """``(object id, municipality id)`` rows as each object's municipalities, by id as text."""
    found: dict[str, set] = {}
    for pk, municipality_id in rows:
        found.setdefault(str(pk), set())
        if municipality_id is not None:
            found[str(pk)].add(municipality_id)
    return {pk: frozenset(ids) for pk, ids in found.items()}


class Counted:
    """Mixin: every object of the model may be counted in reports (see ``reportable``)."""

    def reportable(self, queryset: QuerySet) -> QuerySet:
        return queryset


_policies: dict[type[models.Model], Policy] = {}


def register(model: type[models.Model]) -> Callable[[type[Policy]], type[Policy]]:
    """Class decorator: ``@access.register(Case) class CasePolicy(Policy): ...``."""

    def decorator(policy_class: type[Policy]) -> type[Policy]:
        if model in _policies:
            raise ImproperlyConfigured(f"{model.__name__} already has a policy")
        _policies[model] = policy_class()
        return policy_class

    return decorator


def policy_for(model: type[models.Model]) -> Policy:
    policy = _policies.get(model._meta.concrete_model or model)
    if policy is None:
        raise ImproperlyConfigured(
            f"{model._meta.label} has no access policy: register one in its app's policy.py"
        )
    return policy


def registered_models() -> list[type[models.Model]]:
    return list(_policies)


# The attribute that keeps a user object's actor, so a request reads its membership once.
_ACTOR_ATTRIBUTE = "_umebra_actor"


def actor_for(user: AnyUser) -> Actor:
    """The actor for ``user``, read once per user object (so once per request)."""
    from umebra.selectors import membership_current
    from umebra.tenancy import membership_municipality_ids

    if user is None:
        return SYSTEM
    actor: Actor | None = getattr(user, _ACTOR_ATTRIBUTE, None)
    if actor is None:
        if user.is_authenticated:
            membership = membership_current(user=user)
            actor = Actor(
                user=user,
                membership=membership,
                municipality_ids=membership_municipality_ids(membership),
            )
        else:
            actor = Actor(user=None, membership=None)
        setattr(user, _ACTOR_ATTRIBUTE, actor)
    return actor


def restrict(user: AnyUser, queryset: QuerySet[M], action: str = Action.VIEW) -> QuerySet[M]:
    """The part of ``queryset`` that ``user`` may see (or change, delete …)."""
    return restrict_for(actor_for(user), queryset, action)


def restrict_for(actor: Actor, queryset: QuerySet[M], action: str = Action.VIEW) -> QuerySet[M]:
    """:func:`restrict` for an actor: the policy's answer, in the actor's municipalities."""
    if actor.membership is None:
        return queryset.none()
    policy = policy_for(queryset.model)
    return policy.scope(policy.restrict(actor, queryset, action), actor.municipality_ids)


def count(user: AnyUser, model: type[models.Model]) -> int:
    """How many ``model`` objects ``user`` may see. A policy that knows a faster exact way
    than counting its restricted queryset (from permission rows, say) offers ``count``."""
    actor = actor_for(user)
    if actor.membership is None:
        return 0
    policy = policy_for(model)
    if hasattr(policy, "count"):
        return policy.count(actor)
    return restrict(user, model._default_manager.all()).count()


def allows(user: AnyUser, obj: models.Model, action: str) -> bool:
    """Whether ``user`` may ``action`` this one object (to offer an edit button, say)."""
    queryset = type(obj)._default_manager.filter(pk=obj.pk)
    return restrict(user, queryset, action).exists()


def restrict_public(
    queryset: QuerySet[M], municipalities: Iterable[int] | None = None
) -> QuerySet[M]:
    """The part of ``queryset`` that is public: shown to anyone, logged in or not; of the
    ``municipalities`` named (their ids), or of every one."""
    policy = policy_for(queryset.model)
    public = policy.public(queryset)
    return public if municipalities is None else policy.scope(public, municipalities)


def restrict_reportable(queryset: QuerySet[M], municipalities: Iterable[int]) -> QuerySet[M]:
    """The part of ``queryset`` that reports for every reader may draw on, of the
    ``municipalities`` a report is about (their ids): a report never counts another's."""
    policy = policy_for(queryset.model)
    return policy.scope(policy.reportable(queryset), municipalities)


def may_add(user: AnyUser, model: type[models.Model]) -> bool:
    actor = actor_for(user)
    return actor.membership is not None and policy_for(model).may_add(actor)


def get_object_or_404(
    request: HttpRequest,
    queryset: QuerySet[M] | type[M],
    action: str = Action.VIEW,
    *,
    reason: str = "",
    log_read: bool = True,
    **lookup: object,
) -> M:
    """The object ``lookup`` finds among those the user may ``action``, or 404.

    A refusal is logged with what was asked for; a read of personal or secret data is
    logged too, unless ``log_read`` is false: then the page writes the read's one event
    itself, with the parts it showed (:func:`log` with ``listed``).
    """
    if not isinstance(queryset, QuerySet):
        queryset = queryset._default_manager.all()
    obj = restrict(request.user, queryset, action).filter(**lookup).first()
    object_id = str(lookup.get("pk", lookup.get("id", "")))
    if obj is None:
        log(request, AccessAction.DENIED, queryset.model, object_id, reason=reason or action)
        raise Http404
    if log_read and policy_for(queryset.model).logs_reads:
        # Fetched to change is still a read: the change, if one is made, is the service's
        # own event. The reason says what the object was opened for.
        opened_for = reason or ("" if action == Action.VIEW else action)
        log(request, AccessAction.VIEW, queryset.model, str(obj.pk), reason=opened_for)
    return obj


def require_add(request: HttpRequest, model: type[models.Model]) -> None:
    """Refuse (403, logged) a user who may not create ``model`` objects."""
    if not may_add(request.user, model):
        log(request, AccessAction.DENIED, model, reason=Action.ADD)
        raise PermissionDenied


def require_view_any(request: HttpRequest, model: type[models.Model]) -> None:
    """Refuse (403, logged) a user for whom the list of ``model`` objects does not open."""
    actor = actor_for(request.user)
    if actor.membership is None or not policy_for(model).may_view_any(actor):
        log(request, AccessAction.DENIED, model, reason=Action.VIEW)
        raise PermissionDenied


def record(
    actor: Actor,
    action: AccessAction,
    model: type[models.Model],
    object_id: str | int = "",
    *,
    reason: str = "",
    listed: Iterable[models.Model] = (),
) -> None:
    """Write an access event for what a service (or a task) did or read on ``actor``'s
    behalf; ``listed`` as for :func:`log`."""
    _record(actor, action, model, str(object_id), reason=reason, listed=listed)


def _record(
    actor: Actor,
    action: AccessAction,
    model: type[models.Model],
    object_id: str,
    *,
    reason: str,
    listed: Iterable[models.Model],
    ip_address: str | None = None,
) -> None:
    """Write the events of one look: one for each set of municipalities whose objects it
    listed, naming only those, so that no municipality's auditors learn what another's
    people were shown. A look that listed none is in the municipalities of its object, or
    where the actor works; a refusal in both, the actor's auditors answering for them too."""
    own = _object_municipalities(model, object_id)
    if action == AccessAction.DENIED or not own:
        own |= actor.municipality_ids
    looks: dict[frozenset, list[tuple[str, str]]] = {}
    for key, municipalities in _logged(listed):
        looks.setdefault(municipalities or own, []).append(key)
    for municipalities, keys in looks.items() or [(own, [])]:
        event_record(
            actor=actor,
            action=action,
            object_type=model._meta.label_lower,
            object_id=object_id,
            reason=reason,
            ip_address=ip_address,
            listed=keys,
            municipality_ids=municipalities,
        )


def _object_municipalities(model: type[models.Model], object_id: str) -> frozenset:
    """The municipalities of the object a look was at: none for an id that names none, or
    for a model the pages never show (a grant's permission row, which the case names)."""
    policy = _policies.get(model._meta.concrete_model or model)
    if not object_id or policy is None:
        return frozenset()
    try:
        found = policy.municipalities_of(model, [object_id])
    except (ValueError, ValidationError):  # not an id of this model: a guess, refused
        return frozenset()
    return found.get(object_id, frozenset())


def _logged(objects: Iterable[models.Model]) -> list[tuple[tuple[str, str], frozenset]]:
    """``(type, id)`` of those ``objects`` whose reads are logged (``Policy.logs_reads``),
    each with its municipalities, read in one query per type."""
    by_model: dict[type[models.Model], list[str]] = {}
    for obj in objects:
        if policy_for(type(obj)).logs_reads:
            by_model.setdefault(type(obj), []).append(str(obj.pk))
    logged = []
    for model, ids in by_model.items():
        municipalities = policy_for(model).municipalities_of(model, ids)
        logged += [
            ((model._meta.label_lower, pk), municipalities.get(pk, frozenset())) for pk in ids
        ]
    return logged


def log(
    request: HttpRequest,
    action: AccessAction,
    model: type[models.Model],
    object_id: str = "",
    *,
    reason: str = "",
    listed: Iterable[models.Model] = (),
) -> None:
    """Write an access event for ``request``'s user. ``listed`` are the objects a page
    showed besides ``object_id`` (the rows of a list, the parts of an operation): those
    whose reads are logged (``Policy.logs_reads``) are named in the event, and the event
    in their municipalities' part of the log (:func:`_record`)."""
    _record(
        actor_for(request.user),
        action,
        model,
        object_id,
        reason=reason,
        listed=listed,
        ip_address=get_client_ip_address(request),
    )

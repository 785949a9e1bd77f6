"""Writes of SIG cases: opening, consent, grants, notes and actions, each logged.

Consent is enforced continuously: revoking a consent, or its running out, removes in the same
transaction every grant it no longer carries, and the removal is logged. The case's status
follows the consents the same way (``case_status_reconcile``).
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import (
    CASE_TRANSITIONS,
    CONSENT_STATUSES,
    CaseAction,
    CaseNote,
    CaseStatus,
    Consent,
    ConsentSignature,
    EmergencyAccess,
    Guardian,
    Person,
    SigCase,
    SigCaseUserObjectPermission,
    SignerKind,
)
from cases.models.sig import ADULT_AGE
from cases.policy import CASE_ROLES, VIEW_CODENAME, note_visibilities
from cases.selectors.sig import case_status_follows, consent_in_force_elsewhere
from collaboration.models import Area
from umebra import access
from umebra.access import SYSTEM, Actor
from umebra.audit.models import AccessAction
from umebra.models import Organisation, User
from umebra.saving import save_validated
from umebra.selectors import membership_current
from umebra.tenancy import (
    membership_municipality_ids,
    municipality_for,
    require_same_municipality,
)
from umebra.validators import normalise_personal_number
from umebra.workflow import check_transition


def _owned(actor: Actor, case: SigCase) -> SigCase:
    """The case, if ``actor`` may change it (its owner); refuse otherwise."""
    if not access.allows(actor.user, case, access.Action.CHANGE):
        raise PermissionDenied
    return case


def _touch(case: SigCase) -> None:
    """Every entry moves the date that the retention period counts from."""
    SigCase.objects.filter(pk=case.pk).update(last_entry_at=timezone.now())


@transaction.atomic
def case_open(
    *, actor: Actor, name: str, personal_number: str, area: Area, guardians: Iterable[str] = ()
) -> SigCase:
    """Open a case (a referral) for a young person, owned by the social worker opening it.

    The person is looked up in the register of the actor's own organisation only: another
    organisation's record of the same number is never revealed or linked (secrecy holds
    between authorities), so a number known elsewhere opens exactly as a new one does. A
    person already in this register is the same person: the name given must be theirs (a
    typing error in the number must not join two people; which name is on record is not
    told), a second open case is refused, and the area given is where they live now.
    """
    if not access.may_add(actor.user, SigCase):
        raise PermissionDenied
    number = normalise_personal_number(personal_number)
    register = Person.objects.select_for_update().filter(
        organisation_id=actor.member.organisation_id
    )
    person = register.filter(personal_number=number).first()
    if person is None:
        person = save_validated(
            Person(organisation_id=actor.member.organisation_id),
            {"name": name, "personal_number": number, "area": area},
        )
    else:
        _check_same_person(actor, person, name)
        if person.area_id != area.pk:
            person.area = area
            person.save(update_fields=["area"])
    named = [guardian.strip() for guardian in guardians if guardian.strip()]
    if not named and not person.guardians.exists() and _minor(person):
        raise ValidationError(
            {"guardian_1": _("Under 18, the young person has a guardian: name at least one.")}
        )
    for guardian in named:
        save_validated(Guardian(person=person), {"name": guardian})
    case = save_validated(
        SigCase(municipality=municipality_for(actor, area.municipality)),
        {"person": person, "owner": actor.user, "owner_organisation_id": actor.organisation_id},
    )
    access.record(actor, AccessAction.CREATE, SigCase, case.pk)
    return case


def _minor(person: Person) -> bool:
    age = person.age_on(timezone.localdate())
    return age is not None and age < ADULT_AGE


def _check_same_person(actor: Actor, person: Person, name: str) -> None:
    if " ".join(name.split()).casefold() != " ".join(person.name.split()).casefold():
        raise ValidationError(
            {
                "personal_number": _(
                    "This personal identity number is on record under another name. "
                    "Check the number and the name."
                )
            }
        )
    open_here = SigCase.objects.filter(
        person=person, owner_organisation_id=actor.organisation_id
    ).exclude(status__in=[CaseStatus.CLOSED, CaseStatus.PURGED])
    if open_here.exists():
        raise ValidationError(
            _("This young person already has an open case in your organisation: work in it.")
        )


@transaction.atomic
def case_transition(*, actor: Actor, case: SigCase, status: str) -> SigCase:
    case = _owned(actor, SigCase.objects.select_for_update().get(pk=case.pk))
    check_transition(CASE_TRANSITIONS, CaseStatus, case.status, status)
    if status == CaseStatus.PURGED:
        raise ValidationError(_("Cases are purged by the retention task, not by hand."))
    if status in CONSENT_STATUSES and status != case_status_follows(case):
        raise ValidationError(
            _(
                "A case is active while a consent in force covers another organisation; "
                "record the consent first."
            )
            if status == CaseStatus.ACTIVE
            else _(
                "A consent in force covers another organisation, so the case is active; "
                "it awaits consent again when the last such consent ends or is revoked."
            ),
            code="status",
        )
    case.status = status
    case.closed_on = timezone.localdate() if status == CaseStatus.CLOSED else None
    case.save(update_fields=["status", "closed_on"])
    if status == CaseStatus.CLOSED:
        grants_reconcile(case=case, actor=actor, reason=_("the case was closed"))
    access.record(actor, AccessAction.CHANGE, SigCase, case.pk, reason=f"status: {status}")
    _touch(case)
    return case


def _complete(person: Person, signed_by_person: bool, guardians: list[Guardian], on) -> bool:
    """The young person signed, and while under 18 every guardian signed too: a minor with
    no guardian on record has not given a consent that counts."""
    if not signed_by_person:
        return False
    age = person.age_on(on)
    if age is not None and age < ADULT_AGE:
        on_record = set(person.guardians.all())
        return bool(on_record) and on_record <= set(guardians)
    return True


@transaction.atomic
def consent_record(
    *,
    actor: Actor,
    case: SigCase,
    organisations: Iterable[Organisation],
    information: str,
    valid_from: datetime.date,
    valid_to: datetime.date,
    signed_by_person: bool,
    guardians: Iterable[Guardian] = (),
    signed_scan: File | None = None,
) -> Consent:
    """Record a signed consent. It counts only when everyone who must sign has signed."""
    case = _owned(actor, case)
    guardians = list(guardians)
    if any(guardian.person_id != case.person_id for guardian in guardians):
        raise ValidationError(_("Only the young person's own guardians can sign."))
    organisations = list(organisations)
    require_same_municipality(case.municipality, organisations)
    consent = save_validated(
        Consent(case=case, created_by=actor.user),
        {
            "information": information,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "signed_scan": signed_scan or "",
            "complete": _complete(case.person, signed_by_person, guardians, valid_from),
        },
    )
    consent.organisations.set(organisations)
    if signed_by_person:
        ConsentSignature.objects.create(consent=consent, kind=SignerKind.YOUNG_PERSON)
    for guardian in guardians:
        ConsentSignature.objects.create(
            consent=consent, kind=SignerKind.GUARDIAN, guardian=guardian
        )
    grants_reconcile(case=case, actor=actor, reason=_("a new consent was recorded"))
    access.record(actor, AccessAction.CREATE, Consent, consent.pk)
    _touch(case)
    return consent


@transaction.atomic
def consent_revoke(*, actor: Actor, consent: Consent, reason: str) -> list[User]:
    """Revoke a consent: from this moment its grants are gone. Returns who lost access."""
    _owned(actor, consent.case)
    if consent.revoked_at is not None:
        raise ValidationError(_("The consent is already revoked."))
    if not reason.strip():
        raise ValidationError(_("Say how the consent was withdrawn (by whom, when)."))
    consent.revoked_at, consent.revoked_reason = timezone.now(), reason.strip()
    consent.save(update_fields=["revoked_at", "revoked_reason"])
    access.record(actor, AccessAction.CHANGE, Consent, consent.pk, reason="revoked: " + reason)
    _touch(consent.case)
    return grants_reconcile(case=consent.case, actor=actor, reason=_("consent revoked"))


def _coverage(case: SigCase, on: datetime.date) -> dict[int, datetime.date]:
    """Each organisation a consent in force covers, with the last day one does."""
    coverage: dict[int, datetime.date] = {}
    for consent in case.consents.prefetch_related("organisations"):
        if consent.is_valid_on(on):
            for organisation in consent.organisations.all():
                coverage[organisation.pk] = max(coverage.get(organisation.pk, on), consent.valid_to)
    return coverage


@transaction.atomic
def grants_reconcile(*, actor: Actor, case: SigCase, reason: str) -> list[User]:
    """Bring every grant of the case in line with the consents: remove those whose holder's
    organisation no consent in force covers (all of them once the case is closed), log each
    removal, and move the others' last day to the last day a consent covers them."""
    coverage = {} if case.status == CaseStatus.CLOSED else _coverage(case, timezone.localdate())
    removed = []
    grants = SigCaseUserObjectPermission.objects.filter(content_object=case).select_related("user")
    for grant in grants:
        membership = membership_current(user=grant.user)
        organisation = membership.organisation_id if membership else None
        if organisation != grant.organisation_id or organisation not in coverage:
            grant.delete()
            removed.append(grant.user)
            access.record(
                actor,
                AccessAction.DELETE,
                SigCaseUserObjectPermission,
                f"{case.pk}:{grant.user.username}",
                reason=reason,
            )
        elif grant.valid_until != coverage[organisation]:
            grant.valid_until = coverage[organisation]
            grant.save(update_fields=["valid_until"])
    case_status_reconcile(actor=actor, case=case, reason=reason)
    return removed


@transaction.atomic
def case_status_reconcile(*, actor: Actor, case: SigCase, reason: str) -> SigCase:
    """Bring the case's status in line with its consents, and log a change.

    A case awaits consent until a consent in force covers an organisation other than the
    owner's, is active while one does, and awaits consent again when the last one ends,
    revoked or run out. (A grant exists only under such a consent, so a case with people
    granted is always active; one whose consent nobody is granted under yet is active too:
    the group may start work, and the owner grants next.) A referral becomes active when
    such a consent is recorded, but waits for the owner to ask for consent otherwise; a
    closed case stays closed.

    The status is stored, not derived when read, because lists filter and count by it
    through an index. It is kept by every write that changes a consent or a grant (each
    calls ``grants_reconcile``) and, for the days passing alone, by the nightly
    ``consents_expire``; the reports count active cases from the consents themselves
    (``consent_in_force_elsewhere``), so their figures never wait for the job.
    """
    case = SigCase.objects.select_for_update().get(pk=case.pk)
    follows = case_status_follows(case)
    moves = case.status in CONSENT_STATUSES or (
        case.status == CaseStatus.REFERRAL and follows == CaseStatus.ACTIVE
    )
    if moves and case.status != follows:
        case.status = follows
        case.save(update_fields=["status"])
        access.record(
            actor, AccessAction.CHANGE, SigCase, case.pk, reason=f"status: {follows} ({reason})"
        )
    return case


def consents_expire() -> int:
    """The scheduled task's work, for no one: end the grants whose consent ran out, and
    move the status of each case whose consent came into force or ended, each case in its
    own transaction. Idempotent.

    The access policy already ignores such a grant from the day after; this removes it and
    logs that it ended."""
    today = timezone.localdate()
    cases = SigCase.objects.filter(sigcaseuserobjectpermission__valid_until__lt=today).distinct()
    removed = 0
    for case in cases:
        removed += len(grants_reconcile(actor=SYSTEM, case=case, reason=_("consent expired")))
    # Consents that came into force or ran out overnight with no grant to remove.
    in_force = consent_in_force_elsewhere(today)
    behind = SigCase.objects.filter(
        (Q(status=CaseStatus.ACTIVE) & ~in_force)
        | (Q(status__in=[CaseStatus.REFERRAL, CaseStatus.AWAITING_CONSENT]) & in_force)
    )
    for case in behind:
        case_status_reconcile(actor=SYSTEM, case=case, reason=_("a consent began or ended"))
    return removed


@transaction.atomic
def grant_give(*, actor: Actor, case: SigCase, user: User) -> SigCaseUserObjectPermission:
    """Let a named user see the case. Refused unless a consent in force covers their
    organisation and their role is one that works cases.

    An emergency access the user holds to the case ends here: from now on the consent is
    their ground (and the access layer counts each case a user sees once). The auditor still
    reviews it."""
    _owned(actor, case)
    if user.pk == case.owner_id:
        raise ValidationError(_("The owner sees the case already."))
    membership = membership_current(user=user)
    if membership is None or membership.role not in CASE_ROLES:
        raise ValidationError(_("%(user)s has no role that works SIG cases.") % {"user": user})
    if case.municipality_id not in membership_municipality_ids(membership):
        raise ValidationError(
            _("%(user)s does not work in %(municipality)s.")
            % {"user": user, "municipality": case.municipality}
        )
    coverage = _coverage(case, timezone.localdate())
    if membership.organisation_id not in coverage:
        raise ValidationError(
            _("No consent in force covers %(organisation)s; record the consent first.")
            % {"organisation": membership.organisation}
        )
    permission = Permission.objects.get(codename=VIEW_CODENAME, content_type__app_label="cases")
    grant, _created = SigCaseUserObjectPermission.objects.update_or_create(
        user=user,
        permission=permission,
        content_object=case,
        defaults={
            "organisation_id": membership.organisation_id,
            "valid_until": coverage[membership.organisation_id],
        },
    )
    now = timezone.now()
    for emergency in EmergencyAccess.objects.filter(case=case, user=user, expires_at__gt=now):
        emergency.expires_at = now
        emergency.save(update_fields=["expires_at"])
        access.record(
            actor,
            AccessAction.CHANGE,
            EmergencyAccess,
            str(emergency.pk),
            reason="ended by a grant",
        )
    access.record(
        actor, AccessAction.CREATE, SigCaseUserObjectPermission, f"{case.pk}:{user.username}"
    )
    _touch(case)
    return grant


@transaction.atomic
def grant_withdraw(*, actor: Actor, case: SigCase, user: User) -> None:
    _owned(actor, case)
    SigCaseUserObjectPermission.objects.filter(content_object=case, user=user).delete()
    access.record(
        actor,
        AccessAction.DELETE,
        SigCaseUserObjectPermission,
        f"{case.pk}:{user.username}",
        reason="withdrawn by the owner",
    )


@transaction.atomic
def note_create(*, actor: Actor, case: SigCase, visibility: str, text: str) -> CaseNote:
    """Anyone on the case may write, for the readers ``note_visibilities`` allows them."""
    if not access.allows(actor.user, case, access.Action.VIEW):
        raise PermissionDenied
    if visibility not in note_visibilities(actor):
        raise ValidationError(_("Only the police write police-only notes."))
    note = save_validated(
        CaseNote(case=case, author=actor.user, author_organisation_id=actor.member.organisation_id),
        {"visibility": visibility, "text": text},
    )
    access.record(actor, AccessAction.CREATE, CaseNote, note.pk)
    _touch(case)
    return note


@transaction.atomic
def action_create(
    *,
    actor: Actor,
    case: SigCase,
    organisation: Organisation,
    action: str,
    due: datetime.date,
) -> CaseAction:
    """An action agreed on the case: who does what, by when."""
    _owned(actor, case)
    case_action = save_validated(
        CaseAction(case=case), {"organisation": organisation, "action": action, "due": due}
    )
    access.record(actor, AccessAction.CREATE, CaseAction, case_action.pk)
    _touch(case)
    return case_action

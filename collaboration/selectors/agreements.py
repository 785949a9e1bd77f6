"""Reads of agreements, promises and safety agreements, always through the access layer."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from collaboration.models import (
    Activity,
    ActivityStatus,
    CooperationAgreement,
    FollowUp,
    Target,
    TargetValue,
    Undertaking,
    UndertakingStatus,
)
from collaboration.selectors.areas import areas_named
from collaboration.selectors.people import people_shown
from umebra import access
from umebra.history import Change, history_changes, newest_first
from umebra.models import Municipality, User


def agreement_list(*, user: User) -> QuerySet[CooperationAgreement]:
    return access.restrict(
        user, CooperationAgreement.objects.select_related("municipal_party", "police")
    )


# The follow-ups the public page shows: those published by the explicit step.
PUBLISHED = Q(published_at__isnull=False)
EVERY = Q()


def _with_progress(undertakings: QuerySet[Undertaking], shown: Q = EVERY) -> QuerySet[Undertaking]:
    """Undertakings with what a list or the public page shows of them, in a few queries:
    of their follow-ups, those ``shown`` (all, on the pages of those who work with them)."""
    latest_first = FollowUp.objects.filter(shown).order_by("-year", "-quarter")
    values = TargetValue.objects.filter(follow_up__in=FollowUp.objects.filter(shown))
    return undertakings.prefetch_related(
        Prefetch("areas", areas_named()),
        "parties",
        Prefetch("follow_ups", queryset=latest_first),
        Prefetch(
            "targets",
            queryset=Target.objects.prefetch_related(
                Prefetch(
                    "values",
                    queryset=values.select_related("follow_up").order_by(
                        "-follow_up__year", "-follow_up__quarter"
                    ),
                )
            ),
        ),
    ).annotate(
        activities_total=Count("activities", distinct=True),
        activities_done=Count(
            "activities", filter=Q(activities__status=ActivityStatus.DONE), distinct=True
        ),
    )


def undertaking_list(*, user: User, kind: str | None = None) -> QuerySet[Undertaking]:
    undertakings = access.restrict(user, Undertaking.objects.select_related("agreement"))
    if kind:
        undertakings = undertakings.filter(kind=kind)
    return _with_progress(undertakings).order_by("-valid_from", "title")


def public_promises(*, municipality: Municipality | None = None) -> QuerySet[Undertaking]:
    """The published citizen promises, of ``municipality`` or of every one: the one list
    shown without login."""
    ids = None if municipality is None else [municipality.pk]
    promises = access.restrict_public(Undertaking.objects.select_related("municipality"), ids)
    return _with_progress(promises, PUBLISHED).order_by("-valid_from", "title")


def public_promises_in_full(*, municipality: Municipality | None = None) -> QuerySet[Undertaking]:
    """The published citizen promises with their activities too, for the open data: the same
    promises as the public page, and of each the activities the public may see."""
    activities = access.restrict_public(Activity.objects.select_related("responsible"))
    return public_promises(municipality=municipality).prefetch_related(
        Prefetch("activities", queryset=activities.order_by("due", "id"))
    )


def public_municipalities() -> list[tuple[Municipality, int]]:
    """Every municipality the installation serves, with how many citizen promises it has
    published: the public page that leads to each one's promises."""
    published = dict(
        access.restrict_public(Undertaking.objects.all())
        .values_list("municipality")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(m, published.get(m.pk, 0)) for m in Municipality.objects.order_by("name")]


def promise_preview(
    *, user: User, undertaking: Undertaking, follow_up: FollowUp | None = None
) -> Undertaking:
    """The promise as the public page would show it once published: with its published
    follow-ups, and ``follow_up`` as if it were published too."""
    promises = access.restrict(user, Undertaking.objects.filter(pk=undertaking.pk))
    shown = PUBLISHED | Q(pk=follow_up.pk) if follow_up else PUBLISHED
    return _with_progress(promises, shown).get()


def follow_up_changes(*, follow_up: FollowUp) -> list[Change]:
    """The follow-up's changes and its values', each value named by its indicator; a value
    added after the follow-up was first recorded is a change too."""
    own = list(follow_up.history.select_related("history_user"))

    def added_later(record) -> bool:
        """A value is a change unless it came with the follow-up: the follow-up's record
        just before it is then its creation."""
        before = [r for r in own if r.history_date <= record.history_date]
        return not before or max(before, key=lambda r: r.history_date).history_type != "+"

    values = TargetValue.history.filter(follow_up_id=follow_up.pk).select_related(
        "history_user", "target"
    )
    return newest_first(
        history_changes(own),
        history_changes(
            values,
            fields=["value"],
            label=lambda record: f"{record.target.name} ({record.target.unit})",
            created_shown=added_later,
        ),
    )


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    latest: object  # the latest value, or None
    progress: float | None  # 0 to 1 of the way from baseline to target
    corrected: object = None  # when the latest value's follow-up was corrected after publishing

    @property
    def percent(self) -> int | None:
        return None if self.progress is None else round(100 * self.progress)


def target_progress(undertaking: Undertaking) -> list[TargetProgress]:
    """Each target with its latest value (prefetched newest first) and progress to date."""
    result = []
    for target in undertaking.targets.all():
        values = list(target.values.all())
        latest = values[0].value if values else None
        corrected = values[0].follow_up.corrected_at if values else None
        result.append(TargetProgress(target, latest, target.progress(latest), corrected))
    return result


def undertaking_parts(*, user: User, undertaking: Undertaking) -> dict:
    """Everything the detail page shows of an undertaking the user may see; of its activities'
    responsible people, those whose name ``user`` may see (``people_shown``, by key)."""
    activities = list(
        access.restrict(
            user, undertaking.activities.select_related("responsible", "responsible_person")
        )
    )
    return {
        "activities": activities,
        "people_shown": people_shown(
            user=user, people=[a.responsible_person_id for a in activities]
        ),
        "follow_ups": access.restrict(
            user, undertaking.follow_ups.prefetch_related("values__target")
        ),
        "feedback": access.restrict(user, undertaking.feedback.all()),
        "targets": target_progress(undertaking),
    }


def activities_open(*, due_by) -> QuerySet[Activity]:
    """The activities still to be done that are due by ``due_by`` (overdue included): not
    done or cancelled, of a promise or agreement not completed (a completed one's activities
    are over, whatever their status says). Not narrowed: the one definition of what is due,
    narrowed by ``activities_due`` for a reader and read as is by the system's reminder
    (``collaboration.notifications``)."""
    return (
        Activity.objects.filter(due__lte=due_by)
        .exclude(status__in=[ActivityStatus.DONE, ActivityStatus.CANCELLED])
        .exclude(undertaking__status=UndertakingStatus.COMPLETED)
    )


def activities_due(*, user: User, due_by) -> QuerySet[Activity]:
    """The open activities (``activities_open``) due by ``due_by`` that ``user`` may see,
    soonest first."""
    activities = activities_open(due_by=due_by)
    return access.restrict(user, activities.select_related("undertaking", "responsible")).order_by(
        "due", "id"
    )

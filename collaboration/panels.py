"""Collaboration's panels on the role home pages."""

import datetime

from django.http import HttpRequest
from django.utils import timezone

from collaboration.models import Observation
from collaboration.selectors.agreements import activities_due, undertaking_list
from collaboration.selectors.cycle import picture_in_force, picture_is_stale, red_rows
from collaboration.selectors.efforts import effort_list_brief
from collaboration.selectors.groups import decisions_open
from collaboration.selectors.observations import observation_list, observations_counted
from umebra import access, home
from umebra.models import Membership
from umebra.roles import TAKING_PART, Role

RECENT = 10
# What counts as due soon on the coordinator's home page.
DUE_SOON = datetime.timedelta(days=14)


def _monday() -> datetime.date:
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def _this_weeks_efforts(request: HttpRequest, membership: Membership) -> dict:
    efforts = effort_list_brief(user=request.user).filter(
        date__gte=_monday(), date__lte=timezone.localdate()
    )
    # The latest few and how many: a busy week's hundreds would bury the rest of the page.
    return {"efforts": efforts[:RECENT], "count": efforts.count(), "heading_week": True}


def _this_weeks_observations(request: HttpRequest, membership: Membership) -> dict:
    # From Monday's local midnight as a moment, so that the index on the time serves; the
    # local date of each row (``occurred_at__date``) would be computed row by row.
    since = timezone.make_aware(datetime.datetime.combine(_monday(), datetime.time()))
    # Counted as the local picture counts, so its figure is the picture's for this week.
    count = observations_counted(user=request.user).filter(occurred_at__gte=since).count()
    latest = observation_list(user=request.user).filter(occurred_at__gte=since)[:RECENT]
    return {"observations": latest, "count": count}


def _due_soon(request: HttpRequest, membership: Membership) -> dict:
    due_by = timezone.localdate() + DUE_SOON
    return {
        "decisions": decisions_open(user=request.user, due_by=due_by)[:RECENT],
        "activities": activities_due(user=request.user, due_by=due_by)[:RECENT],
        "today": timezone.localdate(),
    }


def _cycle(request: HttpRequest, membership: Membership) -> dict:
    """The law's cycle: is the situation picture in force still fresh, and what is off track?"""
    in_force = picture_in_force(user=request.user)
    return {
        "in_force": in_force,
        "stale": picture_is_stale(in_force, timezone.localdate()),
        "red_rows": red_rows(user=request.user),
    }


def _our_undertakings(request: HttpRequest, membership: Membership) -> dict:
    return {"undertakings": undertaking_list(user=request.user)}


def _our_efforts(request: HttpRequest, membership: Membership) -> dict:
    return {"efforts": effort_list_brief(user=request.user)[:RECENT], "heading_week": False}


def _report_observation(request: HttpRequest, membership: Membership) -> dict | None:
    """The way to report what one has just seen, first on the page, for every role the
    observation policy lets report: on a phone in the field it is the one thing to do."""
    return {} if access.may_add(request.user, Observation) else None


def register() -> None:
    home.register_panel(
        template="collaboration/panels/report_observation.html",
        context=_report_observation,
        roles=list(Role),  # the policy decides who reports, not this list
        order=1,
    )
    home.register_panel(
        template="collaboration/panels/cycle.html",
        context=_cycle,
        roles=[Role.COORDINATOR],
        order=12,
    )
    home.register_panel(
        template="collaboration/panels/due_soon.html",
        context=_due_soon,
        roles=[Role.COORDINATOR],
        order=15,
    )
    home.register_panel(
        template="collaboration/panels/undertakings.html",
        context=_our_undertakings,
        roles=TAKING_PART,
        order=15,
    )
    home.register_panel(
        template="collaboration/panels/efforts.html",
        context=_this_weeks_efforts,
        roles=[Role.COORDINATOR],
        order=20,
    )
    home.register_panel(
        template="collaboration/panels/efforts.html",
        context=_our_efforts,
        roles=TAKING_PART,
        order=20,
    )
    home.register_panel(
        template="collaboration/panels/observations.html",
        context=_this_weeks_observations,
        roles=[Role.COORDINATOR, Role.POLICE],
        order=30,
    )

"""The auditor's home panel: what waits for review."""

from django.http import HttpRequest

from umebra import home
from umebra.audit import selectors
from umebra.audit.models import ReviewOutcome
from umebra.models import Membership
from umebra.roles import Role


def _review_queue(request: HttpRequest, membership: Membership) -> dict:
    alerts = selectors.alert_list(user=request.user)
    latest = selectors.sample_list(user=request.user).first()
    return {
        "open_alerts": alerts.filter(outcome=ReviewOutcome.PENDING).count(),
        "sample": latest,
        "sample_open": latest.items.filter(outcome=ReviewOutcome.PENDING).count() if latest else 0,
    }


def register() -> None:
    home.register_panel(
        template="audit/panels/review_queue.html",
        context=_review_queue,
        roles=[Role.AUDITOR],
        order=10,
    )

"""Reads of the accessibility statement and its reports."""

from django.db.models import QuerySet

from umebra import access
from umebra.accessibility.models import AccessibilityReport, AccessibilityStatement
from umebra.models import User


def accessibility_statement() -> AccessibilityStatement | None:
    """The municipality's statement, public; none until the administrator has written it."""
    return access.restrict_public(AccessibilityStatement.objects.all()).first()


def accessibility_report_list(*, user: User) -> QuerySet[AccessibilityReport]:
    """The reports the user may read, newest first."""
    return access.restrict(user, AccessibilityReport.objects.all()).select_related("reported_by")

"""Reads of collaboration data."""

from django.db.models import QuerySet

from collaboration.models import Area


def area_list() -> QuerySet[Area]:
    """Areas are not secret: every logged-in role that works with them sees them all."""
    return Area.objects.all()

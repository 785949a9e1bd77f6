"""Reads of areas."""

from django.db.models import QuerySet

from collaboration.models import Area
from umebra import access
from umebra.models import User


def area_list(*, user: User) -> QuerySet[Area]:
    return access.restrict(user, Area.objects.all())

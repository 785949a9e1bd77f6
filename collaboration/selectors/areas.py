"""Reads of areas."""

from django.db.models import QuerySet

from collaboration.models import Area
from umebra import access
from umebra.models import User


def area_list(*, user: User) -> QuerySet[Area]:
    return access.restrict(user, Area.objects.all())


def areas_changeable(*, user: User) -> bool:
    """Whether the user may change any area: the list then offers to edit them."""
    return access.restrict(user, Area.objects.all(), access.Action.CHANGE).exists()


def area_choices(*, user: User) -> QuerySet[Area]:
    """The areas to choose among in a form or filter: names only, not the boundaries, which
    are large and only maps draw."""
    return area_list(user=user).defer("boundary")


def areas_named() -> QuerySet[Area]:
    """Areas as a row of a list names them (in a ``Prefetch``): without the boundaries."""
    return Area.objects.defer("boundary")

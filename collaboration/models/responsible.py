"""The person who answers for an activity or a decision, besides its organisation.

An activity of a promise or safety agreement names the organisation responsible for it, a
meeting's decision its owner organisation; either may also name one person acting for that
organisation, who is reminded by e-mail when it falls due (``collaboration.notifications``).
The person is optional: the organisation still answers for the item without one.
"""

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from umebra.models import Membership, Organisation, User
from umebra.roles import WORKING_ROLES

# The roles that carry out an activity or a decision for their organisation (umebra.roles:
# those who see the item's page as its party, and who receive its reminder).
RESPONSIBLE_ROLES = WORKING_ROLES

RESPONSIBLE_PERSON_LEFT = _(
    "The responsible person no longer acts for the responsible organisation: clear the field "
    "or choose someone else. An item of theirs can still be marked done or cancelled."
)
RESPONSIBLE_PERSON_ERROR = _(
    "The responsible person must act for the responsible organisation: choose someone with an "
    "active role there."
)


def responsible_person_field() -> "models.ForeignKey[User | None, User | None]":
    """The optional person. Kept as nobody if their account is deleted (``SET_NULL``): the
    organisation still answers for the item, and an account removed (a person's data erased)
    must not be held back by every activity they once carried."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )


def responsible_people(
    organisations: QuerySet[Organisation] | list[Organisation],
) -> QuerySet[User]:
    """Who may be named for an item of one of ``organisations``: active accounts acting for
    one of them today in a role that carries out the work."""
    return User.objects.filter(
        is_active=True,
        pk__in=Membership.objects.active()
        .filter(organisation__in=organisations, role__in=RESPONSIBLE_ROLES)
        .values("user"),
    ).order_by("first_name", "last_name", "username")


def acts_for(person: User, organisation: Organisation | None) -> bool:
    """Whether ``person`` may be named for an item of ``organisation`` today."""
    return (
        organisation is not None
        and responsible_people([organisation]).filter(pk=person.pk).exists()
    )


def responsible_person_errors(person: User | None, organisation: Organisation | None) -> dict:
    """The model's ``clean`` error for a person who does not act for the item's organisation."""
    if person is None or organisation is None or acts_for(person, organisation):
        return {}
    return {"responsible_person": RESPONSIBLE_PERSON_ERROR}

"""Reads of grant applications' people, always through the access layer."""

from collaboration.models import GrantApplication
from umebra import access
from umebra.models import MAIL_KIND_ROLES, MailKind, Membership, User


def grant_decision_recipients(application: GrantApplication) -> list[User]:
    """Whom the decision of ``application`` is told: the people acting for the applicant
    today in a role that receives it (``MAIL_KIND_ROLES``), of them those the access layer
    lets open the application, as ``GrantApplicationPolicy`` answers for each (as
    ``umebra.selectors.membership_approvers`` picks who may approve a role). Someone acting
    for the applicant only in another role (a politician of it who is a partner elsewhere) is
    not told; a coordinator acting for it is."""
    candidates = User.objects.filter(
        is_active=True,
        pk__in=Membership.objects.active()
        .filter(
            organisation_id=application.applicant_id,
            role__in=MAIL_KIND_ROLES[MailKind.GRANT_DECIDED],
        )
        .values("user"),
    ).order_by("pk")
    opened = GrantApplication.objects.filter(pk=application.pk)
    return [user for user in candidates if access.restrict(user, opened).exists()]

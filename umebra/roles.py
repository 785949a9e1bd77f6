"""The roles (docs/rules.md) and the Django groups that carry their model permissions.

A role is held through a membership (``umebra.models.Membership``); the user is put in the
role's group while the membership is active. Each app declares the model permissions its
roles need with :func:`grant`, from its ``AppConfig.ready``, so the core names no app's models.
Model permission alone never opens personal data: object permissions decide that
(docs/rules.md).
"""

from collections import defaultdict

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    SCHOOL_STAFF = "school_staff", _("School staff")
    POLICE = "police", _("Police")
    AGENCY_INSPECTOR = "agency_inspector", _("Agency inspector")
    PARTNER = "partner", _("Partner")
    POLITICIAN = "politician", _("Politician")
    COUNTY_COORDINATOR = "county_coordinator", _("County coordinator")
    AUDITOR = "auditor", _("Auditor")
    ADMIN = "admin", _("Administrator")


# Roles that reach personal data or intelligence (docs/rules.md, roles and rule 6). They log in
# with two factors, and two people are needed to give one: the receiving organisation's
# member administrator gives it, or approves it when someone else asked for it.
PERSONAL_DATA_ROLES = frozenset(
    {
        Role.COORDINATOR,
        Role.SOCIAL_WORKER,
        Role.SCHOOL_STAFF,
        Role.POLICE,
        Role.AGENCY_INSPECTOR,
        Role.AUDITOR,
        Role.ADMIN,
    }
)
# Of those, the roles that oversee the system itself: an administrator or the organisation's
# member administrator asks for one, and a second administrator approves it.
OVERSIGHT_ROLES = frozenset({Role.AUDITOR, Role.ADMIN})
# The roles a member administrator holds: ones that reach personal data, so that they log in
# with two factors and were given their own role by two people (an account with one factor
# could be taken over by whoever sets its password), and that do not oversee the system (no
# administrator both makes accounts and gives them roles).
ADMINISTERING_ROLES = PERSONAL_DATA_ROLES - OVERSIGHT_ROLES
# Roles whose organisation takes part in efforts, agreements and grant applications, and who
# see those it is in (collaboration.policy.PartyPolicy). The one place the set is stated.
TAKING_PART = frozenset(
    {Role.SOCIAL_WORKER, Role.SCHOOL_STAFF, Role.POLICE, Role.AGENCY_INSPECTOR, Role.PARTNER}
)
# The roles that carry out that work for their organisation: the coordinators who keep it and
# the parties taking part. A politician follows the work and does not do it; an auditor or an
# administrator does not see it. They are who can be named responsible for an activity or a
# decision (collaboration.models.responsible) and who are told of their organisation's items
# (umebra.models.MAIL_KIND_ROLES: due items, a grant application decided).
WORKING_ROLES = frozenset({Role.COORDINATOR}) | TAKING_PART

# What each role is for, shown on its home page so a person knows what the system lets them do.
ROLE_PURPOSES = {
    Role.COORDINATOR: _(
        "You coordinate the municipality's crime prevention: log joint efforts, run agreements, "
        "areas, indicators and funds, and request reports."
    ),
    Role.SOCIAL_WORKER: _(
        "You own and work SIG cases for young people at risk, as far as their consent reaches."
    ),
    Role.SCHOOL_STAFF: _(
        "You see a SIG case only while the young person's consent covers the school and you "
        "have been granted access."
    ),
    Role.POLICE: _(
        "You lead LOS operations, keep police-only intelligence and see SIG cases under consent."
    ),
    Role.AGENCY_INSPECTOR: _(
        "You see the LOS operations your agency is a party to, with their targets and your "
        "agency's inspections."
    ),
    Role.PARTNER: _(
        "You see the safety agreements and joint efforts your organisation is a party to."
    ),
    Role.POLITICIAN: _("You download follow-up reports and see aggregate figures."),
    Role.COUNTY_COORDINATOR: _(
        "You support the county's municipalities: you read the regional follow-up and see "
        "where each municipality stands in the law's cycle, in aggregate only."
    ),
    Role.AUDITOR: _("You review the access log and produce register extracts."),
    Role.ADMIN: _("You manage accounts and organisations, and ask for the roles people need."),
}

_permissions: dict[str, set[str]] = defaultdict(set)


def grant(role: Role, *permissions: str) -> None:
    """Give ``role`` model permissions, each as ``"app_label.codename"``."""
    _permissions[role].update(permissions)


def group_name(role: Role | str) -> str:
    return f"role:{Role(role).value}"


def sync_groups(*, app_label: str) -> None:
    """Create every role's group and set its permissions of ``app_label`` to those granted.

    Called after each app migrates (``post_migrate``), when that app's permissions exist.
    """
    from django.contrib.auth.models import Group, Permission

    for role in Role:
        group, _created = Group.objects.get_or_create(name=group_name(role))
        wanted = {
            codename
            for label, codename in (p.split(".", 1) for p in _permissions[role])
            if label == app_label
        }
        current = group.permissions.filter(content_type__app_label=app_label)
        group.permissions.remove(*current.exclude(codename__in=wanted))
        found = list(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=wanted)
        )
        if unknown := wanted - {permission.codename for permission in found}:
            raise ImproperlyConfigured(f"{role} is granted unknown permissions {sorted(unknown)}")
        group.permissions.add(*found)

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory, member
from umebra import services
from umebra.access import SYSTEM
from umebra.models import Membership
from umebra.roles import Role, group_name
from umebra.selectors import membership_current

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def groups_of(user):
    return set(user.groups.values_list("name", flat=True))


@pytest.mark.parametrize("role", list(Role))
def test_a_membership_puts_the_user_in_its_roles_group(role):
    user = member(role)
    assert groups_of(user) == {group_name(role)}
    assert user.is_staff == (role == Role.ADMIN)
    assert not user.is_superuser


def test_overlapping_memberships_are_refused():
    user = member(Role.POLICE)
    with pytest.raises(ValidationError, match="redan ett medlemskap"):
        services.membership_create(
            actor=SYSTEM, user=user, organisation=OrganisationFactory(), role=Role.COORDINATOR
        )
    assert Membership.objects.filter(user=user).count() == 1


def test_a_later_membership_may_follow_an_ended_one():
    user = member(Role.POLICE)
    services.membership_end(actor=SYSTEM, membership=user.memberships.get(), on=TODAY)
    services.membership_create(
        actor=SYSTEM,
        user=user,
        organisation=OrganisationFactory(),
        role=Role.COORDINATOR,
        valid_from=TODAY + datetime.timedelta(days=1),
    )
    assert Membership.objects.filter(user=user).count() == 2


def test_an_ended_membership_stops_granting_from_the_next_day():
    user = member(Role.ADMIN)
    yesterday = TODAY - datetime.timedelta(days=1)
    membership = user.memberships.get()
    Membership.objects.filter(pk=membership.pk).update(valid_from=yesterday)
    membership.refresh_from_db()

    services.membership_end(actor=SYSTEM, membership=membership, on=yesterday)

    user.refresh_from_db()
    assert membership_current(user=user) is None
    assert groups_of(user) == set()
    assert not user.is_staff


def test_the_daily_sync_follows_periods_that_start_by_date():
    user = UserFactory()
    services.membership_create(
        actor=SYSTEM,
        user=user,
        organisation=OrganisationFactory(),
        role=Role.POLITICIAN,
        valid_from=TODAY + datetime.timedelta(days=1),
    )
    assert groups_of(user) == set()
    Membership.objects.filter(user=user).update(valid_from=TODAY)

    assert services.membership_groups_sync() == 1

    assert groups_of(user) == {group_name(Role.POLITICIAN)}


def test_the_database_refuses_a_period_that_ends_before_it_starts():
    user = UserFactory()
    with pytest.raises(IntegrityError):
        Membership.objects.create(
            user=user,
            organisation=OrganisationFactory(),
            role=Role.PARTNER,
            valid_from=TODAY,
            valid_to=TODAY - datetime.timedelta(days=1),
        )


def test_the_form_says_so_in_plain_words_not_the_constraints_name(client):
    from django.urls import reverse

    from tests.factories import log_in, member

    organisation = OrganisationFactory()
    log_in(client, member(Role.ADMIN))
    response = client.post(
        reverse("membership-create", args=[organisation.pk]),
        {"user": UserFactory().pk, "role": Role.PARTNER, "valid_from": "2026-05-01",
         "valid_to": "2026-04-01"},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 400
    assert "Perioden slutar innan den börjar." in page
    assert "membership_period_ordered" not in page
    assert not Membership.objects.filter(organisation=organisation).exists()


# role × kind of organisation → may be held there (docs/rules.md, roles)
ROLE_KINDS = [
    (Role.POLICE, "police", True),
    (Role.POLICE, "municipal_unit", False),
    (Role.COORDINATOR, "municipal_unit", True),
    (Role.COORDINATOR, "police", False),
    (Role.COORDINATOR, "property_owner", False),
    (Role.SOCIAL_WORKER, "state_agency", False),
    (Role.SCHOOL_STAFF, "business", True),  # an independent school
    (Role.AGENCY_INSPECTOR, "state_agency", True),
    (Role.AGENCY_INSPECTOR, "municipal_unit", True),  # the municipality's own inspectors
    (Role.AGENCY_INSPECTOR, "business", False),
    (Role.PARTNER, "police", True),
    (Role.POLITICIAN, "business", False),
    (Role.AUDITOR, "police", False),
    (Role.ADMIN, "state_agency", False),
]


@pytest.mark.parametrize(("role", "kind", "allowed"), ROLE_KINDS)
def test_a_role_is_held_only_in_an_organisation_of_its_kind(role, kind, allowed):
    organisation = OrganisationFactory(kind=kind)
    try:
        services.membership_create(
            actor=SYSTEM, user=UserFactory(), organisation=organisation, role=role
        )
    except ValidationError as error:
        assert "finns inte hos en aktör av slaget" in str(error)
        held = False
    else:
        held = True
    assert held is allowed

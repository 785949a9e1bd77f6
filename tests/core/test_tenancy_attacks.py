"""Attacks on the municipality border (docs/rules.md, rule 8), written by a helper attacking
the change; each failed before its mend. Each test asserts the refusal."""

import pytest
from django.urls import reverse

from tests.core import test_municipalities
from tests.factories import log_in, member, umea
from umebra import access
from umebra.roles import Role

pytestmark = pytest.mark.django_db
# Both municipalities and their people and objects, as the tables of the rules have them.
town = test_municipalities.town


def test_one_municipalitys_coordinator_cannot_change_a_regional_organisation(client, town):
    """Vännäs' coordinator renames (or re-kinds) the police area that Umeå works with."""
    police = town["orgs"]["police"]
    log_in(client, town["people"]["vannas-samordnare"])
    response = client.post(
        reverse("organisation-update", args=[police.pk]),
        {"name": "Renamed by Vännäs", "kind": "police", "organisation_number": "",
         "parent": town["orgs"]["vannas"].pk},
    )  # fmt: skip
    police.refresh_from_db()
    assert response.status_code in (403, 404), response.status_code
    assert (police.name, police.kind) == ("Polisen LPO Umeå", "police")


def test_an_administrator_editing_a_regional_organisation_keeps_the_other_municipality(
    client, town
):
    """Umeå's administrator saves the police area in the admin: the form offers Umeå alone
    and so takes Vännäs away from the police (and from every Vännäs officer's work)."""
    police = town["orgs"]["police"]
    admin = member(Role.ADMIN, town["orgs"]["umea"], username="admin")
    admin.is_staff = True
    admin.save()
    log_in(client, admin)
    page = client.get(reverse("admin:umebra_organisation_change", args=[police.pk]))
    assert page.status_code == 200
    client.post(
        reverse("admin:umebra_organisation_change", args=[police.pk]),
        {"name": police.name, "kind": police.kind, "organisation_number": "",
         "is_public_authority": "on", "regional": "on", "municipalities": [umea().pk],
         "parent": ""},
    )  # fmt: skip
    assert set(police.municipalities.values_list("pk", flat=True)) == {
        umea().pk, town["vannas"].pk,
    }  # fmt: skip


def test_the_grant_form_names_nobody_of_another_municipality(client, town):
    """Vännäs' social worker opens the grant form of a Vännäs case: it lists the police
    officer whose membership names Umeå alone."""
    log_in(client, town["people"]["vannas-socialsekreterare"])
    case = town["objects"]["vannas case"]
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert f"({town['people']['polis-umea'].username})" not in page


def test_a_coordinator_gives_no_role_in_another_municipalitys_organisation(town):
    """The service: Umeå's coordinator gives a partner role in Vännäs kommun (a local
    organisation of Vännäs); nothing asks whether the organisation is theirs."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from tests.factories import UserFactory
    from umebra.services import membership_create

    newcomer = UserFactory(username="ny")
    with pytest.raises((PermissionDenied, ValidationError)):
        membership_create(
            actor=access.actor_for(town["people"]["samordnare"]), user=newcomer,
            organisation=town["orgs"]["vannas"], role=Role.PARTNER,
        )  # fmt: skip


def test_a_municipality_ends_no_membership_that_also_works_in_another(town):
    """Vännäs' coordinator may end partner roles, in Vännäs: not one in the police area that
    also works in Umeå, for ending it would take its holder out of Umeå too."""
    from tests.factories import UserFactory
    from umebra.access import SYSTEM
    from umebra.services import membership_create

    police, vannas = town["orgs"]["police"], town["vannas"]
    partners = {
        where: membership_create(
            actor=SYSTEM,
            user=UserFactory(username=f"partner-{where}"),
            organisation=police,
            role=Role.PARTNER,
            municipalities=works_in,
        )
        for where, works_in in (("both", [umea(), vannas]), ("vannas", [vannas]))
    }
    actor = access.actor_for(town["people"]["vannas-samordnare"])
    may_end = access.restrict_for(
        actor, police.memberships.filter(role=Role.PARTNER), access.Action.CHANGE
    )
    assert set(may_end) == {partners["vannas"]}


def test_the_installations_administrator_lets_a_regional_organisation_work_in_a_new_one(town):
    from django.core.management import call_command

    from tests.factories import UserFactory

    UserFactory(username="nordmaling-samordnare")
    call_command("municipality_add", "Nordmaling", code="2401",
                 coordinator="nordmaling-samordnare", regional=["Polisen LPO Umeå"])  # fmt: skip
    assert set(town["orgs"]["police"].municipalities.values_list("code", flat=True)) == {
        "2480", "2460", "2401",
    }  # fmt: skip

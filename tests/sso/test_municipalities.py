"""Single-sign-on links per municipality (docs/rules.md, rule 8): a link is who may log in
as whom, so it is in the municipalities of the person it logs in, and an administrator of
one municipality neither lists nor opens another's."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.core.test_municipalities import town  # noqa: F401 (the two municipalities)
from tests.factories import log_in, member
from umebra.access import SYSTEM
from umebra.roles import Role
from umebra.sso.models import ExternalIdentity, Provider
from umebra.sso.services import external_identity_create

pytestmark = pytest.mark.django_db

# Whose link each municipality's administrator finds: listed, and its page opened (200), or
# sent back to the admin's index, as for a link that does not exist (302).
SEEN = {
    # (administrator, person linked): listed, page
    ("umea", "samordnare"): (True, 200),
    ("umea", "vannas-samordnare"): (False, 302),
    ("umea", "polis"): (True, 200),  # works in both
    ("vannas", "samordnare"): (False, 302),
    ("vannas", "vannas-samordnare"): (True, 200),
    ("vannas", "polis"): (True, 200),
}


def test_each_municipalitys_administrator_keeps_the_links_of_its_own_people(town):  # noqa: F811
    links = {
        username: external_identity_create(
            actor=SYSTEM,
            user=town["people"][username],
            provider=Provider.OIDC,
            subject=f"hsa-{username}",
        )
        for username in ("samordnare", "vannas-samordnare", "polis")
    }
    administrators = {
        key: log_in(Client(), member(Role.ADMIN, town["orgs"][key], username=f"admin-{key}"))
        for key in ("umea", "vannas")
    }
    wrong = []
    for (key, username), expected in SEEN.items():
        client, link = administrators[key], links[username]
        listing = client.get(reverse("admin:sso_externalidentity_changelist")).content.decode()
        page = client.get(reverse("admin:sso_externalidentity_change", args=[link.pk]))
        got = (f"hsa-{username}" in listing, page.status_code)
        if got != expected:
            wrong.append(f"{key}'s administrator, {username}'s link: {got}, not {expected}")
    assert wrong == [], "\n".join(wrong)
    assert ExternalIdentity.objects.count() == 3

"""The main menu: each app's entries from its own navigation.py, the same menu for each role
as before the apps kept their own."""

import re

import pytest
from django.urls import reverse

from tests.factories import log_in, member
from umebra.roles import Role

pytestmark = pytest.mark.django_db


def menu(client) -> list[str]:
    page = client.get(reverse("home")).content.decode()
    nav = page.split('class="main-nav"')[1].split("</nav>")[0]
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav)


EVERYONE = ["Lägesbild och plan", "Indikatorer"]
WORK = ["Överenskommelser och löften", "Samverkansgrupper"]
# role → the main menu it is shown, in order, as it was when the core kept every entry
MENUS = {
    Role.COORDINATOR: [
        "Samverkansinsatser", "SIG-ärenden", "LOS-insatser", "Observationer", *EVERYONE, *WORK,
        "Medel", "Områden", "Aktörer", "Rapporter", "Kommunerna i cykeln", "Behörigheter",
        "Tillgänglighetsrapporter",
    ],
    Role.SOCIAL_WORKER: [
        "Samverkansinsatser", "SIG-ärenden", "Observationer", *EVERYONE, *WORK, "Områden",
        "Aktörer",
    ],
    Role.SCHOOL_STAFF: [
        "Samverkansinsatser", "SIG-ärenden", "Observationer", *EVERYONE, *WORK, "Områden",
        "Aktörer",
    ],
    Role.POLICE: [
        "Samverkansinsatser", "SIG-ärenden", "LOS-insatser", "Observationer", *EVERYONE, *WORK,
        "Områden", "Aktörer",
    ],
    Role.AGENCY_INSPECTOR: [
        "Samverkansinsatser", "LOS-insatser", "Observationer", *EVERYONE, *WORK, "Områden",
        "Aktörer",
    ],
    Role.PARTNER: ["Samverkansinsatser", "Observationer", *EVERYONE, *WORK, "Områden", "Aktörer"],
    Role.POLITICIAN: [
        *EVERYONE, *WORK, "Medel", "Områden", "Aktörer", "Rapporter", "Kommunerna i cykeln",
    ],
    # Länsstyrelsen's: the county's reports and cycle, and what every role sees (the adopted
    # documents, the indicators, the map).
    Role.COUNTY_COORDINATOR: [*EVERYONE, "Områden", "Aktörer", "Rapporter", "Kommunerna i cykeln"],
    Role.AUDITOR: [
        *EVERYONE, "Områden", "Aktörer", "Rapporter", "Kommunerna i cykeln", "Behörigheter",
        "Åtkomstlogg", "Registerutdrag",
    ],
    Role.ADMIN: [*EVERYONE, "Områden", "Aktörer", "Behörigheter", "Tillgänglighetsrapporter"],
}  # fmt: skip


@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_shown_its_menu(client, role):
    log_in(client, member(role))
    assert menu(client) == ["Start", *MENUS[role]]


def test_each_app_lists_only_its_own_pages_in_its_navigation_module():
    """An entry for another app's model would put that app's menu in two places."""
    from importlib import import_module

    from django.apps import apps

    for name in ("umebra", "umebra.audit", "collaboration", "cases", "reports"):
        entries = import_module(f"{name}.navigation").ENTRIES
        assert entries, name
        owners = {apps.get_containing_app_config(entry.model.__module__).name for entry in entries}
        assert owners == {name}, name

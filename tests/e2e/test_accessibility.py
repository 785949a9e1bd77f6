"""WCAG 2.1 AA (lag 2018:1937): axe-core finds no serious or critical violation on any page,
on a desktop screen and on a phone's (390 × 844, where the menu is folded).

Later pages join PAGES as they come.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.personas import DEMO_USERS

pytestmark = pytest.mark.e2e

axe = Axe()
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True, params=[None, PHONE], ids=["desktop", "phone"])
def screen(request, page):
    """Every test here runs twice: at the browser's usual size, and at a phone's."""
    if request.param:
        page.set_viewport_size(request.param)
    return request.param


def serious_violations(page) -> list[str]:
    results = axe.run(page, options=WCAG_AA)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes)"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    "path", ["/login/", "/promises/", "/umea/promises/", "/reports/verify/", "/tillganglighet/"]
)
def test_the_pages_without_login(page, live_server, demo, path):
    page.goto(f"{live_server.url}{path}")
    assert serious_violations(page) == []


@pytest.mark.parametrize("username", [username for username, _org, _role in DEMO_USERS])
def test_each_roles_home_page(log_in, username):
    page = log_in(username)
    assert serious_violations(page) == []


@pytest.mark.parametrize("path", ["/", "/observations/new/", "/efforts/new/"])
def test_pages_on_a_small_phone(log_in, live_server, path):
    page = log_in("samordnare")
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}{path}")
    assert serious_violations(page) == []
    # Nothing forces the page wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


@pytest.mark.parametrize(
    ("username", "path"),
    [
        ("dataskydd", "/audit/events/"),
        ("dataskydd", "/audit/samples/"),
        ("dataskydd", "/audit/alerts/"),
        ("dataskydd", "/roles/"),
        ("samordnare", "/login/confirm/?next=/"),
        ("samordnare", "/efforts/"),
        ("samordnare", "/efforts/new/"),
        ("fastighet", "/efforts/"),
        ("samordnare", "/observations/"),
        ("fastighet", "/observations/"),
        ("fastighet", "/observations/new/"),
        ("samordnare", "/agreements/"),
        ("samordnare", "/undertakings/new/?kind=citizen_promise"),
        ("politiker", "/agreements/"),
        ("samordnare", "/groups/"),
        ("fastighet", "/groups/"),
        ("samordnare", "/organisations/"),
        ("samordnare", "/areas/"),
        ("samordnare", "/areas/new/"),
        ("samordnare", "/indicators/"),
        ("samordnare", "/indicators/import/"),
        ("samordnare", "/situation/"),
        ("politiker", "/funds/"),
        ("socialsekreterare", "/cases/"),
        ("socialsekreterare", "/cases/new/"),
        ("skolkurator", "/cases/"),
        ("polis", "/operations/"),
        ("dataskydd", "/register-extract/"),
        ("samordnare", "/reports/"),
        ("politiker", "/reports/"),
        ("samordnare", "/accessibility-reports/"),
    ],
)
def test_each_page(log_in, live_server, username, path):
    page = log_in(username)
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 200
    assert serious_violations(page) == []


# Pages of one demo object each: found by model, since ids differ from run to run.
DETAIL_PAGES = [
    "collaboration.Indicator",
    "collaboration.SituationPicture",
    "collaboration.ActionPlan",
    "collaboration.Fund",
    "collaboration.GrantApplication",
    "collaboration.CollaborationGroup",
    "collaboration.Undertaking",
    "cases.Operation",
    "reports.ReportRun",
]


@pytest.mark.parametrize("model", DETAIL_PAGES)
def test_each_detail_page(log_in, live_server, model):
    from django.apps import apps

    obj = apps.get_model(model).objects.order_by("pk").first()
    page = log_in("samordnare")
    response = page.goto(f"{live_server.url}{obj.get_absolute_url()}")
    assert response.status == 200
    assert serious_violations(page) == []


def test_the_two_factor_pages(page, live_server, demo):
    from tests.e2e.conftest import enter_password
    from tests.factories import PASSWORD, member
    from umebra.roles import Role

    member(Role.AUDITOR, username="ny.granskare")
    page.goto(f"{live_server.url}/login/")
    enter_password(page, "ny.granskare", PASSWORD)
    page.wait_for_url("**/login/enrol/**")
    assert serious_violations(page) == []


def test_a_case_page_as_its_owner_and_as_the_school(log_in, browser, live_server, screen):
    from cases.models import SigCase
    from tests.e2e.conftest import log_in_on

    case = SigCase.objects.get(person__name="Alva Testsson")
    for username in ("socialsekreterare", "skolkurator"):
        context = browser.new_context(viewport=screen) if screen else browser.new_context()
        page = log_in_on(context.new_page(), live_server.url, username)
        assert page.goto(f"{live_server.url}{case.get_absolute_url()}").status == 200
        assert serious_violations(page) == [], username


def test_the_open_menu_on_a_phone(log_in, screen):
    if screen != PHONE:
        pytest.skip("the menu folds only on a phone")
    page = log_in("samordnare")
    page.get_by_role("button", name="Meny").click()
    assert serious_violations(page) == []

"""Phone first for the field (issue 17): the home page leads a reporter straight to the
observation form, and the main menu carries the button that folds it on a narrow screen.

Who reports is docs/rules.md, rule 9: coordinators, the police and every party taking part.
"""

import pytest
from django.urls import reverse

from tests.factories import log_in, member
from umebra.roles import Role

pytestmark = pytest.mark.django_db

REPORT_LINK = f'href="{reverse("collaboration:observation-create")}"'

# role × does their home page offer "Rapportera en observation"
HOME_REPORT_LINK = [
    (Role.COORDINATOR, True),
    (Role.SOCIAL_WORKER, True),
    (Role.SCHOOL_STAFF, True),
    (Role.POLICE, True),
    (Role.AGENCY_INSPECTOR, True),
    (Role.PARTNER, True),
    (Role.POLITICIAN, False),
    (Role.AUDITOR, False),
    (Role.ADMIN, False),
]


@pytest.mark.parametrize(("role", "expected"), HOME_REPORT_LINK)
def test_the_home_page_offers_the_report_form_to_those_who_report(client, role, expected):
    log_in(client, member(role))
    page = client.get(reverse("home")).content.decode()
    assert (REPORT_LINK in page and "Rapportera en observation" in page) is expected


def test_the_report_link_leads_to_a_form_that_opens(client):
    log_in(client, member(Role.PARTNER))
    assert client.get(reverse("collaboration:observation-create")).status_code == 200


def test_the_main_menu_has_its_button_and_its_script_from_a_file(client):
    log_in(client, member(Role.PARTNER))
    page = client.get(reverse("home")).content.decode()
    assert (
        '<button type="button" class="menu-button" aria-expanded="true" '
        'aria-controls="main-menu" hidden>Meny</button>'
    ) in page
    assert '<ul id="main-menu">' in page
    assert 'src="/static/js/menu.js"' in page
    assert "<script>" not in page  # the CSP refuses inline script


def test_the_efforts_list_comes_before_its_filters(client):
    log_in(client, member(Role.COORDINATOR))
    page = client.get(reverse("collaboration:effort-list")).content.decode()
    assert page.index("<table") < page.index('id="effort-filters"')
    assert 'href="#effort-filters"' in page

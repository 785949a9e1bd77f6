"""The accessibility statement (lag 2018:1937, DIGG's model statement): public, linked from
every page, in the municipality's words as the administrator keeps them in the admin."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import log_in, member
from umebra.accessibility import demo
from umebra.accessibility.models import AccessibilityStatement
from umebra.roles import Role

pytestmark = pytest.mark.django_db

STATEMENT = reverse("accessibility-statement")

# DIGG's model statement, heading by heading, as the Swedish page words them.
HEADINGS = [
    "Tillgänglighetsredogörelse",
    "Hur tillgänglig är tjänsten?",
    "Vad kan du göra om du inte kan använda delar av tjänsten?",
    "Rapportera brister i tjänstens tillgänglighet",
    "Tillsyn",
    "Teknisk information om tjänstens tillgänglighet",
    "Innehåll som inte är tillgängligt",
    "Hur vi testat tjänsten",
]


@pytest.fixture
def statement(db):
    demo.seed()
    return AccessibilityStatement.objects.get()


def test_anyone_reads_the_statement_without_logging_in(client, statement):
    response = client.get(STATEMENT)
    assert response.status_code == 200
    page = response.content.decode()
    for heading in HEADINGS:
        assert f">{heading}</h" in page, heading
    assert "delvis förenlig med lagen om tillgänglighet till digital offentlig service" in page
    assert 'href="https://www.digg.se/tdosanmalan"' in page
    assert "Myndigheten för digital förvaltning" in page


def test_the_demo_statement_says_what_is_true_of_this_installation(client, statement):
    page = client.get(STATEMENT).content.decode()
    assert "Umeå kommun ansvarar för Umebrå" in page
    assert "mailto:tillganglighet@umea.example" in page
    assert "/admin/" in page and "har inte testats för tillgänglighet" in page
    assert "textalternativ" in page and "tabeller bredvid" in page
    assert "Den senaste bedömningen gjordes den 3 december 2026." in page


def test_without_a_statement_the_page_still_opens_and_takes_reports(client, db):
    response = client.get(STATEMENT)
    assert response.status_code == 200
    assert "har ännu inte skrivit sin del av redogörelsen" in response.content.decode()


def test_a_half_logged_in_user_reads_it_before_the_second_factor(client, db):
    client.force_login(member(Role.COORDINATOR))  # password given, code not yet
    assert client.get(STATEMENT).status_code == 200
    assert client.get(reverse("home")).status_code == 302


def test_every_page_links_to_it_in_its_footer(client, coordinator):
    link = f'href="{STATEMENT}"'
    assert link in client.get(reverse("home")).content.decode()
    assert link in Client().get(reverse("login")).content.decode()
    assert link in Client().get(reverse("collaboration:public-promises")).content.decode()


def test_the_administrator_edits_the_municipalitys_words_in_the_admin(statement):
    administrator = log_in(Client(), member(Role.ADMIN))
    response = administrator.post(
        reverse("admin:accessibility_accessibilitystatement_change", args=[statement.pk]),
        {
            "organisation_name": "Vännäs kommun",
            "contact_email": "webb@vannas.example",
            "contact_phone": "",
            "assessed_on": "2027-01-15",
            "known_gaps": "Kartan över områdena saknar textalternativ.",
        },
    )
    assert response.status_code == 302
    page = Client().get(STATEMENT).content.decode()
    assert "Vännäs kommun ansvarar för Umebrå" in page
    assert "Kartan över områdena saknar textalternativ." in page
    assert "15 januari 2027" in page
    assert AccessibilityStatement.objects.get().assessed_on == datetime.date(2027, 1, 15)


def test_the_admin_adds_the_statement_once_and_deletes_it_never(statement):
    administrator = log_in(Client(), member(Role.ADMIN))
    add = reverse("admin:accessibility_accessibilitystatement_add")
    delete = reverse("admin:accessibility_accessibilitystatement_delete", args=[statement.pk])
    assert administrator.get(add).status_code == 403
    assert administrator.post(delete, {"post": "yes"}).status_code == 403
    assert AccessibilityStatement.objects.count() == 1

"""The core's pages through Django's test client, per role."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory, log_in, member
from umebra.models import WorkerPing
from umebra.roles import Role

pytestmark = pytest.mark.django_db

SWEDISH_ROLE_HEADINGS = {
    Role.COORDINATOR: "Samordnare",
    Role.SOCIAL_WORKER: "Socialsekreterare",
    Role.SCHOOL_STAFF: "Skolpersonal",
    Role.POLICE: "Polis",
    Role.AGENCY_INSPECTOR: "Myndighetsinspektör",
    Role.PARTNER: "Samverkanspart",
    Role.POLITICIAN: "Förtroendevald",
    Role.COUNTY_COORDINATOR: "Länssamordnare",
    Role.AUDITOR: "Granskare",
    Role.ADMIN: "Administratör",
}

# role × home-page panel × shown?
PANELS = {
    "Aktörer": {Role.ADMIN},
    "Bakgrundsjobb": {Role.ADMIN},
    "Ska vara klart inom två veckor": {Role.COORDINATOR},
    "Veckans insatser": {Role.COORDINATOR},
    "Veckans observationer": {Role.COORDINATOR, Role.POLICE},
    "Era överenskommelser": {Role.SOCIAL_WORKER, Role.SCHOOL_STAFF, Role.POLICE,
                             Role.AGENCY_INSPECTOR, Role.PARTNER},
    "Granskning av åtkomstloggen": {Role.AUDITOR},
}  # fmt: skip


def test_the_login_page_is_in_swedish_by_default(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()
    assert "Logga in" in response.content.decode()
    assert "Användarnamn" in response.content.decode()


def test_english_can_be_chosen(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/login/"})
    assert response.status_code == 302
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in page
    assert "Username" in page


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_logging_in_leads_to_the_home_page(client):
    user = member(Role.POLITICIAN)  # a role without personal data: one factor is enough
    response = client.post(
        reverse("login"), {"username": user.username, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("home")
    assert response.context["user"] == user


def test_a_wrong_password_is_refused_with_a_message(client):
    user = member(Role.COORDINATOR)
    response = client.post(reverse("login"), {"username": user.username, "password": "nej"})
    assert response.status_code == 200
    assert "korrekt användarnamn och lösenord" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logging_out_takes_a_post(client):
    log_in(client, member(Role.POLICE))
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_its_own_home_page(client, role):
    log_in(client, member(role))
    response = client.get(reverse("home"))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{SWEDISH_ROLE_HEADINGS[role]}</h1>" in page
    for heading, roles in PANELS.items():
        assert (f">{heading}</h2>" in page) is (role in roles), heading


def test_a_user_without_an_active_membership_is_told_so(client):
    log_in(client, UserFactory())  # no membership, so nothing it opens
    response = client.get(reverse("home"))
    assert response.status_code == 403
    assert "Inget aktivt medlemskap" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"), [(role, 302 if role == Role.ADMIN else 403) for role in Role]
)
def test_only_administrators_ask_for_a_worker_check(
    client, django_capture_on_commit_callbacks, role, status
):
    log_in(client, member(role))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("worker-ping"))
    assert response.status_code == status
    assert WorkerPing.objects.count() == (1 if status == 302 else 0)
    assert len(callbacks) == WorkerPing.objects.count()


def test_the_worker_check_is_shown_waiting_until_answered(client):
    admin = member(Role.ADMIN)
    log_in(client, admin)
    WorkerPing.objects.create(requested_by=admin)
    assert "Väntar på svar" in client.get(reverse("home")).content.decode()


def test_health_endpoint_answers_without_login(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize(("role", "status"), [(Role.ADMIN, 200), (Role.COORDINATOR, 302)])
def test_only_administrators_reach_the_django_admin(client, role, status):
    log_in(client, member(role))
    assert client.get(reverse("admin:index")).status_code == status


def test_a_browser_asking_for_english_still_gets_swedish_until_english_is_chosen(client):
    page = client.get(reverse("login"), headers={"accept-language": "en-US,en;q=0.9"})
    assert "Logga in" in page.content.decode()


def test_a_refusal_and_a_missing_page_answer_in_swedish_within_the_site(client):
    """Not Django's bare English pages: the site's own, with its menu, in the user's
    language."""
    log_in(client, member(Role.POLITICIAN))
    refused = client.get(reverse("collaboration:effort-list"))
    assert refused.status_code == 403
    page = refused.content.decode()
    assert '<html lang="sv">' in page and "Inte för din roll" in page
    assert 'class="main-nav"' in page

    missing = client.get(reverse("cases:case-detail", args=[987654]))
    assert missing.status_code == 404
    page = missing.content.decode()
    assert '<html lang="sv">' in page and "Sidan finns inte" in page

    client.post(reverse("set_language"), {"language": "en"})
    assert "Not for your role" in client.get(reverse("collaboration:effort-list")).content.decode()


def test_every_page_names_an_icon_of_ours(client):
    """Without one, browsers ask for /favicon.ico on every page and get a 404."""
    import re

    from django.contrib.staticfiles import finders

    page = client.get(reverse("login")).content.decode()
    icon = re.search(r'<link rel="icon" href="[^"]*/static/([^"]+)"', page)
    assert icon and finders.find(icon.group(1))


def test_a_form_whose_token_has_expired_is_explained_in_swedish():
    """Django's own page says "CSRF verification failed" in English."""
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Formuläret hade gått ut" in page and "Inget sparades" in page


@pytest.mark.parametrize(
    ("first", "last", "shown"), [("Åsa", "Berg", "Åsa Berg"), ("", "", "anonym-handlaggare")]
)
def test_the_header_names_the_user_by_full_name_or_else_user_name(client, first, last, shown):
    user = member(Role.COORDINATOR, username="anonym-handlaggare", first_name=first, last_name=last)
    log_in(client, user)
    page = client.get(reverse("home")).content.decode()
    who = page.split('<span class="who">')[1].split(",")[0]
    assert who.strip() == shown == user.display_name


ERROR_PAGES = ["403.html", "403_csrf.html", "404.html", "413.html", "500.html", "503.html"]


@pytest.mark.parametrize("name", ERROR_PAGES)
def test_every_error_page_stands_on_the_one_error_layout(name):
    from django.template.loader import get_template

    first = get_template(name).template.nodelist[0]
    assert getattr(first, "parent_name", None) and first.parent_name.var == "error.html"


@pytest.mark.parametrize("name", ["403_csrf.html", "413.html", "500.html", "503.html"])
def test_an_error_page_drawn_without_a_request_asks_no_database(name, django_assert_num_queries):
    """The 503 page is shown when the database cannot be reached."""
    from django.template.loader import render_to_string

    with django_assert_num_queries(0):
        page = render_to_string(name, {"limit": 10})
    assert '<html lang="sv">' in page and 'class="error-page"' in page
    assert 'lang="en"' in page and "language-form" not in page  # no form token to give

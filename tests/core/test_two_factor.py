"""Login hardening: two factors for roles that reach personal data, lock-out, idle timeout, CSP."""

import base64
import re
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, log_in, member
from umebra.roles import TWO_FACTOR_ROLES, Role
from umebra.two_factor import services

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def password_step(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": PASSWORD})


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key):06d}"


@pytest.mark.parametrize("role", list(Role))
def test_roles_that_reach_personal_data_must_enrol_before_anything_else(client, role):
    user = member(role)
    password_step(client, user)
    response = client.get(reverse("home"))
    if role in TWO_FACTOR_ROLES:
        assert response.status_code == 302
        assert response.url.startswith(reverse("two-factor-enrol"))
    else:
        assert response.status_code == 200


def test_enrolment_shows_a_qr_code_and_the_key_and_takes_a_code(client):
    user = member(Role.COORDINATOR)
    password_step(client, user)
    page = client.get(reverse("two-factor-enrol")).content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = services.totp_secret(device)
    assert secret in page
    assert "<svg" in page and "<title>" in page

    response = client.post(reverse("two-factor-enrol"), {"code": "000000"})
    assert "Koden stämmer inte" in response.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # after a wrong code django-otp makes the next one wait a second

    response = client.post(reverse("two-factor-enrol"), {"code": code_for(device)}, follow=True)
    codes = response.context["codes"]
    assert len(codes) == 10 and all(code in response.content.decode() for code in codes)
    assert client.get(reverse("home")).status_code == 200
    # Shown once only.
    assert client.get(reverse("two-factor-backup-codes")).context["codes"] is None


def test_a_user_with_an_app_is_asked_for_its_code(client):
    user = member(Role.POLICE)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    password_step(client, user)
    assert client.get(reverse("home")).url.startswith(reverse("two-factor-verify"))

    response = client.post(reverse("two-factor-verify"), {"code": "123456"})
    assert "Koden är fel" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # after a wrong code django-otp makes the next one wait a second

    client.post(reverse("two-factor-verify"), {"code": code_for(device), "next": "/"})
    assert client.get(reverse("home")).status_code == 200


def test_a_backup_code_works_once(client):
    user = member(Role.SOCIAL_WORKER)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    code = services.backup_codes_renew(user=user)[0]
    password_step(client, user)
    client.post(reverse("two-factor-verify"), {"code": code})
    assert client.get(reverse("home")).status_code == 200
    assert not StaticToken.objects.filter(token=code).exists()


def test_the_password_alone_cannot_replace_an_enrolled_app(client):
    user = member(Role.ADMIN)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    password_step(client, user)
    response = client.get(reverse("two-factor-enrol"))
    assert response.status_code == 302
    assert response.url == reverse("two-factor-verify")


def test_an_offsite_next_is_ignored(client):
    user = member(Role.POLICE)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    password_step(client, user)
    response = client.post(
        reverse("two-factor-verify"), {"code": code_for(device), "next": "https://evil.example/"}
    )
    assert response.url == "/"


def test_the_demo_key_is_the_published_one():
    device = TOTPDevice(key=base64.b32decode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP").hex())
    assert services.totp_secret(device) == "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def test_repeated_failures_lock_the_account_out(client, settings):
    user = member(Role.POLITICIAN)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": user.username, "password": "fel"})
    response = password_step(client, user)
    assert response.status_code == 429
    assert "Kontot är låst" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_out_follows_the_account_to_another_address(client, settings):
    user = member(Role.POLITICIAN)
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": user.username, "password": "fel"},
            REMOTE_ADDR=f"198.51.100.{n}",
        )
    assert password_step(client, user).status_code == 429


def test_a_session_ends_after_idle_time_and_each_request_extends_it(client, settings):
    log_in(client, member(Role.POLITICIAN))
    client.get(reverse("home"))
    session = Session.objects.get()
    remaining = (session.expire_date - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 < remaining <= settings.SESSION_COOKIE_AGE
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    assert client.get(reverse("home")).status_code == 302


def test_the_session_is_written_at_most_once_a_minute(client):
    from umebra.middleware import IdleTimeoutMiddleware

    log_in(client, member(Role.POLITICIAN))  # which saves it, as a login does
    written = Session.objects.get().expire_date
    client.get(reverse("home"))  # seconds later: not written again
    assert Session.objects.get().expire_date == written
    session = client.session
    session[IdleTimeoutMiddleware.KEY] = 0  # last extended long ago
    session.save()
    Session.objects.update(expire_date=written)
    client.get(reverse("home"))
    assert Session.objects.get().expire_date > written  # extended


def test_a_page_left_open_polling_does_not_keep_the_session_alive(client):
    from umebra.middleware import IdleTimeoutMiddleware

    log_in(client, member(Role.POLITICIAN))
    session = client.session
    session[IdleTimeoutMiddleware.KEY] = 0  # last extended long ago
    session.save()
    written = Session.objects.get().expire_date
    client.get(reverse("reports:report-list"), headers={"X-Requested-With": "poll"})
    assert Session.objects.get().expire_date == written
    client.get(reverse("reports:report-list"))  # a person at work
    assert Session.objects.get().expire_date > written


def test_every_page_carries_a_strict_content_security_policy(client):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates"), *ROOT.glob("*/*/templates")]


@pytest.mark.parametrize(
    "template", [p for d in TEMPLATE_DIRS for p in d.rglob("*.html")], ids=lambda p: p.name
)
def test_no_template_has_inline_script_or_style(template):
    text = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)", text), "inline <script>"
    assert not re.search(r"\son\w+=", text), "inline event handler"
    assert not re.search(r"\sstyle=|<style", text), "inline style"

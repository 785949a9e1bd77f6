"""Login hardening: two factors for roles that reach personal data, lock-out, idle timeout, CSP."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, log_in, member
from umebra import access
from umebra.roles import Role
from umebra.two_factor import devices, services
from umebra.two_factor.models import BackupCode

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def password_step(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": PASSWORD})


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key):06d}"


# docs/rules.md, rule 6: every role but these reaches personal data and needs two factors.
ONE_FACTOR = {Role.PARTNER, Role.POLITICIAN, Role.COUNTY_COORDINATOR}


@pytest.mark.parametrize("role", list(Role))
def test_roles_that_reach_personal_data_must_enrol_before_anything_else(client, role):
    user = member(role)
    password_step(client, user)
    response = client.get(reverse("home"))
    if role not in ONE_FACTOR:
        assert response.status_code == 302
        assert response.url.startswith(reverse("two-factor-enrol"))
    else:
        assert response.status_code == 200


def test_enrolment_shows_a_qr_code_and_the_key_and_takes_a_code(client):
    user = member(Role.COORDINATOR)
    password_step(client, user)
    page = client.get(reverse("two-factor-enrol")).content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = devices.totp_secret(device)
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
    code = services.backup_codes_renew(actor=access.actor_for(user))[0]
    password_step(client, user)
    client.post(reverse("two-factor-verify"), {"code": code})
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))
    password_step(client, user)
    response = client.post(reverse("two-factor-verify"), {"code": code})
    assert "Koden är fel" in response.content.decode()


def test_backup_codes_are_kept_only_as_keyed_hashes():
    user = member(Role.SOCIAL_WORKER)
    codes = services.backup_codes_renew(actor=access.actor_for(user))
    kept = set(BackupCode.objects.filter(device__user=user).values_list("digest", flat=True))
    assert len(kept) == len(codes) == 10
    assert not kept & set(codes)
    assert not any(code.replace("-", "") in digest for code in codes for digest in kept)
    # The hash of a code without the key (SECRET_KEY) is not what is kept.
    assert not kept & {hashlib.sha256(code.replace("-", "").encode()).hexdigest() for code in codes}


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
    assert devices.totp_secret(device) == "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


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


def session_key(client) -> str:
    return client.cookies["sessionid"].value


def test_each_login_step_gives_a_new_session_key(client):
    """A session planted before a step (by someone who knew the password) is not the one
    that passes it."""
    user = member(Role.POLICE)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.get(reverse("login"))
    client.cookies["sessionid"] = "planted-by-an-attacker-0123456789"
    password_step(client, user)
    after_password = session_key(client)
    assert after_password != "planted-by-an-attacker-0123456789"
    client.post(reverse("two-factor-verify"), {"code": code_for(device), "next": "/"})
    assert session_key(client) != after_password
    # The half-logged-in session left behind opens nothing.
    planted = type(client)()
    planted.cookies["sessionid"] = after_password
    assert planted.get(reverse("home")).status_code == 302


def test_enrolling_a_first_app_is_a_new_session_key_too(client):
    user = member(Role.COORDINATOR)
    password_step(client, user)
    before = session_key(client)
    client.get(reverse("two-factor-enrol"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(reverse("two-factor-enrol"), {"code": code_for(device)})
    assert session_key(client) != before


def password_checked_long_ago(client) -> None:
    from umebra.reauth import SESSION_KEY

    session = client.session
    session[SESSION_KEY] = 0
    session.save()


@pytest.mark.parametrize(
    ("method", "name"),
    [("get", "two-factor-enrol"), ("post", "two-factor-enrol"),
     ("post", "two-factor-backup-codes"), ("get", "cases:emergency-open")],
)  # fmt: skip
def test_sensitive_steps_ask_for_the_password_again(client, method, name):
    user = member(Role.SOCIAL_WORKER)
    log_in(client, user)  # a verified session with an app
    password_checked_long_ago(client)
    response = getattr(client, method)(reverse(name), {"code": "123456"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("password-confirm"))
    assert TOTPDevice.objects.filter(user=user).count() == 1  # nothing replaced
    assert not BackupCode.objects.filter(device__user=user).exists()  # nothing made


def test_the_password_confirmed_leads_back_and_a_wrong_one_does_not(client):
    user = member(Role.SOCIAL_WORKER)
    log_in(client, user)
    password_checked_long_ago(client)
    url = reverse("password-confirm") + "?next=" + reverse("two-factor-enrol")
    response = client.post(url, {"password": "fel"})
    assert response.status_code == 400
    assert "Lösenordet är fel" in response.content.decode()
    assert client.get(reverse("two-factor-enrol")).status_code == 302  # still asks
    response = client.post(url, {"password": PASSWORD})
    assert response.url == reverse("two-factor-enrol")
    assert client.get(reverse("two-factor-enrol")).status_code == 200
    # Off-site, it leads home instead.
    password_checked_long_ago(client)
    response = client.post(
        reverse("password-confirm") + "?next=https://evil.example/", {"password": PASSWORD}
    )
    assert response.url == "/"


def test_wrong_passwords_at_the_confirmation_lock_the_account_out(client, settings):
    user = member(Role.SOCIAL_WORKER)
    log_in(client, user)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("password-confirm"), {"password": "fel"})
    assert client.post(reverse("password-confirm"), {"password": PASSWORD}).status_code == 429


def test_a_sensitive_post_comes_back_to_its_page_after_the_password(client):
    user = member(Role.SOCIAL_WORKER)
    log_in(client, user)
    password_checked_long_ago(client)
    page = reverse("two-factor-backup-codes")
    response = client.post(page, HTTP_REFERER=f"http://testserver{page}")
    assert response.url == reverse("password-confirm") + "?next=http%3A%2F%2Ftestserver" + (
        page.replace("/", "%2F")
    )


def test_enrolling_replacing_and_new_backup_codes_are_in_the_log(client):
    from umebra.audit.models import AccessEvent

    user = member(Role.COORDINATOR)
    password_step(client, user)
    for _ in range(2):  # the first app, then (verified, password fresh) a replacement
        client.get(reverse("two-factor-enrol"))
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        client.post(reverse("two-factor-enrol"), {"code": code_for(device)})
    client.post(reverse("two-factor-backup-codes"))
    reasons = list(
        AccessEvent.objects.filter(user=user).order_by("id").values_list("object_type", "reason")
    )
    assert reasons == [
        ("otp_totp.totpdevice", "authenticator enrolled"),
        ("two_factor.backupcodedevice", "backup codes made"),
        ("otp_totp.totpdevice", "authenticator replaced"),
        ("two_factor.backupcodedevice", "backup codes made"),
        ("two_factor.backupcodedevice", "backup codes made"),
    ]

"""Login through a real OpenID Connect provider (oidc-provider-mock, in a process of its
own): who gets in, who is asked for Umebrå's own code, who is refused, and logging out."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import member
from umebra.roles import Role
from umebra.sso.models import ExternalIdentity, Provider

pytestmark = pytest.mark.django_db

LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"
LOA2 = "http://id.elegnamnden.se/loa/1.0/loa2"


def sso_login(client, provider, sub, *, next_url=""):
    """The browser's round trip: our login link, the provider's form, our callback."""
    query = {"next": next_url} if next_url else {}
    start = client.get(reverse("oidc_authentication_init"), query)
    assert start.status_code == 302 and start.url.startswith(provider.issuer), start
    back = urlsplit(provider.log_in(start.url, sub))
    assert back.path == reverse("oidc_authentication_callback")
    return client.get(back.path, parse_qs(back.query))


def assert_lands(client, user, lands: str) -> None:
    """``user`` is logged in on ``client``, and the home page shows, or sends to ``lands``."""
    assert client.session["_auth_user_id"] == str(user.pk)
    home = client.get(reverse("home"))
    if lands == "home":
        assert home.status_code == 200
    else:
        assert home.status_code == 302 and home.url.startswith(reverse(lands))


def onward_url(response) -> str:
    """Where the page that logs out at the provider goes on to, by itself and by its link."""
    text = response.content.decode()
    refresh = re.search(r'<meta http-equiv="refresh" content="0;url=([^"]+)">', text).group(1)
    link = re.search(r'<a href="([^"]+)">Fortsätt till identitetsleverantören', text).group(1)
    assert html.unescape(refresh) == html.unescape(link)
    return html.unescape(link)


def linked(role, subject, **user_fields):
    user = member(role, **user_fields)
    ExternalIdentity.objects.create(user=user, provider=Provider.OIDC, subject=subject)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


# person × what the provider asserts × where they land on the home page
# (PARTNER needs no second factor at all; POLICE does, unless the provider gave one)
LOGINS = [
    ("police with a multi-factor login (acr)", Role.POLICE, {"acr": LOA3}, "home"),
    ("police with a multi-factor login (amr)", Role.POLICE, {"amr": ["pwd", "mfa"]}, "home"),
    ("police with a password only", Role.POLICE, {"acr": LOA2}, "two-factor-verify"),
    ("police, the provider says nothing", Role.POLICE, {}, "two-factor-verify"),
    ("property owner with a password only", Role.PARTNER, {"acr": LOA2}, "home"),
]


@pytest.mark.parametrize(("who", "role", "claims", "lands"), LOGINS, ids=[r[0] for r in LOGINS])
def test_a_linked_person_logs_in_and_is_asked_the_code_only_without_multi_factor(
    client, oidc_provider, who, role, claims, lands
):
    subject = f"sub-{role}-{len(claims)}-{sorted(claims)}"
    user = linked(role, subject)
    oidc_provider.person(subject, **claims)

    response = sso_login(client, oidc_provider, subject)
    assert response.status_code == 302
    assert_lands(client, user, lands)


def test_an_unknown_person_is_refused_with_a_page_that_says_whom_to_ask(client, oidc_provider):
    oidc_provider.person("stranger-1", acr=LOA3, email="samordnare@umebra.example")
    member(Role.COORDINATOR, email="samordnare@umebra.example")  # same e-mail, never linked

    response = sso_login(client, oidc_provider, "stranger-1")
    assert response.status_code == 302 and response.url == reverse("sso-refused")
    assert "_auth_user_id" not in client.session
    page = client.get(response.url)
    assert page.status_code == 403
    text = page.content.decode()
    assert "Umebrå känner inte igen dig än" in text
    assert "behörighetsadministratör" in text
    assert "stranger-1" in text
    assert client.get(reverse("home")).status_code == 302


def test_the_configured_claim_identifies_the_person_not_the_subject(
    client, oidc_provider, settings
):
    settings.UMEBRA_OIDC_IDENTIFIER_CLAIM = "hsaid"
    user = linked(Role.SOCIAL_WORKER, "SE2321000214-E12345")
    linked(Role.COORDINATOR, "sub-of-someone")
    oidc_provider.person("sub-of-someone", hsaid="SE2321000214-E12345", acr=LOA3)

    sso_login(client, oidc_provider, "sub-of-someone")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_switched_off_account_is_refused(client, oidc_provider):
    user = linked(Role.POLICE, "sub-off")
    user.is_active = False
    user.save()
    oidc_provider.person("sub-off", acr=LOA3)

    response = sso_login(client, oidc_provider, "sub-off")
    assert response.url == reverse("sso-refused")
    assert "_auth_user_id" not in client.session


def test_the_login_page_offers_the_provider_only_when_configured(client, settings, oidc_provider):
    assert reverse("oidc_authentication_init") in client.get(reverse("login")).content.decode()
    settings.UMEBRA_OIDC_ISSUER = ""
    assert reverse("oidc_authentication_init") not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback")).status_code == 404


def test_logging_out_ends_the_providers_session_too(client, oidc_provider):
    linked(Role.POLICE, "sub-out")
    oidc_provider.person("sub-out", acr=LOA3)
    sso_login(client, oidc_provider, "sub-out")
    id_token = client.session["oidc_id_token"]

    response = client.post(reverse("logout"))
    assert response.status_code == 200
    onward = onward_url(response)
    target = urlsplit(onward)
    assert f"{target.scheme}://{target.netloc}" == oidc_provider.issuer
    assert target.path == "/oauth2/end_session"
    query = parse_qs(target.query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == ["http://testserver" + reverse("login")]
    assert "_auth_user_id" not in client.session


def test_a_sensitive_step_asks_for_a_fresh_login_at_the_provider(client, oidc_provider, settings):
    settings.UMEBRA_REAUTH_MINUTES = 0
    linked(Role.POLICE, "sub-again")
    oidc_provider.person("sub-again", acr=LOA3)
    sso_login(client, oidc_provider, "sub-again")
    client.session.save()
    session = client.session
    session["umebra_password_checked_at"] = 0
    session.save()

    step = reverse("two-factor-backup-codes")
    asked = client.post(step, HTTP_REFERER="http://testserver" + step)
    confirm = client.get(asked.url)
    again = confirm.context["sso_again_url"]
    assert again.startswith(reverse("oidc_authentication_init")) and "again=1" in again

    start = client.get(again)
    assert parse_qs(urlsplit(start.url).query)["prompt"] == ["login"]
    back = urlsplit(oidc_provider.log_in(start.url, "sub-again"))
    client.get(back.path, parse_qs(back.query))
    response = client.post(step)
    assert response.status_code == 302 and response.url == step
    assert len(client.get(step).context["codes"]) == 10


def test_an_empty_setting_of_multi_factor_values_makes_no_login_multi_factor(
    client, oidc_provider, settings
):
    """An environment that sets UMEBRA_SSO_MFA_VALUES to nothing must not make a token
    without acr, whose acr reads as "", count as multi-factor."""
    settings.UMEBRA_SSO_MFA_VALUES = [""]
    user = linked(Role.POLICE, "sub-empty-mfa")
    oidc_provider.person("sub-empty-mfa")
    sso_login(client, oidc_provider, "sub-empty-mfa")
    assert_lands(client, user, "two-factor-verify")

"""Login through a real SAML 2.0 identity provider (made with pysaml2, in a process of its
own, signing what it says): who gets in, who is asked for Umebrå's own code, who is
refused, and single logout."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import member
from tests.sso.test_oidc import assert_lands, onward_url
from umebra.roles import Role
from umebra.sso.models import ExternalIdentity, Provider

pytestmark = pytest.mark.django_db

LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"
PASSWORD = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"


def sso_login(client, provider, subject, *, context, hsaid="", next_url=""):
    """The browser's round trip: our login link, the provider's page, its POST back."""
    query = {"next": next_url} if next_url else {}
    start = client.get(reverse("saml2_login"), query)
    assert start.status_code == 302 and start.url.startswith(provider.base), start
    answer = provider.log_in(start.url, subject, context=context, hsaid=hsaid)
    assert urlsplit(answer["action"]).path == reverse("saml2_acs")
    return client.post(
        reverse("saml2_acs"),
        {"SAMLResponse": answer["SAMLResponse"], "RelayState": answer.get("RelayState", "")},
    )


def linked(role, subject):
    user = member(role)
    ExternalIdentity.objects.create(user=user, provider=Provider.SAML, subject=subject)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


# person × how they logged in at the provider × where they land on the home page
LOGINS = [
    ("social worker with e-identification", Role.SOCIAL_WORKER, LOA3, "home"),
    ("social worker with a password", Role.SOCIAL_WORKER, PASSWORD, "two-factor-verify"),
    ("politician with a password", Role.POLITICIAN, PASSWORD, "home"),
]


@pytest.mark.parametrize(("who", "role", "context", "lands"), LOGINS, ids=[r[0] for r in LOGINS])
def test_a_linked_person_logs_in_and_is_asked_the_code_only_without_multi_factor(
    client, saml_provider, who, role, context, lands
):
    subject = f"saml-{role}-{context[-4:]}"
    user = linked(role, subject)

    response = sso_login(client, saml_provider, subject, context=context)
    assert response.status_code == 302, response.content.decode()
    assert_lands(client, user, lands)


def test_an_unknown_person_is_refused_with_a_page_that_says_whom_to_ask(client, saml_provider):
    response = sso_login(client, saml_provider, "saml-stranger", context=LOA3)
    assert response.status_code == 302 and response.url == reverse("sso-refused")
    assert "_auth_user_id" not in client.session
    page = client.get(response.url)
    assert page.status_code == 403
    assert "saml-stranger" in page.content.decode()


def test_the_configured_attribute_identifies_the_person_not_the_name_id(
    client, saml_provider, settings
):
    settings.UMEBRA_SAML_IDENTIFIER_ATTRIBUTE = "hsaid"
    user = linked(Role.SCHOOL_STAFF, "SE2321000214-S777")
    linked(Role.COORDINATOR, "saml-name-id")

    sso_login(client, saml_provider, "saml-name-id", context=LOA3, hsaid="SE2321000214-S777")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_forged_answer_is_refused(client, saml_provider):
    linked(Role.POLICE, "saml-forged")
    start = client.get(reverse("saml2_login"))
    answer = saml_provider.log_in(start.url, "saml-victim", context=LOA3)
    import base64

    forged = base64.b64decode(answer["SAMLResponse"]).replace(b"saml-victim", b"saml-forged")
    response = client.post(
        reverse("saml2_acs"), {"SAMLResponse": base64.b64encode(forged).decode()}
    )
    assert response.status_code == 403
    assert "Inloggningen gick inte igenom" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logging_out_ends_the_providers_session_too(client, saml_provider):
    linked(Role.POLICE, "saml-out")
    sso_login(client, saml_provider, "saml-out", context=LOA3)

    response = client.post(reverse("logout"))
    onward = onward_url(response)
    assert onward.startswith(saml_provider.base)
    assert "_auth_user_id" not in client.session
    back = requests.get(onward, allow_redirects=False, timeout=5)
    assert back.status_code == 302, back.text
    assert "saml-out" in saml_provider.logged_out()
    returned = urlsplit(back.headers["Location"])
    assert returned.path == reverse("saml2_ls")
    assert client.get(returned.path, parse_qs(returned.query)).status_code == 302


def test_the_login_page_offers_the_provider_only_when_configured(client, saml_provider, settings):
    assert reverse("saml2_login") in client.get(reverse("login")).content.decode()
    settings.UMEBRA_SAML_METADATA = ""
    assert reverse("saml2_login") not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("saml2_login")).status_code == 404
    assert client.post(reverse("saml2_acs"), {"SAMLResponse": "x"}).status_code == 404


def test_the_service_provider_metadata_names_where_answers_go(client, saml_provider):
    """What the municipality gives its identity provider: the entity id, the assertion
    consumer service and the logout service, and no signing key unless one is configured."""
    response = client.get(reverse("saml2_metadata"))
    assert response.status_code == 200
    xml = response.content.decode()
    assert 'entityID="http://testserver/sso/saml/metadata/"' in xml
    assert 'Location="http://testserver/sso/saml/acs/"' in xml
    assert 'Location="http://testserver/sso/saml/ls/"' in xml
    assert "KeyDescriptor" not in xml


def test_with_a_key_requests_are_signed_and_the_key_is_in_the_metadata(
    client, saml_provider, settings
):
    workdir = saml_provider.metadata.parent
    settings.UMEBRA_SAML_KEY_FILE = str(workdir / "idp.key")  # any key pair will do here
    settings.UMEBRA_SAML_CERT_FILE = str(workdir / "idp.crt")
    assert "KeyDescriptor" in client.get(reverse("saml2_metadata")).content.decode()
    start = client.get(reverse("saml2_login"))
    query = parse_qs(urlsplit(start.url).query)
    assert "Signature" in query and "SigAlg" in query


def test_the_request_asks_for_a_persistent_name_id(client, saml_provider):
    """A transient NameID changes at each login and would match no link."""
    import base64
    import zlib

    start = client.get(reverse("saml2_login"))
    request = parse_qs(urlsplit(start.url).query)["SAMLRequest"][0]
    xml = zlib.decompress(base64.b64decode(request), -15).decode()
    assert 'Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"' in xml

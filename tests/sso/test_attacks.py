"""Attacks on single sign-on, against the real providers (oidc-provider-mock and the pysaml2
identity provider of ``saml_idp.py``): forged, replayed, unsolicited and misdirected
answers, login CSRF, open redirects, what a session keeps across logins, and the fresh
login a sensitive step asks for. Each test asserts the refusal. Three were holes when
written, closed with them: userinfo about another subject than the ID token's, and an
older login's answer counted as the fresh one asked for (OpenID Connect and SAML)."""

import base64
import re
import shutil
import time
import uuid
import zlib
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse
from saml2 import BINDING_HTTP_REDIRECT
from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server

from tests.factories import member
from tests.sso import saml_idp
from tests.sso import test_oidc as oidc_flows
from tests.sso import test_saml as saml_flows
from tests.sso.conftest import SP_BASE, SP_ENTITY_ID
from umebra import reauth
from umebra.roles import Role
from umebra.sso import oidc, sessions
from umebra.sso.models import Provider

pytestmark = pytest.mark.django_db

LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"
PASSWORD = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
EVIL = "https://evil.example/"
ACS = SP_BASE + "/sso/saml/acs/"


def logged_in_as(client):
    return client.session.get("_auth_user_id")


def verified(client) -> bool:
    """Whether the home page opens without Umebrå's own second step."""
    return client.get(reverse("home")).status_code == 200


def stale_password_check(client, settings) -> None:
    """As if the login was long ago: a sensitive step must now ask again."""
    settings.UMEBRA_REAUTH_MINUTES = 0
    session = client.session
    session["umebra_password_checked_at"] = 0
    session.save()


def sensitive_step_allowed(client) -> bool:
    """New backup codes: a sensitive step (``umebra.reauth.sensitive_step``)."""
    step = reverse("two-factor-backup-codes")
    response = client.post(step, HTTP_REFERER=SP_BASE + step)
    return response.status_code == 302 and response.url == step


# --- OpenID Connect -----------------------------------------------------------------------


def oidc_callback(client, provider, sub, **query):
    """Our login link and the provider's form, but not yet the way back: the callback's
    path and query, to be used (or replayed, or planted) by the test."""
    start = client.get(reverse("oidc_authentication_init"), query)
    assert start.status_code == 302 and start.url.startswith(provider.issuer)
    back = urlsplit(provider.log_in(start.url, sub))
    return back.path, {k: v[0] for k, v in parse_qs(back.query).items()}


def test_oidc_a_callback_without_state_logs_no_one_in(client, oidc_provider):
    oidc_flows.linked(Role.POLICE, "att-nostate")
    oidc_provider.person("att-nostate", acr=LOA3)
    path, query = oidc_callback(client, oidc_provider, "att-nostate")

    response = client.get(path, {"code": query["code"]})
    assert response.status_code == 302 and response.url == reverse("sso-refused")
    assert logged_in_as(client) is None


def test_oidc_a_callback_with_another_state_logs_no_one_in(client, oidc_provider):
    oidc_flows.linked(Role.POLICE, "att-badstate")
    oidc_provider.person("att-badstate", acr=LOA3)
    path, query = oidc_callback(client, oidc_provider, "att-badstate")

    response = client.get(path, {**query, "state": "not-the-state-we-sent"})
    assert response.status_code == 400
    assert logged_in_as(client) is None
    # The real state still works once: the forged one spent nothing but itself.
    assert client.get(path, query).status_code == 302
    assert logged_in_as(client) is not None


def test_oidc_a_callback_replayed_in_the_same_browser_after_logout_is_refused(
    client, oidc_provider
):
    oidc_flows.linked(Role.POLICE, "att-replay")
    oidc_provider.person("att-replay", acr=LOA3)
    path, query = oidc_callback(client, oidc_provider, "att-replay")
    assert client.get(path, query).status_code == 302
    assert logged_in_as(client) is not None
    client.post(reverse("logout"))
    assert logged_in_as(client) is None

    replay = client.get(path, query)
    assert replay.status_code in (302, 400)
    assert replay.status_code == 400 or replay.url == reverse("sso-refused")
    assert logged_in_as(client) is None


def test_oidc_a_callback_replayed_in_another_browser_is_refused(client, oidc_provider):
    oidc_flows.linked(Role.POLICE, "att-replay-2")
    oidc_provider.person("att-replay-2", acr=LOA3)
    path, query = oidc_callback(client, oidc_provider, "att-replay-2")
    client.get(path, query)
    assert logged_in_as(client) is not None

    thief = Client()
    replay = thief.get(path, query)
    assert replay.status_code == 302 and replay.url == reverse("sso-refused")
    assert logged_in_as(thief) is None


def test_oidc_login_csrf_the_attackers_callback_does_not_log_the_victim_in(client, oidc_provider):
    """The attacker starts a login in their own browser, logs in at the provider as
    themselves, and makes the victim's browser open the callback (an <img>, a link)."""
    oidc_flows.linked(Role.POLICE, "att-attacker")
    oidc_provider.person("att-attacker", acr=LOA3)
    attacker = Client()
    path, query = oidc_callback(attacker, oidc_provider, "att-attacker")

    # A victim who has never started a login here, and one who has a login of their own
    # under way: neither ends up in the attacker's account.
    fresh = client.get(path, query)
    assert fresh.status_code == 302 and fresh.url == reverse("sso-refused")
    assert logged_in_as(client) is None
    busy = Client()
    busy.get(reverse("oidc_authentication_init"))
    assert busy.get(path, query).status_code == 400
    assert logged_in_as(busy) is None


def test_oidc_next_to_another_site_lands_on_this_one(client, oidc_provider):
    oidc_flows.linked(Role.POLICE, "att-next")
    oidc_provider.person("att-next", acr=LOA3)
    response = oidc_flows.sso_login(client, oidc_provider, "att-next", next_url=EVIL)
    assert logged_in_as(client) is not None
    assert response.status_code == 302
    assert not response.url.startswith(("https://evil", "//"))
    assert urlsplit(response.url).netloc in ("", "testserver")


@pytest.mark.parametrize("claim", ["acr", "amr"])
def test_oidc_a_multi_factor_claim_only_in_userinfo_does_not_verify(
    client, oidc_provider, monkeypatch, settings, claim
):
    """acr and amr are read from the signed ID token only: userinfo is not a statement
    about this login, and a provider may let a person edit what it shows there. (The
    identifier claim is not in the ID token, so userinfo is read at all.)"""
    settings.UMEBRA_OIDC_IDENTIFIER_CLAIM = "hsaid"
    user = oidc_flows.linked(Role.SOCIAL_WORKER, f"hsa-ui-{claim}")
    oidc_provider.person(f"att-ui-{claim}")
    # oidc-provider-mock puts a person's claims in the ID token and userinfo alike, so a
    # claim in userinfo alone is made by adding it to the real provider's real answer.
    real = oidc.OIDCBackend.get_userinfo
    claimed = {"acr": LOA3} if claim == "acr" else {"amr": ["pwd", "mfa"]}

    def userinfo_with_mfa(self, access_token, id_token, payload):
        assert claim not in payload  # the ID token says nothing of it
        info = real(self, access_token, id_token, payload)
        return info | claimed | {"hsaid": f"hsa-ui-{claim}"}

    monkeypatch.setattr(oidc.OIDCBackend, "get_userinfo", userinfo_with_mfa)
    oidc_flows.sso_login(client, oidc_provider, f"att-ui-{claim}")
    assert logged_in_as(client) == str(user.pk)
    home = client.get(reverse("home"))
    assert home.status_code == 302 and home.url.startswith(reverse("two-factor-verify"))


def test_oidc_userinfo_about_another_subject_identifies_no_one(
    client, oidc_provider, monkeypatch, settings
):
    """OpenID Connect Core 5.3.2: the userinfo's ``sub`` must be the ID token's, or the
    answer may be about someone else (a substituted access token). The identifier claim
    read from userinfo must not log in whoever that someone is."""
    settings.UMEBRA_OIDC_IDENTIFIER_CLAIM = "hsaid"
    victim = oidc_flows.linked(Role.SOCIAL_WORKER, "SE-VICTIM-1")
    oidc_provider.person("att-mallory")

    # The test provider always answers about the token's own subject; a provider that
    # answers about another (or a substituted token) is played by this answer.
    def someone_elses(self, access_token, id_token, payload):
        return {"sub": "victims-sub", "hsaid": "SE-VICTIM-1"}

    monkeypatch.setattr(oidc.OIDCBackend, "get_userinfo", someone_elses)
    response = oidc_flows.sso_login(client, oidc_provider, "att-mallory")
    assert logged_in_as(client) != str(victim.pk)
    assert response.status_code in (302, 400)
    assert logged_in_as(client) is None


def test_oidc_the_refused_page_shows_only_what_the_provider_asserted(client, oidc_provider):
    """The identifier shown comes from the session, put there by a checked login; a link
    with text of the attacker's own puts nothing on the page."""
    planted = client.get(reverse("sso-refused"), {"subject": "Ring 08-123 456 och ge koden"})
    assert planted.status_code == 403
    assert "Ring 08-123" not in planted.content.decode()
    assert "Inloggningen gick inte igenom" in planted.content.decode()

    oidc_provider.person("att-<script>stranger")
    oidc_flows.sso_login(client, oidc_provider, "att-<script>stranger")
    page = client.get(reverse("sso-refused")).content.decode()
    assert "att-&lt;script&gt;stranger" in page
    assert "<script>stranger" not in page


def test_oidc_verified_does_not_carry_over_to_the_next_person_in_the_browser(client, oidc_provider):
    oidc_flows.linked(Role.POLICE, "att-first")
    oidc_provider.person("att-first", acr=LOA3)
    second = oidc_flows.linked(Role.SOCIAL_WORKER, "att-second")
    oidc_provider.person("att-second", acr="http://id.elegnamnden.se/loa/1.0/loa2")

    oidc_flows.sso_login(client, oidc_provider, "att-first")
    assert verified(client)
    oidc_flows.sso_login(client, oidc_provider, "att-second")  # no logout in between
    assert logged_in_as(client) == str(second.pk)
    assert not verified(client)


def test_oidc_logout_forgets_the_provider_and_its_token(client, oidc_provider):
    oidc_flows.linked(Role.POLICE, "att-forget")
    oidc_provider.person("att-forget", acr=LOA3)
    oidc_flows.sso_login(client, oidc_provider, "att-forget")
    assert client.session[sessions.PROVIDER_SESSION_KEY] == Provider.OIDC

    client.post(reverse("logout"))
    assert sessions.PROVIDER_SESSION_KEY not in client.session
    assert "oidc_id_token" not in client.session
    assert not verified(client)


def test_oidc_logging_in_again_without_again_does_not_count_as_a_fresh_login(
    client, oidc_provider, settings
):
    """Someone at a browser left open starts a plain login: the provider's session lets
    it through without a password, so it must not count as the password asked again."""
    oidc_flows.linked(Role.POLICE, "att-plain")
    oidc_provider.person("att-plain", acr=LOA3)
    oidc_flows.sso_login(client, oidc_provider, "att-plain")
    stale_password_check(client, settings)
    assert not sensitive_step_allowed(client)

    start = client.get(reverse("oidc_authentication_init"))
    assert "prompt" not in parse_qs(urlsplit(start.url).query)
    back = urlsplit(oidc_provider.log_in(start.url, "att-plain"))
    client.get(back.path, parse_qs(back.query))
    assert not sensitive_step_allowed(client)


def test_oidc_an_older_plain_login_finished_after_asking_again_is_not_a_fresh_login(
    client, oidc_provider, settings
):
    """A plain login started (the provider passes it without a password, as its session
    is still on), then one with ``again=1`` started and left at the provider's password
    form, then the plain one's callback: that is not the fresh login the step asked for."""
    oidc_flows.linked(Role.POLICE, "att-older")
    oidc_provider.person("att-older", acr=LOA3)
    oidc_flows.sso_login(client, oidc_provider, "att-older")
    stale_password_check(client, settings)

    plain_path, plain_query = oidc_callback(client, oidc_provider, "att-older")
    again = client.get(reverse("oidc_authentication_init"), {"again": "1"})
    assert parse_qs(urlsplit(again.url).query)["prompt"] == ["login"]
    client.get(plain_path, plain_query)
    assert not sensitive_step_allowed(client)

    # The login asked again, finished now, is the one that counts, once.
    back = urlsplit(oidc_provider.log_in(again.url, "att-older"))
    client.get(back.path, parse_qs(back.query))
    assert sessions.AGAIN_SESSION_KEY not in client.session
    assert sensitive_step_allowed(client)


def test_oidc_the_fresh_login_asked_for_still_counts(client, oidc_provider, settings):
    oidc_flows.linked(Role.POLICE, "att-fresh")
    oidc_provider.person("att-fresh", acr=LOA3)
    oidc_flows.sso_login(client, oidc_provider, "att-fresh")
    stale_password_check(client, settings)

    path, query = oidc_callback(client, oidc_provider, "att-fresh", again="1")
    client.get(path, query)
    assert sensitive_step_allowed(client)


# --- SAML 2.0 ------------------------------------------------------------------------------


def idp(provider, workdir=None) -> Server:
    """The provider's own signing, in the test: the same key (its work directory), or
    another key under the same entity id (another directory)."""
    return Server(
        config=saml_idp.idp_config(provider.base, workdir or provider.metadata.parent, with_sp=True)
    )


def request_id(server: Server, start_url: str) -> str:
    """The ID of the AuthnRequest our login link sent to the provider."""
    query = {k: v[0] for k, v in parse_qs(urlsplit(start_url).query).items()}
    return server.parse_authn_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT).message.id


def saml_answer(
    server: Server,
    *,
    in_response_to: str | None,
    subject: str,
    context: str = LOA3,
    audience: str = SP_ENTITY_ID,
    name_id_format: str = NAMEID_FORMAT_PERSISTENT,
) -> str:
    response = server.create_authn_response(
        {},
        in_response_to=in_response_to,
        destination=ACS,
        sp_entity_id=audience,
        name_id=NameID(format=name_id_format, text=subject),
        authn={"class_ref": context, "authn_auth": server.config.entityid},
        sign_response=True,
        sign_assertion=True,
    )
    return base64.b64encode(str(response).encode()).decode()


def post_answer(client, saml_response: str, relay_state: str = ""):
    data = {"SAMLResponse": saml_response}
    if relay_state:
        data["RelayState"] = relay_state
    return client.post(reverse("saml2_acs"), data)


def refused(response) -> bool:
    return response.status_code in (400, 403) or (
        response.status_code == 302 and response.url == reverse("sso-refused")
    )


def test_saml_the_tests_own_signing_is_accepted_when_all_is_right(client, saml_provider):
    """The control for the forgeries below: the test signs as the provider does."""
    user = saml_flows.linked(Role.POLICE, "att-saml-control")
    start = client.get(reverse("saml2_login"))
    server = idp(saml_provider)
    answer = saml_answer(
        server, in_response_to=request_id(server, start.url), subject="att-saml-control"
    )
    response = post_answer(client, answer)
    assert response.status_code == 302, response.content.decode()
    assert logged_in_as(client) == str(user.pk)


def test_saml_an_unsolicited_answer_is_refused(client, saml_provider):
    saml_flows.linked(Role.POLICE, "att-unsolicited")
    answer = saml_answer(
        idp(saml_provider), in_response_to=f"id-{uuid.uuid4().hex}", subject="att-unsolicited"
    )
    assert refused(post_answer(client, answer))
    assert logged_in_as(client) is None


def test_saml_an_idp_initiated_answer_without_in_response_to_is_refused(client, saml_provider):
    saml_flows.linked(Role.POLICE, "att-idp-init")
    client.get(reverse("saml2_login"))  # a request of its own is outstanding, too
    answer = saml_answer(idp(saml_provider), in_response_to=None, subject="att-idp-init")
    assert refused(post_answer(client, answer))
    assert logged_in_as(client) is None


def test_saml_a_replayed_answer_is_refused_in_the_same_and_another_browser(client, saml_provider):
    saml_flows.linked(Role.POLICE, "att-saml-replay")
    start = client.get(reverse("saml2_login"))
    answer = saml_provider.log_in(start.url, "att-saml-replay", context=LOA3)
    assert post_answer(client, answer["SAMLResponse"]).status_code == 302
    assert logged_in_as(client) is not None
    client.post(reverse("logout"))
    client.cookies.clear()
    client.get(reverse("saml2_login"))  # another request outstanding; not this answer's

    assert refused(post_answer(client, answer["SAMLResponse"]))
    assert logged_in_as(client) is None
    thief = Client()
    thief.get(reverse("saml2_login"))
    assert refused(post_answer(thief, answer["SAMLResponse"]))
    assert logged_in_as(thief) is None


def test_saml_an_answer_signed_with_another_key_is_refused(client, saml_provider, tmp_path):
    saml_flows.linked(Role.POLICE, "att-otherkey")
    shutil.copy(saml_provider.metadata.parent / "sp.xml", tmp_path / "sp.xml")
    impostor = idp(saml_provider, tmp_path)  # same entity id, a key of its own
    start = client.get(reverse("saml2_login"))
    answer = saml_answer(
        impostor, in_response_to=request_id(impostor, start.url), subject="att-otherkey"
    )
    assert refused(post_answer(client, answer))
    assert logged_in_as(client) is None


def test_saml_an_answer_for_another_service_is_refused(client, saml_provider, tmp_path):
    """The provider's genuine, signed answer, but made out to another service provider
    (its Audience): someone who logs in there must not be able to bring it here."""
    from saml2.metadata import create_metadata_string

    from umebra.sso.saml import _sp_config

    other = "https://another-service.example/saml/metadata/"
    workdir = saml_provider.metadata.parent
    for name in ("idp.key", "idp.crt"):  # the provider's own key
        shutil.copy(workdir / name, tmp_path / name)
    other_sp = _sp_config(other, str(saml_provider.metadata), SP_BASE, "", "", False, 0)
    (tmp_path / "sp.xml").write_bytes(create_metadata_string(None, config=other_sp))

    saml_flows.linked(Role.POLICE, "att-audience")
    server = idp(saml_provider, tmp_path)
    start = client.get(reverse("saml2_login"))
    answer = saml_answer(
        server,
        in_response_to=request_id(server, start.url),
        subject="att-audience",
        audience=other,
    )
    assert f"<saml:Audience>{other}</saml:Audience>" in base64.b64decode(answer).decode()
    assert refused(post_answer(client, answer))
    assert logged_in_as(client) is None


def test_saml_a_password_login_made_to_claim_loa3_after_signing_is_refused(client, saml_provider):
    user = saml_flows.linked(Role.POLICE, "att-loa")
    start = client.get(reverse("saml2_login"))
    answer = saml_provider.log_in(start.url, "att-loa", context=PASSWORD)
    xml = base64.b64decode(answer["SAMLResponse"])
    assert PASSWORD.encode() in xml
    tampered = base64.b64encode(xml.replace(PASSWORD.encode(), LOA3.encode())).decode()

    response = post_answer(client, tampered)
    assert refused(response)
    assert logged_in_as(client) is None
    # The untouched answer would have logged in, asking Umebrå's own code: the tampering
    # was the only difference.
    assert logged_in_as(client) != str(user.pk)


def _strip_response_signature(xml: str) -> str:
    """The Response's own signature (the first, before the assertion): it is not asked for
    (``want_response_signed`` is off), so an attacker may simply drop it."""
    head, assertion_start, rest = xml.partition("<saml:Assertion")
    head = re.sub(r"<ds:Signature.*?</ds:Signature>", "", head, count=1, flags=re.S)
    return head + assertion_start + rest


def test_saml_signature_wrapping_a_forged_assertion_beside_the_signed_one_is_refused(
    client, saml_provider
):
    """XML signature wrapping: keep the provider's signed assertion for a nobody, and put
    a forged, unsigned one for the victim before it; a verifier that checks one element and
    reads another would log the victim in."""
    saml_flows.linked(Role.POLICE, "att-xsw-victim")
    server = idp(saml_provider)
    start = client.get(reverse("saml2_login"))
    genuine = base64.b64decode(
        saml_answer(server, in_response_to=request_id(server, start.url), subject="att-nobody")
    ).decode()
    genuine = _strip_response_signature(genuine)
    signed = re.search(r"<saml:Assertion.*?</saml:Assertion>", genuine, flags=re.S).group(0)
    forged = re.sub(r"<ds:Signature.*?</ds:Signature>", "", signed, flags=re.S)
    forged = forged.replace("att-nobody", "att-xsw-victim")
    forged = re.sub(r'ID="[^"]+"', 'ID="id-forged"', forged, count=1)

    for wrapped in (
        genuine.replace(signed, forged + signed),  # two assertions, the forged first
        genuine.replace(signed, signed + forged),  # the forged last
        genuine.replace(signed, forged.replace("</saml:Assertion>", signed + "</saml:Assertion>")),
    ):
        response = post_answer(client, base64.b64encode(wrapped.encode()).decode())
        assert refused(response)
        assert logged_in_as(client) is None


def test_saml_relay_state_to_another_site_lands_on_this_one(client, saml_provider):
    saml_flows.linked(Role.POLICE, "att-relay")
    start = client.get(reverse("saml2_login"))
    answer = saml_provider.log_in(start.url, "att-relay", context=LOA3)
    response = post_answer(client, answer["SAMLResponse"], relay_state=EVIL)
    assert logged_in_as(client) is not None
    assert response.status_code == 302
    assert not response.url.startswith(("https://evil", "//"))
    assert urlsplit(response.url).netloc in ("", "testserver")


def test_saml_next_to_another_site_lands_on_this_one(client, saml_provider):
    saml_flows.linked(Role.POLICE, "att-saml-next")
    response = saml_flows.sso_login(
        client, saml_provider, "att-saml-next", context=LOA3, next_url=EVIL
    )
    assert logged_in_as(client) is not None
    assert urlsplit(response.url).netloc in ("", "testserver")


def test_saml_verified_does_not_carry_over_to_the_next_person_in_the_browser(client, saml_provider):
    saml_flows.linked(Role.POLICE, "att-saml-first")
    second = saml_flows.linked(Role.SOCIAL_WORKER, "att-saml-second")
    # A plain login is not offered to a logged-in session, but a tab's login started
    # before is still outstanding: its answer, for someone else, arrives later.
    old_tab = client.get(reverse("saml2_login"))
    saml_flows.sso_login(client, saml_provider, "att-saml-first", context=LOA3)
    assert verified(client)
    answer = saml_provider.log_in(old_tab.url, "att-saml-second", context=PASSWORD)
    post_answer(client, answer["SAMLResponse"])
    assert logged_in_as(client) == str(second.pk)
    assert not verified(client)


def test_saml_logout_forgets_the_provider(client, saml_provider):
    saml_flows.linked(Role.POLICE, "att-saml-forget")
    saml_flows.sso_login(client, saml_provider, "att-saml-forget", context=LOA3)
    assert client.session[sessions.PROVIDER_SESSION_KEY] == Provider.SAML
    client.post(reverse("logout"))
    assert sessions.PROVIDER_SESSION_KEY not in client.session
    assert logged_in_as(client) is None


def test_saml_a_plain_login_is_not_offered_to_a_logged_in_session(client, saml_provider, settings):
    saml_flows.linked(Role.POLICE, "att-saml-plain")
    saml_flows.sso_login(client, saml_provider, "att-saml-plain", context=LOA3)
    stale_password_check(client, settings)
    start = client.get(reverse("saml2_login"))
    assert not start.url.startswith(saml_provider.base)
    assert not sensitive_step_allowed(client)


def test_saml_asking_again_sends_force_authn(client, saml_provider):
    saml_flows.linked(Role.POLICE, "att-saml-force")
    saml_flows.sso_login(client, saml_provider, "att-saml-force", context=LOA3)
    start = client.get(reverse("saml2_login"), {"again": "1"})
    query = {k: v[0] for k, v in parse_qs(urlsplit(start.url).query).items()}
    xml = zlib.decompress(base64.b64decode(query["SAMLRequest"]), -15).decode()
    assert 'ForceAuthn="true"' in xml


@pytest.mark.parametrize("asked_again", [True, False], ids=["after again=1", "on its own"])
def test_saml_an_older_plain_login_finished_after_asking_again_is_not_a_fresh_login(
    client, saml_provider, settings, asked_again
):
    """Two login tabs opened before logging in: one is used, the other's request stays
    outstanding. Later, at a browser left open, a sensitive step is asked for: ``again=1``
    is started and left at the provider's form, and the old tab's request is answered (the
    provider's session lets it through without a password, no ForceAuthn in it)."""
    saml_flows.linked(Role.POLICE, "att-saml-older")
    old_tab = client.get(reverse("saml2_login"))
    saml_flows.sso_login(client, saml_provider, "att-saml-older", context=LOA3)
    stale_password_check(client, settings)

    if asked_again:
        client.get(reverse("saml2_login"), {"again": "1"})
    answer = saml_provider.log_in(old_tab.url, "att-saml-older", context=LOA3)
    post_answer(client, answer["SAMLResponse"])
    assert logged_in_as(client) is not None
    assert not sensitive_step_allowed(client)


def test_saml_the_fresh_login_asked_for_still_counts(client, saml_provider, settings):
    saml_flows.linked(Role.POLICE, "att-saml-fresh")
    saml_flows.sso_login(client, saml_provider, "att-saml-fresh", context=LOA3)
    stale_password_check(client, settings)
    assert not sensitive_step_allowed(client)

    start = client.get(reverse("saml2_login"), {"again": "1"})
    answer = saml_provider.log_in(start.url, "att-saml-fresh", context=LOA3)
    post_answer(client, answer["SAMLResponse"])
    assert sessions.AGAIN_SESSION_KEY not in client.session
    assert sensitive_step_allowed(client)


# when the provider says it authenticated the person, against when the step asked again
# × whether the answer counts as the password asked again
AUTHENTICATED = [
    ("after the step asked", +5, True),
    ("within the clock's leeway before", -30, True),
    ("long before: answered from its own session", -3600, False),
    ("not said", None, False),
]


@pytest.mark.parametrize(
    ("when", "offset", "counts"), AUTHENTICATED, ids=[row[0] for row in AUTHENTICATED]
)
def test_the_login_asked_again_counts_only_if_the_provider_authenticated_since(
    rf, when, offset, counts
):
    """A provider that ignores prompt=login or ForceAuthn answers the login asked again
    from its own older session: its auth_time (or AuthnInstant) tells, and it does not
    count as the password asked again."""
    user = member(Role.POLICE)
    request = rf.get("/")
    request.session = SessionStore()
    sessions.again_started(request, "flow-1")
    asked_at = request.session[sessions.AGAIN_SESSION_KEY]["at"]
    authenticated_at = None if offset is None else asked_at + offset

    fresh = sessions.login_completed(
        request, user, provider=Provider.OIDC, mfa=False, flow="flow-1",
        authenticated_at=authenticated_at,
    )  # fmt: skip
    assert fresh is counts
    assert (reauth.SESSION_KEY in request.session) is counts
    assert sessions.AGAIN_SESSION_KEY not in request.session
    assert time.time() - asked_at < 60


def _federation(saml_provider, tmp_path):
    """Metadata naming the municipality's provider and a federation peer with a key of
    its own, as a federation's combined metadata does; and the peer, signing in the test."""
    from saml2.metadata import create_metadata_string

    peer_dir = tmp_path / "peer"
    peer_dir.mkdir()
    shutil.copy(saml_provider.metadata.parent / "sp.xml", peer_dir / "sp.xml")
    peer_base = "http://peer.federation.example"
    peer_xml = create_metadata_string(
        None, config=saml_idp.idp_config(peer_base, peer_dir, with_sp=False)
    ).decode()
    own_xml = saml_provider.metadata.read_text()

    def descriptor(xml: str) -> str:  # each declares its own namespaces
        return re.sub(r"^<\?xml[^>]*\?>", "", xml.strip()).strip()

    combined = tmp_path / "federation.xml"
    combined.write_text(
        '<?xml version="1.0"?><md:EntitiesDescriptor '
        'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">'
        f"{descriptor(own_xml)}{descriptor(peer_xml)}</md:EntitiesDescriptor>"
    )
    peer = Server(config=saml_idp.idp_config(peer_base, peer_dir, with_sp=True))
    return combined, peer


def test_saml_a_federation_peer_cannot_speak_for_the_municipalitys_staff(
    client, saml_provider, settings, tmp_path
):
    """A signed answer from another provider in the same (federation) metadata, naming a
    linked person's NameID, logs no one in; the municipality's own provider still does."""
    combined, peer = _federation(saml_provider, tmp_path)
    settings.UMEBRA_SAML_METADATA = str(combined)
    own = f"{saml_provider.base}/metadata"
    settings.UMEBRA_SAML_IDP_ENTITY_ID = own
    user = saml_flows.linked(Role.SOCIAL_WORKER, "att-federation")

    start = client.get(reverse("saml2_login"))
    assert start.url.startswith(saml_provider.base)  # to ours, not a list of the federation
    asked = request_id(idp(saml_provider), start.url)
    forged = saml_answer(peer, in_response_to=asked, subject="att-federation")
    assert refused(post_answer(client, forged))
    assert logged_in_as(client) is None

    start = client.get(reverse("saml2_login"))
    server = idp(saml_provider)
    genuine = saml_answer(
        server, in_response_to=request_id(server, start.url), subject="att-federation"
    )
    assert post_answer(client, genuine).status_code == 302
    assert logged_in_as(client) == str(user.pk)


def test_saml_metadata_of_several_providers_without_a_choice_logs_no_one_in(
    client, saml_provider, settings, tmp_path
):
    combined, _peer = _federation(saml_provider, tmp_path)
    settings.UMEBRA_SAML_METADATA = str(combined)
    settings.UMEBRA_SAML_IDP_ENTITY_ID = ""
    response = client.get(reverse("saml2_login"))
    assert response.status_code == 503
    assert "Inloggningen gick inte igenom" in response.content.decode()


def test_saml_a_name_id_that_is_not_persistent_identifies_no_one(client, saml_provider):
    """An e-mail address as NameID, even one linked by mistake, logs no one in."""
    from saml2.saml import NAMEID_FORMAT_EMAILADDRESS

    saml_flows.linked(Role.POLICE, "police@umebra.example")
    start = client.get(reverse("saml2_login"))
    server = idp(saml_provider)
    answer = saml_answer(
        server,
        in_response_to=request_id(server, start.url),
        subject="police@umebra.example",
        name_id_format=NAMEID_FORMAT_EMAILADDRESS,
    )
    assert refused(post_answer(client, answer))
    assert logged_in_as(client) is None

"""SAML 2.0 through djangosaml2 (pysaml2), configured from ``UMEBRA_SAML_*``.

The service provider's configuration is built from the settings for each request that
needs it (``SAML_CONFIG_LOADER``), so that a sensitive step can ask the identity provider
for a fresh login (ForceAuthn). Requests go by HTTP-Redirect, which needs no script on our
page; the provider answers by HTTP-POST to the assertion consumer service, signed.
"""

import datetime
import functools
import shutil
import time

import saml2
from django.conf import settings
from django.http import Http404, HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from djangosaml2 import views as saml_views
from djangosaml2.backends import Saml2Backend
from djangosaml2.cache import OutstandingQueriesCache
from saml2.config import SPConfig
from saml2.saml import NAMEID_FORMAT_PERSISTENT

from umebra import reauth
from umebra.sso import config, sessions
from umebra.sso.models import Provider
from umebra.sso.selectors import identity_user

# Remote metadata is fetched again at most this often.
METADATA_SECONDS = 3600


def sp_config(request: HttpRequest | None = None) -> SPConfig:
    """djangosaml2's ``SAML_CONFIG_LOADER``."""
    again = request is not None and request.GET.get("again") == "1"
    return _sp_config(
        settings.UMEBRA_SAML_ENTITY_ID,
        settings.UMEBRA_SAML_METADATA,
        settings.UMEBRA_BASE_URL,
        settings.UMEBRA_SAML_KEY_FILE,
        settings.UMEBRA_SAML_CERT_FILE,
        again,
        int(time.time() // METADATA_SECONDS),
    )


@functools.lru_cache(maxsize=8)
def _sp_config(entity_id, metadata, base_url, key_file, cert_file, again, _hour) -> SPConfig:
    source = (
        {"remote": [{"url": metadata}]}
        if metadata.startswith(("https://", "http://"))
        else {"local": [metadata]}
    )
    signing = bool(key_file and cert_file)
    sp = {
        "name": "Umebrå",
        "endpoints": {
            "assertion_consumer_service": [
                (base_url + reverse("saml2_acs"), saml2.BINDING_HTTP_POST)
            ],
            "single_logout_service": [
                (base_url + reverse("saml2_ls"), saml2.BINDING_HTTP_REDIRECT),
                (base_url + reverse("saml2_ls_post"), saml2.BINDING_HTTP_POST),
            ],
        },
        # The NameID identifies a person for good only when it is persistent.
        "name_id_format": [NAMEID_FORMAT_PERSISTENT],
        "name_id_policy_format": NAMEID_FORMAT_PERSISTENT,
        "allow_unsolicited": False,
        "want_assertions_signed": True,
        "want_response_signed": False,
        "authn_requests_signed": signing,
        "logout_requests_signed": signing,
        "force_authn": again,
    }
    conf = {
        "entityid": entity_id,
        "xmlsec_binary": shutil.which("xmlsec1"),
        "metadata": source,
        "service": {"sp": sp},
        "allow_unknown_attributes": True,
    }
    if signing:
        conf |= {"key_file": key_file, "cert_file": cert_file}
    loaded = SPConfig()
    loaded.load(conf)
    return loaded


class SAMLBackend(Saml2Backend):
    """Logs in the account linked to the NameID, or to the configured attribute (such as
    the HSA-id), and no other; never makes an account."""

    def authenticate(self, request, session_info=None, **kwargs):
        if request is None or not session_info or not config.saml_enabled():
            return None
        # Metadata may name a whole federation's providers, each able to sign an answer:
        # only the municipality's own speaks for its staff.
        if session_info.get("issuer") != identity_provider(sp_config(request)):
            return None
        attribute = settings.UMEBRA_SAML_IDENTIFIER_ATTRIBUTE
        if attribute:
            values = session_info.get("ava", {}).get(attribute) or [""]
            subject = str(values[0])
        else:
            name_id = session_info.get("name_id")
            if getattr(name_id, "format", None) != NAMEID_FORMAT_PERSISTENT:
                return None  # an e-mail or a transient NameID identifies no one for good
            subject = name_id.text or ""
        contexts = [str(info[0]) for info in session_info.get("authn_info", []) if info]
        # Read by the assertion consumer view: the login's outcome beyond "no user".
        instants = [info[2] for info in session_info.get("authn_info", []) if len(info) > 2]
        request.umebra_sso = {
            "subject": subject,
            "mfa": config.multi_factor(contexts),
            "authenticated_at": _epoch(instants[0]) if instants and instants[0] else None,
        }
        return identity_user(provider=Provider.SAML, subject=subject)


def identity_provider(conf: SPConfig) -> str | None:
    """The municipality's identity provider: ``UMEBRA_SAML_IDP_ENTITY_ID`` if set and in
    the metadata, else the metadata's only one. None when the metadata names several and
    the setting does not choose, or names none: then no one logs in by SAML."""
    known = list(conf.metadata.identity_providers())
    chosen = settings.UMEBRA_SAML_IDP_ENTITY_ID
    if chosen:
        return chosen if chosen in known else None
    return known[0] if len(known) == 1 else None


def _epoch(instant: str) -> float | None:
    """An AuthnInstant (xs:dateTime, UTC) as seconds since the epoch."""
    try:
        moment = datetime.datetime.fromisoformat(instant.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=moment.tzinfo or datetime.UTC).timestamp()


class _Enabled:
    def dispatch(self, request, *args, **kwargs):
        if not config.saml_enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class LoginView(_Enabled, saml_views.LoginView):
    """Sends the browser to the identity provider; ``?again=1`` (a sensitive step) asks it
    for a fresh login even when the person is logged in here already."""

    def get(self, request, *args, **kwargs):
        chosen = identity_provider(self.get_sp_config(request))
        if chosen is None:
            return sessions.refusal_page(request, unknown=None, status=503)
        request.GET = request.GET.copy()
        request.GET["idp"] = chosen  # never djangosaml2's list of the federation's providers
        before = set(OutstandingQueriesCache(request.saml_session).outstanding_queries())
        response = super().get(request, *args, **kwargs)
        if request.GET.get("again") == "1":
            sent = set(OutstandingQueriesCache(request.saml_session).outstanding_queries())
            if len(sent - before) == 1:
                sessions.again_started(request, (sent - before).pop())
        return response

    def should_prevent_auth(self, request) -> bool:
        return request.GET.get("again") != "1" and super().should_prevent_auth(request)


class AssertionConsumerView(_Enabled, saml_views.AssertionConsumerServiceView):
    flow = ""

    def custom_validation(self, response) -> None:
        # The request this answer is to (InResponseTo): the login it answers.
        self.flow = response.session_id() or ""

    def authenticate_user(self, request, *args, **kwargs):
        self.before = (
            request.user.pk if request.user.is_authenticated else None,
            request.session.get(reauth.SESSION_KEY),
        )
        return super().authenticate_user(request, *args, **kwargs)

    def post_login_hook(self, request, user, session_info) -> None:
        outcome = getattr(request, "umebra_sso", {})
        fresh = sessions.login_completed(
            request,
            user,
            provider=Provider.SAML,
            mfa=outcome.get("mfa", False),
            flow=self.flow,
            authenticated_at=outcome.get("authenticated_at"),
        )
        was, checked = self.before
        if was == user.pk and not fresh:
            # djangosaml2 logs in anew a session that already was this person's, and the
            # login counted as the password checked; but the provider may have answered
            # from its own session, asking nothing: only the login asked again counts.
            if checked is None:
                request.session.pop(reauth.SESSION_KEY, None)
            else:
                request.session[reauth.SESSION_KEY] = checked

    def handle_acs_failure(self, request, exception=None, status=403, **kwargs):
        outcome = getattr(request, "umebra_sso", None)
        if outcome is not None:
            return sessions.login_refused(
                request, provider=Provider.SAML, subject=outcome["subject"]
            )
        # A bad signature, a replay, an answer to no request: our page, in our words.
        return sessions.refusal_page(request, unknown=None, status=status)


class LogoutServiceView(_Enabled, saml_views.LogoutView):
    pass


class MetadataView(_Enabled, saml_views.MetadataView):
    pass


def provider_logout(request: HttpRequest):
    """Ends the session here and asks the identity provider to end its own (single
    logout), when its metadata offers that."""
    view = saml_views.LogoutInitView()
    view.setup(request)
    response = view.get(request)
    # The provider's session may be gone already (djangosaml2 answers a bare 400): the
    # logout here has happened, so the login page, not an error.
    return response if response.status_code in (200, 302) else redirect("login")

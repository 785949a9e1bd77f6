"""OpenID Connect through mozilla-django-oidc, configured from ``UMEBRA_OIDC_*``.

mozilla-django-oidc wants each endpoint in a setting; here they come from the issuer's
discovery document (``/.well-known/openid-configuration``), read once an hour, so the
municipality names its provider once. It checks the ID token's signature and nonce; the
issuer and audience, which it leaves unchecked, are checked here.
"""

import time
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponse
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import absolutify, import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from umebra.sso import config, sessions
from umebra.sso.models import Provider
from umebra.sso.selectors import identity_user

DISCOVERY_SECONDS = 3600
_discovered: dict[str, tuple[float, dict]] = {}
_DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
_CONFIGURED = {
    "OIDC_RP_CLIENT_ID": "UMEBRA_OIDC_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET": "UMEBRA_OIDC_CLIENT_SECRET",
    "OIDC_RP_SCOPES": "UMEBRA_OIDC_SCOPES",
}


def discovery() -> dict:
    """The provider's discovery document, kept an hour per issuer in this process: each
    process reads it itself, so a login does not wait on the cache server."""
    issuer = settings.UMEBRA_OIDC_ISSUER.rstrip("/")
    expires, document = _discovered.get(issuer, (0.0, {}))
    if time.monotonic() >= expires:
        response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=10)
        response.raise_for_status()
        document = response.json()
        _discovered[issuer] = (time.monotonic() + DISCOVERY_SECONDS, document)
    return document


def oidc_setting(attr: str, *args):
    """mozilla-django-oidc's settings, the provider's from discovery and the client's from
    ``UMEBRA_OIDC_*``, read at each use."""
    if attr in _DISCOVERED:
        return discovery()[_DISCOVERED[attr]]
    if attr in _CONFIGURED:
        return getattr(settings, _CONFIGURED[attr])
    return import_from_settings(attr, *args)


class OIDCBackend(OIDCAuthenticationBackend):
    """Logs in the account linked to the provider's identifier, and no other."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # Django makes every backend for every login, password logins too: the provider
        # is asked only when a login comes back from it (``authenticate``).
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or not config.oidc_enabled() or "code" not in request.GET:
            return None
        super().__init__()
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.UMEBRA_OIDC_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token for another client")
        if payload.get("iss", "").rstrip("/") != discovery()["issuer"].rstrip("/"):
            raise SuspiciousOperation("ID token from another issuer")
        return payload

    def retrieve_matching_jwk(self, token):
        """The provider's key for ``token``: by its ``kid``, or, for a token without one
        (allowed when the provider has a single key), the one key of the right algorithm."""
        if "kid" in jwt.get_unverified_header(token):
            return super().retrieve_matching_jwk(token)
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        keys = [
            k
            for k in response.json()["keys"]
            if k.get("alg", self.OIDC_RP_SIGN_ALGO) == self.OIDC_RP_SIGN_ALGO
        ]
        if len(keys) != 1:
            raise SuspiciousOperation("ID token without a key id, and not one key to check it")
        return jwt.PyJWK(keys[0])

    def get_or_create_user(self, access_token, id_token, payload):
        claim = settings.UMEBRA_OIDC_IDENTIFIER_CLAIM
        claims = payload
        if claim not in payload:
            userinfo = self.get_userinfo(access_token, id_token, payload)
            # OpenID Connect Core 5.3.2: an answer about another subject is not about
            # this login (a substituted access token), and names no one here.
            if userinfo.get("sub") != payload.get("sub"):
                raise SuspiciousOperation("userinfo about another subject than the ID token")
            claims = {**userinfo, **payload}
        subject = str(claims.get(claim) or "")
        user = identity_user(provider=Provider.OIDC, subject=subject)
        # Read by the callback view: the login's outcome beyond "no user".
        amr = payload.get("amr") or []
        asserted = [str(payload.get("acr", "")), *(amr if isinstance(amr, list) else [amr])]
        self.request.umebra_sso = {
            "subject": subject,
            "mfa": config.multi_factor([str(value) for value in asserted]),
            "authenticated_at": payload.get("auth_time"),
        }
        return user


class LoginView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider; for a sensitive step (``?again=1``) asks it to
    have the person log in anew rather than pass an old session through."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        if not config.oidc_enabled():
            raise Http404
        super().__init__(*args, **kwargs)

    def get(self, request):
        response = super().get(request)
        if request.GET.get("again") == "1":
            state = parse_qs(urlsplit(response.url).query)["state"][0]
            sessions.again_started(request, state)
        return response

    def get_extra_params(self, request):
        return {"prompt": "login", "max_age": "0"} if request.GET.get("again") == "1" else {}


class CallbackView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(oidc_setting)

    def dispatch(self, request, *args, **kwargs):
        if not config.oidc_enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        # The state this answer came back with: the login it answers (``again_started``).
        self.flow = request.GET.get("state", "")
        return super().get(request)

    def login_success(self) -> HttpResponse:
        response = super().login_success()
        outcome = getattr(self.request, "umebra_sso", {})
        sessions.login_completed(
            self.request,
            self.user,
            provider=Provider.OIDC,
            mfa=outcome.get("mfa", False),
            flow=self.flow,
            authenticated_at=outcome.get("authenticated_at"),
        )
        return response

    def login_failure(self) -> HttpResponse:
        outcome = getattr(self.request, "umebra_sso", None)
        if outcome is not None:
            return sessions.login_refused(
                self.request, provider=Provider.OIDC, subject=outcome["subject"]
            )
        return super().login_failure()


def provider_logout_url(request, id_token: str) -> str | None:
    """Where the provider ends its own session and sends the browser back to the login
    page, if it says it can (``end_session_endpoint``)."""
    endpoint = discovery().get("end_session_endpoint")
    if not endpoint:
        return None
    back = absolutify(request, reverse("login"))
    return f"{endpoint}?{urlencode({'id_token_hint': id_token, 'post_logout_redirect_uri': back})}"

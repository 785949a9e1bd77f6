"""What a provider's login leaves in the session, shared by OpenID Connect and SAML."""

import time

import django_otp
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from umebra import access
from umebra.models import User
from umebra.reauth import password_checked
from umebra.sso import services
from umebra.sso.models import Provider

# Which provider the session came through: logout ends that provider's session too.
PROVIDER_SESSION_KEY = "umebra_sso_provider"
# Set before sending someone to log in again for a sensitive step (``umebra.reauth``).
AGAIN_SESSION_KEY = "umebra_sso_again"
# How far the provider's clock may be behind ours.
CLOCK_SKEW_SECONDS = 60
# The identifier an unknown person came with, for the page that says whom to ask.
UNKNOWN_SESSION_KEY = "umebra_sso_unknown"


def again_started(request: HttpRequest, flow: str) -> None:
    """Note the login just sent to the provider with ``again=1`` (a sensitive step): its
    ``flow``, the OpenID Connect state or the SAML request's ID, names the one answer whose
    coming back counts as the password asked again, and the time, after which the provider
    must say it authenticated the person. Another login's answer, even one finished after
    this was started, does not count, nor an answer that says the person last logged in
    there before: the provider may have let it through from its own session, asking
    nothing."""
    request.session[AGAIN_SESSION_KEY] = {"flow": flow, "at": int(time.time())}


def login_completed(
    request: HttpRequest,
    user: User,
    *,
    provider: Provider,
    mfa: bool,
    flow: str,
    authenticated_at: float | None,
) -> bool:
    """After ``auth.login``: note the provider, and when it vouched for several factors,
    count the session as verified, so the second step is not asked again. The answer to
    the login asked for again before a sensitive step (``again_started``) counts as the
    password checked (``umebra.reauth``) if the provider authenticated the person since
    (``authenticated_at``: OIDC's ``auth_time``, SAML's AuthnInstant); whether it did is
    returned."""
    request.session[PROVIDER_SESSION_KEY] = provider
    request.session.pop(UNKNOWN_SESSION_KEY, None)
    if mfa:
        device = services.provider_factor_confirm(actor=access.actor_for(user), provider=provider)
        django_otp.login(request, device)
    asked = request.session.get(AGAIN_SESSION_KEY) or {}
    fresh = (
        bool(flow)
        and asked.get("flow") == flow
        and authenticated_at is not None
        and authenticated_at >= asked["at"] - CLOCK_SKEW_SECONDS
    )
    if asked.get("flow") == flow and flow:
        del request.session[AGAIN_SESSION_KEY]
    if fresh:
        password_checked(request)
    return fresh


def login_refused(request: HttpRequest, *, provider: Provider, subject: str) -> HttpResponse:
    """The provider knows the person, Umebrå does not: the page that says whom to ask."""
    request.session[UNKNOWN_SESSION_KEY] = {"provider": provider, "subject": subject}
    return redirect("sso-refused")


def refusal_page(request: HttpRequest, *, unknown: dict | None, status: int) -> HttpResponse:
    """The page of a login that did not go through: for a person the provider knows and
    Umebrå does not (``unknown``, with the identifier to give), or for an answer that could
    not be trusted, each saying whom to ask."""
    context = {"unknown": unknown, "contact": settings.UMEBRA_SSO_CONTACT}
    return render(request, "sso/refused.html", context, status=status)


def again_url(request: HttpRequest, back: str) -> str | None:
    """Where a session that came through a provider confirms it is still the same person
    before a sensitive step: a fresh login there, coming back to ``back``."""
    provider = session_provider(request)
    if provider is None:
        return None
    login = reverse("oidc_authentication_init" if provider == Provider.OIDC else "saml2_login")
    return f"{login}?{urlencode({'again': '1', 'next': back})}"


def session_provider(request: HttpRequest) -> Provider | None:
    value = request.session.get(PROVIDER_SESSION_KEY)
    return Provider(value) if value in Provider.values else None

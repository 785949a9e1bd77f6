"""Re-authentication for sensitive steps ("sudo mode", as healthchecks.io calls it).

A session that is logged in may still be someone else's: a browser left open, a stolen
cookie. The steps that change who may see what (a new authenticator, new backup codes,
giving, asking for, approving or ending a role, appointing or dismissing a member
administrator, giving access to a case, breaking the glass) therefore ask for the password
again when it was last checked more than ``UMEBRA_REAUTH_MINUTES`` ago. The login itself
counts as a check.
"""

import functools
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

SESSION_KEY = "umebra_password_checked_at"


def password_checked(request: HttpRequest) -> None:
    """Note in the session that the password was checked just now."""
    request.session[SESSION_KEY] = int(time.time())


def password_checked_at_login(sender, request, user, **kwargs) -> None:
    """``user_logged_in`` receiver: the login checked the password."""
    password_checked(request)


def password_recent(request: HttpRequest) -> bool:
    """Checked within ``UMEBRA_REAUTH_MINUTES``, and at any rate within the last minute: a
    step asked for again at once after the password must go through, even with 0."""
    checked = request.session.get(SESSION_KEY, 0)
    return time.time() - checked < max(settings.UMEBRA_REAUTH_MINUTES * 60, 60)


def password_confirm(request: HttpRequest, password: str) -> bool:
    """Check the user's password as the login does (django-axes counts a failure and locks
    the account out after too many)."""
    user = authenticate(request, username=request.user.get_username(), password=password)
    if user is None or user.pk != request.user.pk:
        return False
    password_checked(request)
    return True


def safe_next(request: HttpRequest, target: str, fallback: str = "/") -> str:
    """``target`` if it is a page of this site, else ``fallback``."""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and safe else fallback


def sensitive_step(view):
    """Decorator: run ``view`` only if the password was checked a few minutes ago; else ask
    for it, and come back. A form sent (POST) is not replayed: its page is shown again, to
    be sent once the password is confirmed."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if password_recent(request):
            return view(request, *args, **kwargs)
        if request.method == "POST":
            back = safe_next(request, request.headers.get("Referer", ""))
            messages.info(request, _("Confirm your password, then do it again."))
        else:
            back = request.get_full_path()
        return redirect(f"{reverse('password-confirm')}?{urlencode({'next': back})}")

    return wrapper

"""A form sent twice (a double click, a retry after a timeout) makes one record, not two.

Each POST form carries a one-time token (``{% once %}``). The first request with a token
records it before the view runs (a primary key, so two requests at the same instant cannot
both get past); when the view answers with a redirect, the redirect is kept with the token.
A second request with the same token runs no view: it is led to where the first one went,
or told that the first is still being handled. A form that failed (a 4xx page with errors)
forgets its token, so it can be corrected and sent again; so does one that was sent to the
login page (the session had expired), so it can be sent again after logging in.
"""

import datetime
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _

from umebra.models import Submission

FIELD = "_once"
# Tokens older than this are forgotten by the daily clean-up: no one retries a day later.
KEPT = datetime.timedelta(days=1)


def _token(request: HttpRequest) -> uuid.UUID | None:
    if request.method != "POST":
        return None
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


class OneSubmissionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _token(request)
        if token is None:
            return self.get_response(request)
        user = request.user if request.user.is_authenticated else None
        try:
            with transaction.atomic():
                Submission.objects.create(token=token, user=user)
        except IntegrityError:
            return _repeated(request, token, user)
        response = self.get_response(request)
        if _done(response):
            Submission.objects.filter(token=token).update(result_url=response["Location"])
        else:
            Submission.objects.filter(token=token).delete()
        return response


def _done(response: HttpResponse) -> bool:
    """Whether the view did what the form asked: it redirects, and not to the login page."""
    if response.status_code not in (301, 302, 303) or not response.has_header("Location"):
        return False
    return urlsplit(response["Location"]).path != resolve_url(settings.LOGIN_URL)


def _repeated(request: HttpRequest, token: uuid.UUID, user) -> HttpResponse:
    """Where a repeated form goes; only its sender is led to what the first one did."""
    first = Submission.objects.filter(token=token, user=user).first()
    if first is not None and first.result_url:
        messages.info(request, _("That form had already been sent; this is what it did."))
        return redirect(first.result_url)
    return render(request, "umebra/already_sent.html", status=409)


def submissions_forget(now: datetime.datetime | None = None) -> int:
    """The daily clean-up of old tokens."""
    limit = (now or timezone.now()) - KEPT
    return Submission.objects.filter(created_at__lt=limit).delete()[0]

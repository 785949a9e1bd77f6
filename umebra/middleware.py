"""Cross-cutting middleware of the core."""

import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers


class SwedishFirstLocaleMiddleware(LocaleMiddleware):
    """Swedish unless the user chose another language, whatever the browser asks for.

    A municipality's service speaks Swedish first (språklagen); English is offered as a choice
    (the language cookie set by ``set_language``), not guessed from ``Accept-Language``.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        try:
            language = translation.get_supported_language_variant(chosen or "")
        except LookupError:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class IdleTimeoutMiddleware:
    """A session ends after ``SESSION_COOKIE_AGE`` without a request; each request extends it.

    Extending means saving the session (its expiry moves on), which Django's
    ``SESSION_SAVE_EVERY_REQUEST`` does on every request: a database write per page. Here the
    session is saved at most once a minute, so the timeout is kept to the minute for the
    price of one write a minute per active user. Listed after ``SessionMiddleware``, so that
    it marks the session before that saves it.

    A page left open that polls for a report's progress is not a person at work: its
    requests (``X-Requested-With: poll``) do not extend the session.
    """

    REFRESH_SECONDS = 60
    KEY = "_umebra_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        if request.headers.get("X-Requested-With") == "poll":
            return response
        session = getattr(request, "session", None)
        if session is not None and session.session_key and not session.is_empty():
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= self.REFRESH_SECONDS:
                session[self.KEY] = now
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than ``UMEBRA_MAX_REQUEST_MB`` before reading any of it.

    Django checks a form's fields against ``DATA_UPLOAD_MAX_MEMORY_SIZE`` but streams files
    to disk whatever their size, and the upload checks (``umebra.uploads``) see a file only
    once it is all there: without this, anyone could fill the disk through a public form.
    The limit sits just above the largest upload any form takes. Placed before anything that
    reads the body, and inside the middleware that adds the security headers, so that the
    refusal carries them too.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = settings.UMEBRA_MAX_REQUEST_MB * 1024 * 1024

    def __call__(self, request: HttpRequest):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body it cannot measure
        if length > self.limit:
            page = render_to_string("413.html", {"limit": settings.UMEBRA_MAX_REQUEST_MB})
            return HttpResponse(page, status=413)
        return self.get_response(request)


class NoStoreMiddleware:
    """Nothing shown to a logged-in user is kept by the browser or any cache between:
    ``Cache-Control: no-store`` on every page and download behind the login.

    Pages, exports and PDFs there may hold personal data or intelligence, and "back" on a
    shared computer after logging out must not show them again. Deciding page by page would
    let one be missed; public pages (the promises, the verify page) are not behind a login.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response

"""Cross-cutting middleware of the core."""

import time

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
    """

    REFRESH_SECONDS = 60
    KEY = "_umebra_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.session_key and not session.is_empty():
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= self.REFRESH_SECONDS:
                session[self.KEY] = now
        return response

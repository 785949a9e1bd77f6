"""Holds a user who must use two factors at the second step until they have."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from umebra.two_factor.devices import has_confirmed_device, two_factor_required

# Pages a half-logged-in user may reach: finishing the login, leaving, choosing a language,
# and the accessibility statement, which the law makes readable by anyone.
EXEMPT_URL_NAMES = frozenset(
    {
        "login",
        "logout",
        "two-factor-verify",
        "two-factor-enrol",
        "set_language",
        "healthz",
        "accessibility-statement",
    }
)


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.url_name in EXEMPT_URL_NAMES:
            return None
        if not two_factor_required(user):
            return None
        step = "two-factor-verify" if has_confirmed_device(user) else "two-factor-enrol"
        response = redirect(step)
        response["Location"] += "?" + urlencode({"next": request.get_full_path()})
        return response

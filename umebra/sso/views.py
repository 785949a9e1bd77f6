"""The login page with the providers, the page for a person the provider knows and Umebrå
does not, and a logout that ends the provider's session too."""

from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from umebra.sso import config, oidc, saml, sessions
from umebra.sso.models import Provider


class LoginView(auth_views.LoginView):
    """Django's login, offering the municipality's identity provider beside the password."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"sso_providers": config.enabled_providers()}


@require_GET
def refused_view(request: HttpRequest) -> HttpResponse:
    """The provider said who the person is, but no account here is linked to it (or the
    login did not come back right). It says whom to ask, with the identifier to give them."""
    unknown = request.session.get(sessions.UNKNOWN_SESSION_KEY)
    return sessions.refusal_page(request, unknown=unknown, status=403)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    """Logs out here, and at the provider the session came through where it can."""
    provider = sessions.session_provider(request)
    if provider == Provider.SAML and request.user.is_authenticated and config.saml_enabled():
        return _onward(request, saml.provider_logout(request))
    id_token = request.session.get("oidc_id_token")
    if provider == Provider.OIDC and id_token and config.oidc_enabled():
        target = oidc.provider_logout_url(request, id_token)
        auth.logout(request)
        return _onward(request, redirect(target or "login"))
    return auth_views.LogoutView.as_view()(request)


def _onward(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A redirect to the provider's logout, as a page that goes on there by itself: the
    browser holds a form's redirect to the page's ``form-action`` (our CSP allows only this
    site), and a page's refresh is a plain navigation."""
    target = response.get("Location", "") if response.status_code == 302 else ""
    if not target or url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return response
    return render(request, "sso/leaving.html", {"target": target})

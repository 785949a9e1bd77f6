"""The second login step: enrol an authenticator app, or enter its code or a backup code."""

import django_otp
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from umebra.two_factor import services
from umebra.two_factor.forms import CodeForm

BACKUP_CODES_SESSION_KEY = "umebra_new_backup_codes"


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else "/"


@login_required
@require_http_methods(["GET", "POST"])
def verify_view(request: HttpRequest) -> HttpResponse:
    if not services.has_confirmed_device(request.user):
        return redirect("two-factor-enrol")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("The code is wrong or too old. Try the newest one."))
    return render(request, "two_factor/verify.html", {"form": form, "next": _next_url(request)})


@login_required
@require_http_methods(["GET", "POST"])
def enrol_view(request: HttpRequest) -> HttpResponse:
    # Replacing an enrolled app takes that app's code first, or a password alone would do.
    if services.has_confirmed_device(request.user) and not request.user.is_verified():
        return redirect("two-factor-verify")
    device = services.totp_enrolment_device(user=request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        codes = services.totp_confirm(device=device, token=form.cleaned_data["code"])
        if codes is not None:
            django_otp.login(request, device)
            request.session[BACKUP_CODES_SESSION_KEY] = codes
            return redirect("two-factor-backup-codes")
        form.add_error("code", _("The code does not match. Check the app's clock and try again."))
    return render(
        request,
        "two_factor/enrol.html",
        {
            "form": form,
            "secret": services.totp_secret(device),
            "qr_svg": services.totp_qr_svg(device, title=_("QR code for your authenticator app")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def backup_codes_view(request: HttpRequest) -> HttpResponse:
    """Shows new backup codes once, right after they were made; POST makes new ones."""
    if request.method == "POST":
        request.session[BACKUP_CODES_SESSION_KEY] = services.backup_codes_renew(user=request.user)
        return redirect("two-factor-backup-codes")
    codes = request.session.pop(BACKUP_CODES_SESSION_KEY, None)
    return render(request, "two_factor/backup_codes.html", {"codes": codes})

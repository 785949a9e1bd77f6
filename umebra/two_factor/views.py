"""The second login step: enrol an authenticator app, or enter its code or a backup code;
and the password asked again before a sensitive step."""

import django_otp
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from umebra import access
from umebra.reauth import password_confirm, safe_next, sensitive_step
from umebra.sso import sessions as sso_sessions
from umebra.two_factor import devices, services
from umebra.two_factor.forms import CodeForm, PasswordForm

BACKUP_CODES_SESSION_KEY = "umebra_new_backup_codes"


def _next_url(request: HttpRequest) -> str:
    return safe_next(request, request.POST.get("next") or request.GET.get("next") or "")


def _second_factor_passed(request: HttpRequest, device) -> None:
    """The session now holds both factors: under a new key, so that a session planted
    before the second step (by someone who knew the password) is not the one that passes."""
    django_otp.login(request, device)
    request.session.cycle_key()


@login_required
@require_http_methods(["GET", "POST"])
def verify_view(request: HttpRequest) -> HttpResponse:
    if not devices.has_confirmed_device(request.user):
        return redirect("two-factor-enrol")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            _second_factor_passed(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("The code is wrong or too old. Try the newest one."))
    return render(request, "two_factor/verify.html", {"form": form, "next": _next_url(request)})


@login_required
@require_http_methods(["GET", "POST"])
def enrol_view(request: HttpRequest) -> HttpResponse:
    """The first app at the first login; later, a replacement, which takes both the old
    app's code (a verified session) and the password again."""
    if devices.has_confirmed_device(request.user):
        if not request.user.is_verified():
            return redirect("two-factor-verify")
        return _replace_view(request)
    return _enrol(request)


@sensitive_step
def _replace_view(request: HttpRequest) -> HttpResponse:
    return _enrol(request)


def _enrol(request: HttpRequest) -> HttpResponse:
    device = services.totp_enrolment_start(actor=access.actor_for(request.user))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        codes = services.totp_confirm(
            actor=access.actor_for(request.user), device=device, token=form.cleaned_data["code"]
        )
        if codes is not None:
            _second_factor_passed(request, device)
            request.session[BACKUP_CODES_SESSION_KEY] = codes
            return redirect("two-factor-backup-codes")
        form.add_error("code", _("The code does not match. Check the app's clock and try again."))
    return render(
        request,
        "two_factor/enrol.html",
        {
            "form": form,
            "secret": devices.totp_secret(device),
            "qr_svg": devices.totp_qr_svg(device, title=_("QR code for your authenticator app")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def backup_codes_view(request: HttpRequest) -> HttpResponse:
    """Shows new backup codes once, right after they were made; POST makes new ones."""
    if request.method == "POST":
        return _backup_codes_renew_view(request)
    codes = request.session.pop(BACKUP_CODES_SESSION_KEY, None)
    return render(request, "two_factor/backup_codes.html", {"codes": codes})


@sensitive_step
def _backup_codes_renew_view(request: HttpRequest) -> HttpResponse:
    actor = access.actor_for(request.user)
    request.session[BACKUP_CODES_SESSION_KEY] = services.backup_codes_renew(actor=actor)
    return redirect("two-factor-backup-codes")


@login_required
@require_http_methods(["GET", "POST"])
def password_confirm_view(request: HttpRequest) -> HttpResponse:
    """The password asked again before a sensitive step, which it then leads back to."""
    form = PasswordForm(request.POST or None)
    if form.is_valid():
        if password_confirm(request, form.cleaned_data["password"]):
            return redirect(_next_url(request))
        form.add_error("password", _("The password is wrong."))
    return render(
        request,
        "two_factor/password_confirm.html",
        {
            "form": form,
            "next": _next_url(request),
            "sso_again_url": sso_sessions.again_url(request, _next_url(request)),
        },
        status=400 if form.errors else 200,
    )

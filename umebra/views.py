"""The core's pages: the role home page, one's choice of e-mail, the worker check, the health
endpoint, and the page for an error."""

import sys

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from umebra import access, home, selectors, services
from umebra.forms import MailPreferencesForm
from umebra.models import WorkerPing
from umebra.roles import ROLE_PURPOSES
from umebra.selectors import membership_for_request


@login_required
def home_view(request: HttpRequest) -> HttpResponse:
    membership = membership_for_request(request)
    if membership is None:
        return render(request, "umebra/no_membership.html", status=403)
    return render(
        request,
        "umebra/home.html",
        {
            "membership": membership,
            "purpose": ROLE_PURPOSES[membership.role],
            "panels": home.panels_for(request, membership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def mail_preferences_view(request: HttpRequest) -> HttpResponse:
    # Every box left empty is a choice too (no e-mail), so a POST is a form even when empty.
    chosen = selectors.mail_preferences(user=request.user)
    form = MailPreferencesForm(
        request.POST if request.method == "POST" else None, initial=chosen, kinds=chosen
    )
    if form.is_valid():
        services.mail_preferences_update(
            actor=access.actor_for(request.user), mail_preferences=form.cleaned_data
        )
        messages.success(request, _("Your choice of e-mail is saved."))
        return redirect("mail-preferences")
    if not chosen:
        intro = _("Umebrå sends no e-mail to the roles you hold.")
    elif request.user.email:
        intro = _(
            "Umebrå e-mails %(address)s a sentence and a link when something needs you, never "
            "a name or what a case holds. Choose which you get."
        ) % {"address": request.user.email}
    else:
        intro = _("You have no e-mail address in Umebrå; an administrator can give you one.")
    context = {"form": form, "title": _("E-mail from Umebrå"), "intro": intro}
    return render(request, "form_page.html", context)


@login_required
@require_POST
def worker_ping_view(request: HttpRequest) -> HttpResponse:
    access.require_add(request, WorkerPing)
    services.worker_ping_request(actor=access.actor_for(request.user))
    messages.info(request, _("A worker has been asked to answer. Reload the page in a moment."))
    return redirect("home")


@require_GET
@never_cache
def healthz_view(request: HttpRequest) -> HttpResponse:
    """For load balancers and container health checks: is the database reachable?"""
    try:
        connection.ensure_connection()
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


# How long a browser or client is asked to wait before trying again when the database is away.
RETRY_AFTER_SECONDS = 30


# PostgreSQL's error classes that mean the server is not there for us, rather than that a
# statement failed: connection exceptions, and the server shutting down or starting up.
UNREACHABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03")


def _database_unreachable(error: BaseException | None) -> bool:
    """An interface error, or an operational one that is about the connection: not a
    deadlock, a cancelled statement or a lock wait, which are errors of ours to log."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    sqlstate = getattr(error.__cause__, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(UNREACHABLE_SQLSTATES)


def server_error_view(request: HttpRequest) -> HttpResponse:
    """Django's 500 handler. A database that cannot be reached (restarting, the connection
    dropped) is not our error but a pause: "temporarily unavailable", 503 with Retry-After.
    The broken connection is dropped at once, so the next request connects afresh.

    Rendered without the request's context, which would ask the database who the user is.
    """
    if _database_unreachable(sys.exc_info()[1]):
        for each in connections.all(initialized_only=True):
            each.close_if_unusable_or_obsolete()  # now, not only when the request ends
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))

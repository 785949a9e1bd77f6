"""The core's pages: the role home page, the worker check and the health endpoint."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from umebra import access, home, services
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
@require_POST
def worker_ping_view(request: HttpRequest) -> HttpResponse:
    access.require_add(request, WorkerPing)
    services.worker_ping_request(requested_by=request.user)
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

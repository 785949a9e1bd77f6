"""The public accessibility statement with its report form, and the coordinators' list of
reports."""

import datetime
from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from umebra import access
from umebra.accessibility.forms import AccessibilityReportForm
from umebra.accessibility.models import AccessibilityReport
from umebra.accessibility.selectors import accessibility_report_list, accessibility_statement
from umebra.accessibility.services import accessibility_report_create
from umebra.audit.models import AccessAction
from umebra.pages import form_status, paginate
from umebra.throttle import address_key, throttle_spend

# The window of the report form's limit (UMEBRA_ACCESSIBILITY_REPORT_LIMIT reports in each).
REPORT_LIMIT_PERIOD = datetime.timedelta(hours=1)
# The bound per address alone is this many times the bound per client. The per-client bound
# reads the user agent, which a script may change on every post; the address it cannot (past
# the proxies we trust). The factor is loose because one address is often many people: an
# office, a school or a library behind one NAT, whose staff may each report a few problems in
# the same hour.
REPORT_LIMIT_PER_ADDRESS_FACTOR = 4


def _report_limited(request: HttpRequest) -> str:
    """Spend one report of the request's client and of its address: "" if both are within
    their bounds, else which is over ("client", "address"). A client already over its own
    bound spends nothing of its address's, so that one reader sending again and again does not
    shut out the colleagues behind the same address."""
    limit = settings.UMEBRA_ACCESSIBILITY_REPORT_LIMIT
    if not throttle_spend(
        request, scope="accessibility-report", limit=limit, period=REPORT_LIMIT_PERIOD
    ):
        return "client"
    if not throttle_spend(
        request,
        scope="accessibility-report-address",
        limit=limit * REPORT_LIMIT_PER_ADDRESS_FACTOR,
        period=REPORT_LIMIT_PERIOD,
        key=address_key,
    ):
        return "address"
    return ""


@require_http_methods(["GET", "POST"])
def accessibility_statement_view(request: HttpRequest) -> HttpResponse:
    """Readable by anyone, logged in or not, as the law asks; so is the report form."""
    form = AccessibilityReportForm(request.POST or None)
    limited = ""
    if form.is_valid():
        # A bound per client and a looser one per address (docs/rules.md, rule 10): over
        # either, the page comes back with the reader's words still in the form, to be sent
        # once the hour has turned.
        limited = _report_limited(request)
        if not limited:
            accessibility_report_create(actor=access.actor_for(request.user), **form.cleaned_data)
            messages.success(request, _("Thank you. Your report was received."))
            return redirect(reverse("accessibility-statement") + "#report")
    context = {
        "statement": accessibility_statement(),
        "form": form,
        "limited": limited,
        "limit": settings.UMEBRA_ACCESSIBILITY_REPORT_LIMIT,
        "address_limit": settings.UMEBRA_ACCESSIBILITY_REPORT_LIMIT
        * REPORT_LIMIT_PER_ADDRESS_FACTOR,
        "retention_months": settings.UMEBRA_ACCESSIBILITY_REPORT_RETENTION_MONTHS,
    }
    status = HTTPStatus.TOO_MANY_REQUESTS if limited else form_status(form)
    return render(request, "accessibility/statement.html", context, status=status)


@login_required
@require_GET
def accessibility_report_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, AccessibilityReport)
    page, query = paginate(request, accessibility_report_list(user=request.user), per_page=25)
    access.log(
        request, AccessAction.VIEW, AccessibilityReport, reason="list", listed=page.object_list
    )
    months = settings.UMEBRA_ACCESSIBILITY_REPORT_RETENTION_MONTHS
    context = {"page": page, "query": query, "retention_months": months}
    return render(request, "accessibility/report_list.html", context)

"""Pages of reports: the list and the request form, a run's progress, the download, and the
public page that verifies a copy."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reports import selectors, services
from reports.county import cycle_columns, cycle_rows
from reports.forms import ReportRequestForm, ReportVerifyForm
from reports.models import ReportRun
from reports.policy import requestable_kinds
from umebra import access
from umebra.audit.models import AccessAction
from umebra.jobs import JobStatus
from umebra.pages import paginate, report_outcome
from umebra.pdf import pdf_response


@login_required
@require_GET
def report_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, ReportRun)
    page, query = paginate(request, selectors.report_list(user=request.user))
    may_request = access.may_add(request.user, ReportRun)
    form = ReportRequestForm(kinds=_kinds(request)) if may_request else None
    return render(request, "reports/list.html", {"page": page, "query": query, "form": form})


def _kinds(request: HttpRequest) -> list[str]:
    return requestable_kinds(access.actor_for(request.user))


@login_required
@require_GET
def cycle_view(request: HttpRequest) -> HttpResponse:
    """Where each municipality the reader works in stands in the law's cycle today: for
    länsstyrelsen's county coordinator, the county's; for a municipality's readers of
    reports, their own."""
    access.require_view_any(request, ReportRun)
    states = selectors.cycle_today(user=request.user)
    return render(
        request,
        "reports/cycle.html",
        {"columns": cycle_columns(), "rows": cycle_rows(states)},
    )


@login_required
@require_POST
def report_request_view(request: HttpRequest) -> HttpResponse:
    access.require_add(request, ReportRun)
    form = ReportRequestForm(request.POST, kinds=_kinds(request))
    if form.is_valid():
        actor = access.actor_for(request.user)
        outcome = report_outcome(
            request,
            lambda: services.report_request(
                kind=form.cleaned_data["kind"], period=form.cleaned_data["period"], actor=actor
            ),
            lambda result: (
                _("The report is being built.")
                if result[1]
                else _("That report was already being built; here it is.")
            ),
        )
        if outcome:
            return redirect(outcome[0])
    page, query = paginate(request, selectors.report_list(user=request.user))
    return render(
        request, "reports/list.html", {"page": page, "query": query, "form": form}, status=400
    )


@login_required
@require_GET
def report_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.get_object_or_404(request, ReportRun, pk=pk)
    template = (
        "reports/_status.html"
        if request.headers.get("X-Requested-With") == "poll"
        else ("reports/detail.html")
    )
    may_retry = run.status == JobStatus.FAILED and access.may_add(request.user, ReportRun)
    return render(request, template, {"run": run, "may_retry": may_retry})


@login_required
@require_POST
def report_retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    access.require_add(request, ReportRun)
    run = access.get_object_or_404(request, ReportRun, pk=pk)
    actor = access.actor_for(request.user)
    retried = report_outcome(
        request,
        lambda: services.report_retry(run=run, actor=actor),
        _("The report is being built again."),
    )
    return redirect(retried or run)


@login_required
@require_GET
def report_download_view(request: HttpRequest, pk: int) -> HttpResponse:
    file = access.get_object_or_404(request, selectors.report_files(user=request.user), run_id=pk)
    access.log(request, AccessAction.DOWNLOAD, ReportRun, str(pk), reason=str(file.run))
    return pdf_response(bytes(file.data), file.run.filename)


@require_http_methods(["GET", "POST"])
def report_verify_view(request: HttpRequest) -> HttpResponse:
    """Anyone holding a report may check it is the one Umebrå produced; no login needed."""
    posted = request.method == "POST"
    form = ReportVerifyForm(request.POST, request.FILES) if posted else ReportVerifyForm()
    checked, run = False, None
    if posted and form.is_valid():
        run = selectors.report_verify(
            file=form.cleaned_data["file"], checksum=form.cleaned_data["checksum"]
        )
        checked = True
    status = 400 if form.errors else 200
    context = {"form": form, "checked": checked, "run": run}
    return render(request, "reports/verify.html", context, status=status)

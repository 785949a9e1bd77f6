"""Joint effort pages: the list with filters and exports, the quick form, detail and edit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from collaboration.filters import EffortFilter
from collaboration.forms.efforts import EffortForm
from collaboration.models import JointEffort
from collaboration.selectors.efforts import effort_full, effort_list
from collaboration.services.efforts import effort_create, effort_update
from umebra import access
from umebra.exports import export_response
from umebra.history import changes_of
from umebra.pages import form_status, paginate
from umebra.periods import is_preliminary, preliminary_label


def _filtered(request: HttpRequest, efforts: QuerySet[JointEffort]) -> EffortFilter:
    return EffortFilter(request.GET or None, queryset=efforts, user=request.user)


def _preliminary(efforts: EffortFilter) -> str:
    """The mark of an export of a period not yet over (from a day, or up to a day not yet
    past): "preliminär, data t.o.m. <today>". A list with no period is not marked: it holds
    every effort up to today, as its file name says."""
    dates = efforts.form.cleaned_data if efforts.is_valid() else {}
    start, end = dates.get("date_from"), dates.get("date_to")
    today = timezone.localdate()
    if (start or end) and (end is None or is_preliminary(end, today)):
        return preliminary_label(today)
    return ""


@login_required
@require_GET
def effort_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, JointEffort)
    efforts = _filtered(request, effort_list(user=request.user))
    # The whole list's count is the access layer's, faster than counting the query; a list
    # narrowed by its filters counts its rows.
    count = None if efforts.narrowed else access.count(request.user, JointEffort)
    page, query = paginate(request, efforts.qs, count=count)
    return render(
        request,
        "collaboration/efforts/list.html",
        {
            "filter": efforts,
            "page": page,
            "query": query,
            "may_add": access.may_add(request.user, JointEffort),
        },
    )


@login_required
@require_GET
def effort_export_view(request: HttpRequest, file_format: str) -> HttpResponse:
    """The filtered list as CSV or Excel, exactly the rows the list page would show."""
    access.require_view_any(request, JointEffort)
    efforts = _filtered(request, effort_full(user=request.user))
    header = [
        _("Date"), _("Kind"), _("Areas"), _("Organisations"), _("Description"),
        _("Hours"), _("Cost (SEK)"), _("People reached"), _("Serves the promise or agreement"),
    ]  # fmt: skip
    rows = (
        [
            effort.date,
            effort.get_kind_display(),
            ", ".join(area.name for area in effort.area_list),
            ", ".join(organisation.name for organisation in effort.organisation_list),
            effort.description,
            effort.hours,
            effort.cost,
            effort.people_reached,
            str(effort.undertaking or effort.agreement or ""),
        ]
        for effort in efforts.qs
    )
    note = _preliminary(efforts)
    filename = f"insatser-{'preliminar-' if note else ''}{timezone.localdate():%Y-%m-%d}"
    return export_response(
        file_format, filename, header, rows, sheet=_("Joint efforts"), note=capfirst(note)
    )


@login_required
@require_http_methods(["GET", "POST"])
def effort_create_view(request: HttpRequest) -> HttpResponse:
    access.require_add(request, JointEffort)
    form = EffortForm(request.POST or None, user=request.user)
    if form.is_valid():
        effort = effort_create(actor=access.actor_for(request.user), **form.cleaned_data)
        messages.success(request, _("The effort was logged."))
        if "another" in request.POST:
            return redirect("collaboration:effort-create")
        return redirect("collaboration:effort-detail", pk=effort.pk)
    return render(
        request, "collaboration/efforts/form.html", {"form": form}, status=form_status(form)
    )


@login_required
@require_GET
def effort_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    effort = access.get_object_or_404(request, effort_full(user=request.user), pk=pk)
    return render(
        request,
        "collaboration/efforts/detail.html",
        {
            "effort": effort,
            "may_change": access.allows(request.user, effort, access.Action.CHANGE),
            "changes": changes_of(effort),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def effort_update_view(request: HttpRequest, pk: int) -> HttpResponse:
    effort = access.get_object_or_404(request, JointEffort, access.Action.CHANGE, pk=pk)
    form = EffortForm(request.POST or None, instance=effort, user=request.user)
    if form.is_valid():
        effort_update(actor=access.actor_for(request.user), effort=effort, **form.cleaned_data)
        messages.success(request, _("The effort was saved."))
        return redirect("collaboration:effort-detail", pk=effort.pk)
    return render(
        request,
        "collaboration/efforts/form.html",
        {"form": form, "effort": effort},
        status=form_status(form),
    )

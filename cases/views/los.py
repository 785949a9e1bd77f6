"""LOS operation pages: the operation, its targets, each agency's inspections and measures,
and the police's intelligence."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.filters import OperationFilter
from cases.forms.los import (
    InspectionForm,
    IntelligenceForm,
    MeasureForm,
    OperationForm,
    TargetForm,
)
from cases.models import (
    OPERATION_TRANSITIONS,
    Inspection,
    IntelligenceNote,
    Operation,
    OperationStatus,
    Target,
)
from cases.selectors.los import (
    inspections_changeable,
    operation_full,
    operation_list,
    operation_parts,
    shown_parts,
)
from cases.services import los as services
from umebra import access
from umebra.audit.models import AccessAction
from umebra.pages import form_page, part_create, report_outcome
from umebra.workflow import next_choices


@login_required
@require_GET
def operation_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, Operation)
    filtered = OperationFilter(
        request.GET or None, queryset=operation_list(user=request.user), user=request.user
    )
    operations = list(filtered.qs)
    access.log(request, AccessAction.VIEW, Operation, reason="list", listed=operations)
    return render(
        request,
        "cases/operations/list.html",
        {
            "operations": operations,
            "filter": filtered,
            "may_add": access.may_add(request.user, Operation),
        },
    )


@login_required
@require_GET
def operation_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    operation = access.get_object_or_404(
        request, operation_full(user=request.user), log_read=False, pk=pk
    )
    may_change = access.allows(request.user, operation, access.Action.CHANGE)
    parts = operation_parts(user=request.user, operation=operation)
    access.log(
        request,
        AccessAction.VIEW,
        Operation,
        str(operation.pk),
        listed=shown_parts(parts),
    )
    return render(
        request,
        "cases/operations/detail.html",
        {
            "operation": operation,
            **parts,
            "may_measure": inspections_changeable(user=request.user, operation=operation),
            "may_change": may_change,
            "may_inspect": access.may_add(request.user, Inspection),
            "may_add_intelligence": access.may_add(request.user, IntelligenceNote),
            "next_statuses": next_choices(OPERATION_TRANSITIONS, OperationStatus, operation.status)
            if may_change
            else [],
            "intelligence_form": IntelligenceForm(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def operation_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        access.require_add(request, Operation)
        operation = None
    else:
        operation = access.get_object_or_404(request, Operation, access.Action.CHANGE, pk=pk)
    form = OperationForm(request.POST or None, instance=operation, user=request.user)
    if form.is_valid():
        actor = access.actor_for(request.user)
        try:
            if operation is None:
                saved = services.operation_create(actor=actor, **form.cleaned_data)
            else:
                saved = services.operation_update(
                    actor=actor, operation=operation, **form.cleaned_data
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(saved)
    return form_page(request, form, _("LOS operation"))


@login_required
@require_POST
def operation_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    operation = access.get_object_or_404(request, Operation, access.Action.CHANGE, pk=pk)
    report_outcome(
        request,
        lambda: services.operation_transition(
            actor=access.actor_for(request.user),
            operation=operation,
            status=request.POST.get("status", ""),
        ),
    )
    return redirect(operation)


@login_required
@require_http_methods(["GET", "POST"])
def target_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_create(
        request,
        Operation,
        pk,
        TargetForm,
        lambda actor, operation, form: services.target_create(
            actor=actor, operation=operation, **form.cleaned_data
        ),
        _("Target"),
        parent_as="operation",
        with_user=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def inspection_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    target = access.get_object_or_404(request, Target, pk=pk)
    access.require_add(request, Inspection)
    form = InspectionForm(request.POST or None)
    if form.is_valid():
        try:
            services.inspection_create(
                actor=access.actor_for(request.user), target=target, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The inspection was recorded."))
            return redirect(target.operation)
    return form_page(
        request, form, _("Inspection of %(target)s") % {"target": target}, parent=target.operation
    )


@login_required
@require_http_methods(["GET", "POST"])
def measure_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.get_object_or_404(request, Inspection, access.Action.CHANGE, pk=pk)
    form = MeasureForm(request.POST or None)
    if form.is_valid():
        services.measure_create(
            actor=access.actor_for(request.user), inspection=inspection, **form.cleaned_data
        )
        messages.success(request, _("Saved."))
        return redirect(inspection.target.operation)
    return form_page(request, form, _("Measure"), parent=inspection.target.operation)


@login_required
@require_POST
def intelligence_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    operation = access.get_object_or_404(request, Operation, pk=pk)
    access.require_add(request, IntelligenceNote)
    form = IntelligenceForm(request.POST)
    if form.is_valid():
        services.intelligence_create(
            actor=access.actor_for(request.user), operation=operation, **form.cleaned_data
        )
        messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Write the note."))
    return redirect(operation)

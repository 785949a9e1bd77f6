"""Funds and grant applications: the workflow from received to closed, and effect per krona."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from collaboration.forms.cycle import (
    ApplicationForm,
    ApplicationTransitionForm,
    BudgetLineForm,
    FundForm,
    SpendingForm,
)
from collaboration.models import GRANT_TRANSITIONS, Fund, GrantApplication, GrantStatus
from collaboration.selectors.cycle import (
    application_full,
    application_parts,
    effect_per_thousand,
    fund_applications,
    fund_list,
)
from collaboration.services import funds as services
from umebra import access
from umebra.pages import create_or_update, form_page, part_create, report_outcome
from umebra.workflow import next_choices


@login_required
@require_GET
def fund_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, Fund)
    return render(
        request,
        "collaboration/funds/list.html",
        {"funds": fund_list(user=request.user), "may_add": access.may_add(request.user, Fund)},
    )


@login_required
@require_GET
def fund_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    fund = access.get_object_or_404(request, fund_list(user=request.user), pk=pk)
    applications = [
        (application, effect_per_thousand(application))
        for application in fund_applications(user=request.user, fund=fund)
    ]
    return render(
        request,
        "collaboration/funds/detail.html",
        {
            "fund": fund,
            "applications": applications,
            "may_add": access.may_add(request.user, GrantApplication),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def fund_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return create_or_update(
        request,
        model=Fund,
        pk=pk,
        form_class=FundForm,
        create=services.fund_create,
        update=services.fund_update,
        title=_("Fund"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_form_view(
    request: HttpRequest, fund_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    if pk is None:
        fund = access.get_object_or_404(request, Fund, access.Action.CHANGE, pk=fund_pk)
        access.require_add(request, GrantApplication)
        application = None
    else:
        application = access.get_object_or_404(
            request, GrantApplication, access.Action.CHANGE, pk=pk
        )
        fund = application.fund
    form = ApplicationForm(request.POST or None, instance=application, user=request.user)
    if form.is_valid():
        actor = access.actor_for(request.user)
        if application is None:
            saved = services.application_create(actor=actor, fund=fund, **form.cleaned_data)
        else:
            saved = services.application_update(
                actor=actor, application=application, **form.cleaned_data
            )
        messages.success(request, _("Saved."))
        return redirect(saved)
    return form_page(request, form, _("Grant application"), parent=fund)


@login_required
@require_GET
def application_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    application = access.get_object_or_404(request, application_full(user=request.user), pk=pk)
    may_change = access.allows(request.user, application, access.Action.CHANGE)
    transition_form = None
    if may_change:
        transition_form = ApplicationTransitionForm()
        transition_form.fields["status"].choices = next_choices(
            GRANT_TRANSITIONS, GrantStatus, application.status
        )
    return render(
        request,
        "collaboration/funds/application.html",
        {
            "application": application,
            **application_parts(user=request.user, application=application),
            "may_change": may_change,
            "transition_form": transition_form,
        },
    )


@login_required
@require_POST
def application_transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    application = access.get_object_or_404(request, GrantApplication, access.Action.CHANGE, pk=pk)
    form = ApplicationTransitionForm(request.POST)
    if form.is_valid():
        report_outcome(
            request,
            lambda: services.application_transition(
                actor=access.actor_for(request.user),
                application=application,
                **form.cleaned_data,
            ),
            _("The status was changed."),
        )
    else:
        messages.error(request, _("Check the figures: %s") % form.errors.as_text())
    return redirect(application)


@login_required
@require_http_methods(["GET", "POST"])
def budget_line_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_create(
        request,
        GrantApplication,
        pk,
        BudgetLineForm,
        lambda actor, application, form: services.budget_line_create(
            actor=actor, application=application, **form.cleaned_data
        ),
        _("Budget line"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def spending_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_create(
        request,
        GrantApplication,
        pk,
        SpendingForm,
        lambda actor, application, form: services.spending_create(
            actor=actor, application=application, **form.cleaned_data
        ),
        _("Spending"),
    )

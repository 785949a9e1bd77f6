"""The situation picture and the action plan: drafted, reviewed, adopted, superseded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from collaboration.forms.cycle import AdoptionForm, PictureForm, PlanForm, ProblemForm, RowForm
from collaboration.models import (
    DOCUMENT_TRANSITIONS,
    ActionPlan,
    ActionRow,
    DocumentStatus,
    SituationPicture,
)
from collaboration.selectors.cycle import (
    picture_in_force,
    picture_is_stale,
    picture_list,
    picture_problems,
    plan_list,
    plan_rows,
)
from collaboration.services import cycle as services
from umebra import access
from umebra.pages import create_or_update, form_page, part_create, report_outcome
from umebra.workflow import next_choices


@login_required
@require_GET
def cycle_overview_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, SituationPicture)
    in_force = picture_in_force(user=request.user)
    return render(
        request,
        "collaboration/situation/overview.html",
        {
            "pictures": picture_list(user=request.user),
            "plans": plan_list(user=request.user),
            "in_force": in_force,
            "stale": picture_is_stale(in_force, timezone.localdate()),
            "may_add": access.may_add(request.user, SituationPicture),
        },
    )


@login_required
@require_GET
def picture_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    picture = access.get_object_or_404(request, SituationPicture, pk=pk)
    may_change = access.allows(request.user, picture, access.Action.CHANGE)
    return render(
        request,
        "collaboration/situation/picture.html",
        {
            "picture": picture,
            "problems": picture_problems(user=request.user, picture=picture),
            "may_change": may_change,
            "transition_form": _transition_form(picture) if may_change else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def picture_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return create_or_update(
        request,
        model=SituationPicture,
        pk=pk,
        form_class=PictureForm,
        create=services.picture_create,
        update=services.picture_update,
        title=_("Situation picture"),
        form_kwargs={"user": request.user},
    )


@login_required
@require_http_methods(["GET", "POST"])
def problem_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_create(
        request,
        SituationPicture,
        pk,
        ProblemForm,
        lambda actor, picture, form: services.problem_create(
            actor=actor, picture=picture, **form.cleaned_data
        ),
        _("Prioritised problem"),
        with_user=True,
    )


@login_required
@require_GET
def plan_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.get_object_or_404(request, plan_list(user=request.user), pk=pk)
    may_change = access.allows(request.user, plan, access.Action.CHANGE)
    return render(
        request,
        "collaboration/situation/plan.html",
        {
            "plan": plan,
            "rows": plan_rows(user=request.user, plan=plan),
            "may_change": may_change,
            "transition_form": _transition_form(plan) if may_change else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return create_or_update(
        request,
        model=ActionPlan,
        pk=pk,
        form_class=PlanForm,
        create=services.plan_create,
        update=services.plan_update,
        title=_("Action plan"),
        form_kwargs={"user": request.user},
    )


@login_required
@require_http_methods(["GET", "POST"])
def row_form_view(request: HttpRequest, plan_pk: int | None = None, pk: int | None = None):
    if pk is None:
        plan = access.get_object_or_404(request, ActionPlan, access.Action.CHANGE, pk=plan_pk)
        row = None
    else:
        row = access.get_object_or_404(request, ActionRow, access.Action.CHANGE, pk=pk)
        plan = row.plan
    form = RowForm(request.POST or None, instance=row, user=request.user, plan=plan)
    if form.is_valid():
        actor = access.actor_for(request.user)
        if row is None:
            services.row_create(actor=actor, plan=plan, **form.cleaned_data)
        else:
            services.row_update(actor=actor, row=row, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect(plan)
    return form_page(request, form, _("Action plan row"), parent=plan)


@login_required
@require_POST
def document_transition_view(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    model = {"picture": SituationPicture, "plan": ActionPlan}[kind]
    document = access.get_object_or_404(request, model, access.Action.CHANGE, pk=pk)
    form = AdoptionForm(request.POST)
    if form.is_valid():
        report_outcome(
            request,
            lambda: services.document_transition(
                actor=access.actor_for(request.user), document=document, **form.cleaned_data
            ),
            _("The status was changed."),
        )
    else:
        messages.error(request, _("Choose a status."))
    return redirect(document)


def _transition_form(document) -> AdoptionForm:
    """The transition form, offering only the statuses the document may move to."""
    form = AdoptionForm()
    form.fields["status"].choices = next_choices(
        DOCUMENT_TRANSITIONS, DocumentStatus, document.status
    )
    return form

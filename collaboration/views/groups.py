"""Collaboration group pages: the chain with its overlaps, a group, its meetings, decisions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from collaboration.forms.groups import DecisionForm, GroupForm, MeetingForm
from collaboration.models import CollaborationGroup, Decision, Meeting
from collaboration.selectors.groups import (
    group_list,
    group_meetings,
    group_overlaps,
    group_tree,
)
from collaboration.services import groups as services
from umebra import access
from umebra.pages import create_or_update, form_page


@login_required
@require_GET
def group_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, CollaborationGroup)
    groups = list(group_list(user=request.user))
    return render(
        request,
        "collaboration/groups/list.html",
        {
            "tree": group_tree(groups),
            "overlaps": group_overlaps(groups),
            "may_add": access.may_add(request.user, CollaborationGroup),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return create_or_update(
        request,
        model=CollaborationGroup,
        pk=pk,
        form_class=GroupForm,
        create=services.group_create,
        update=services.group_update,
        title=_("Collaboration group"),
        form_kwargs={"user": request.user},
    )


@login_required
@require_GET
def group_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    group = access.get_object_or_404(request, group_list(user=request.user), pk=pk)
    return render(
        request,
        "collaboration/groups/detail.html",
        {
            "group": group,
            **group_meetings(user=request.user, group=group),
            "may_change": access.allows(request.user, group, access.Action.CHANGE),
            # The group it reports to is named to all, and linked for those who may open it.
            "parent_visible": group.parent is not None
            and access.allows(request.user, group.parent, access.Action.VIEW),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_form_view(
    request: HttpRequest, group_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    if pk is None:
        group = access.get_object_or_404(
            request, CollaborationGroup, access.Action.CHANGE, pk=group_pk
        )
        meeting = None
    else:
        meeting = access.get_object_or_404(request, Meeting, access.Action.CHANGE, pk=pk)
        group = meeting.group
    form = MeetingForm(request.POST or None, instance=meeting)
    if form.is_valid():
        actor = access.actor_for(request.user)
        if meeting is None:
            services.meeting_create(actor=actor, group=group, **form.cleaned_data)
        else:
            services.meeting_update(actor=actor, meeting=meeting, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("collaboration:group-detail", pk=group.pk)
    return form_page(request, form, _("Meeting"), parent=group)


@login_required
@require_http_methods(["GET", "POST"])
def decision_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_object_or_404(request, Meeting, access.Action.CHANGE, pk=pk)
    form = DecisionForm(request.POST or None, meeting=meeting, user=request.user)
    if form.is_valid():
        services.decision_create(
            actor=access.actor_for(request.user), meeting=meeting, **form.cleaned_data
        )
        messages.success(request, _("The decision is now tracked as an action."))
        return redirect("collaboration:group-detail", pk=meeting.group_id)
    return form_page(request, form, _("Decision"), parent=meeting.group)


@login_required
@require_POST
def decision_done_view(request: HttpRequest, pk: int) -> HttpResponse:
    decision = access.get_object_or_404(request, Decision, access.Action.CHANGE, pk=pk)
    services.decision_mark(
        actor=access.actor_for(request.user),
        decision=decision,
        done=request.POST.get("done") == "1",
    )
    return redirect("collaboration:group-detail", pk=decision.meeting.group_id)

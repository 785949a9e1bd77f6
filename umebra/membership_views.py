"""Pages for who acts for an organisation in which role: giving and asking for roles,
approving and refusing requests, ending memberships, appointing member administrators, and
the review of who holds which role.

Every rule is ``MembershipPolicy``'s (``umebra/policy.py``); each page asks it through the
access layer and the services, and answers 404 for a membership it may not act on.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from umebra import access, services
from umebra.audit.models import AccessAction
from umebra.exports import csv_response
from umebra.forms import MembershipForm, RefusalForm
from umebra.models import Membership, MembershipStatus, Organisation
from umebra.pages import form_page, report_outcome
from umebra.policy import APPOINT, APPROVE, DISMISS, REFUSE
from umebra.reauth import sensitive_step
from umebra.selectors import role_holders


@login_required
@require_http_methods(["GET", "POST"])
@sensitive_step
def membership_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = access.get_object_or_404(request, Organisation, pk=pk)
    actor = access.actor_for(request.user)
    if not access.policy_for(Membership).grantable_roles(actor, organisation):
        access.log(request, AccessAction.DENIED, Membership, reason=access.Action.ADD)
        raise PermissionDenied
    form = MembershipForm(request.POST or None, actor=actor, organisation=organisation)
    if form.is_valid():
        try:
            membership = services.membership_create(
                actor=actor, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _outcome(membership))
            return redirect("organisation-detail", pk=organisation.pk)
    return form_page(
        request,
        form,
        _("Give or ask for a role"),
        parent=organisation,
        intro=_(
            "A role that reaches personal data or intelligence is given by the organisation's "
            "member administrator. Asked for by anyone else, it is in force once a member "
            "administrator approves it (auditor and administrator: another administrator)."
        ),
    )


def _outcome(membership: Membership) -> str:
    if membership.status == MembershipStatus.APPROVED:
        return _("The membership was added.")
    return _("The request was sent. The role is in force once it is approved.")


def _or_asked(done: str):
    """The message for a step that may take two administrators: ``done``, or that it waits
    for the second."""
    asked = _("Asked for: a second administrator confirms it within a week.")
    return lambda membership: asked if membership.awaiting else done


def _act(request: HttpRequest, pk: int, action: str, service, done, **arguments):
    """Fetch the membership the user may ``action`` (404 otherwise), run the service and
    go back to its organisation's page. ``done`` is the message, or makes it from the
    result."""
    membership = access.get_object_or_404(request, Membership, action, pk=pk)
    actor = access.actor_for(request.user)
    report_outcome(request, lambda: service(actor=actor, membership=membership, **arguments), done)
    return redirect("organisation-detail", pk=membership.organisation_id)


@login_required
@require_POST
@sensitive_step
def membership_approve_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, APPROVE, services.membership_approve, _("The role is now in force."))


@login_required
@require_POST
def membership_refuse_view(request: HttpRequest, pk: int) -> HttpResponse:
    form = RefusalForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _act(
        request,
        pk,
        REFUSE,
        services.membership_refuse,
        _("The request was refused."),
        reason=reason,
    )


@login_required
@require_POST
@sensitive_step
def membership_end_view(request: HttpRequest, pk: int) -> HttpResponse:
    done = _or_asked(_("The membership has ended."))
    return _act(request, pk, access.Action.CHANGE, services.membership_end, done)


@login_required
@require_POST
@sensitive_step
def member_administrator_appoint_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        APPOINT,
        services.member_administrator_appoint,
        _or_asked(_("The member now administers the organisation's roles. The auditor is told.")),
    )


@login_required
@require_POST
@sensitive_step
def member_administrator_dismiss_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        DISMISS,
        services.member_administrator_dismiss,
        _("The member no longer administers the organisation's roles."),
    )


@login_required
@require_GET
def role_review_view(request: HttpRequest) -> HttpResponse:
    """Who holds which role in each organisation today, for the periodic access review; as
    a page or a CSV file. Reading it is logged."""
    access.require_view_any(request, Membership)
    holders = role_holders(user=request.user)
    file_format = request.GET.get("format", "")
    access.log(
        request, AccessAction.VIEW, Membership, reason=f"role review ({file_format or 'page'})"
    )
    if file_format != "csv":
        return render(request, "umebra/role_review.html", {"holders": holders})
    return csv_response(
        f"behorigheter-{timezone.localdate():%Y-%m-%d}",
        [_("Organisation"), _("User name"), _("Name"), _("Role"), _("Valid from"),
         _("Valid to"), _("Asked for by"), _("Decided by"), _("Member administrator")],
        (
            [m.organisation.name, m.user.get_username(), m.user.get_full_name(),
             m.get_role_display(), m.valid_from, m.valid_to or "",
             m.requested_by.get_username() if m.requested_by else "",
             m.decided_by.get_username() if m.decided_by else "",
             _("yes") if m.administers_members else ""]
            for m in holders
        ),
    )  # fmt: skip

"""Pages for organisations (*aktörer*) and who acts for them, for coordinators and admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from umebra import access, services
from umebra.forms import MembershipForm, OrganisationForm
from umebra.models import Membership, Organisation
from umebra.pages import create_or_update, form_page, report_outcome
from umebra.selectors import organisation_list_with_member_counts


@login_required
@require_GET
def organisation_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, Organisation)
    return render(
        request,
        "umebra/organisations/list.html",
        {
            "organisations": organisation_list_with_member_counts(user=request.user),
            "may_add": access.may_add(request.user, Organisation),
        },
    )


@login_required
@require_GET
def organisation_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = access.get_object_or_404(request, Organisation, pk=pk)
    memberships = access.restrict(
        request.user, organisation.memberships.select_related("user")
    ).order_by("-valid_from")
    ending = access.restrict(request.user, memberships, access.CHANGE)
    return render(
        request,
        "umebra/organisations/detail.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "may_end": set(ending.values_list("pk", flat=True)),
            "may_change": access.allows(request.user, organisation, access.CHANGE),
            "may_add_member": access.may_add(request.user, Membership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return create_or_update(
        request,
        model=Organisation,
        pk=pk,
        form_class=OrganisationForm,
        save=services.organisation_save,
        title=_("Organisation"),
        form_kwargs={"user": request.user},
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = access.get_object_or_404(request, Organisation, pk=pk)
    access.require_add(request, Membership)
    actor = access.actor_for(request.user)
    form = MembershipForm(request.POST or None, actor=actor, organisation=organisation)
    if form.is_valid():
        try:
            services.membership_create(
                organisation=organisation, granted_by=actor, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The membership was added."))
            return redirect("organisation-detail", pk=organisation.pk)
    return form_page(request, form, _("New membership"), parent=organisation)


@login_required
@require_POST
def membership_end_view(request: HttpRequest, pk: int) -> HttpResponse:
    membership = access.get_object_or_404(request, Membership, access.CHANGE, pk=pk)
    report_outcome(
        request,
        lambda: services.membership_end(membership=membership),
        _("The membership ends today."),
    )
    return redirect("organisation-detail", pk=membership.organisation_id)

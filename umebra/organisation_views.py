"""Pages for organisations (*aktörer*) and who acts for them (``membership_views``)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from umebra import access, services
from umebra.forms import OrganisationForm, RefusalForm
from umebra.models import Membership, Organisation
from umebra.pages import create_or_update
from umebra.selectors import organisation_list_with_member_counts, organisation_members


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
    actor = access.actor_for(request.user)
    return render(
        request,
        "umebra/organisations/detail.html",
        {
            "organisation": organisation,
            **organisation_members(user=request.user, organisation=organisation),
            "may_change": access.allows(request.user, organisation, access.Action.CHANGE),
            "may_add_member": bool(
                access.policy_for(Membership).grantable_roles(actor, organisation)
            ),
            "refusal_form": RefusalForm(),
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
        create=services.organisation_create,
        update=services.organisation_update,
        title=_("Organisation"),
        form_kwargs={"user": request.user},
    )

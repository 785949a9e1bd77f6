"""SIG case pages. Every read of a case is logged by the access layer; every write by its
service. A case the user may not see answers 404, like one that does not exist."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.filters import CaseFilter
from cases.forms.sig import (
    CaseActionForm,
    CaseOpenForm,
    ConsentForm,
    DisclosureForm,
    GrantForm,
    NoteForm,
    RevokeForm,
)
from cases.models import Consent, EmergencyAccess, SigCase
from cases.policy import note_visibilities
from cases.selectors.sig import (
    case_list,
    case_parts,
    case_status_choices,
    reading_without_part,
    shown_parts,
)
from cases.services import disclosure
from cases.services import sig as services
from umebra import access
from umebra.audit.models import AccessAction
from umebra.pages import form_page, form_refusal, paginate, report_outcome
from umebra.pdf import pdf_response, render_pdf
from umebra.reauth import sensitive_step
from umebra.selectors import user_or_none


@login_required
@require_GET
def case_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, SigCase)
    cases = CaseFilter(
        request.GET or None, queryset=case_list(user=request.user), user=request.user
    )
    # The whole list's count comes from the grant tally; one narrowed to a municipality counts.
    count = None if cases.narrowed else access.count(request.user, SigCase)
    page, query = paginate(request, cases.qs, count=count)
    # A list of names is a read of personal data too: one event names the cases it showed.
    access.log(request, AccessAction.VIEW, SigCase, reason="list", listed=page.object_list)
    return render(
        request,
        "cases/list.html",
        {
            "page": page,
            "query": query,
            "filter": cases,
            "may_add": access.may_add(request.user, SigCase),
            # The link to break the glass, for those its page lets in.
            "may_open_emergency": access.may_add(request.user, EmergencyAccess),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_open_view(request: HttpRequest) -> HttpResponse:
    access.require_add(request, SigCase)
    form = CaseOpenForm(request.POST or None, user=request.user)
    if form.is_valid():
        try:
            case = services.case_open(actor=access.actor_for(request.user), **form.case_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The case was opened."))
            return redirect(case)
    return form_page(request, form, _("Open a SIG case"))


@login_required
@require_GET
def case_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_object_or_404(request, case_list(user=request.user), log_read=False, pk=pk)
    may_change = access.allows(request.user, case, access.Action.CHANGE)
    emergency = reading_without_part(actor=access.actor_for(request.user), case=case)
    parts = case_parts(user=request.user, case=case)
    # One event for the page: the case, the person, and each part shown (which notes, say).
    access.log(
        request,
        AccessAction.VIEW,
        SigCase,
        str(case.pk),
        reason="emergency access" if emergency else "",
        listed=[case.person, *shown_parts(parts)],
    )
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            **parts,
            "may_change": may_change,
            "next_statuses": case_status_choices(case=case) if may_change else [],
            "note_form": NoteForm(visibilities=note_visibilities(access.actor_for(request.user))),
            "grant_form": GrantForm(case=case) if may_change else None,
            "revoke_form": RevokeForm(),
            "emergency": emergency,
        },
    )


def _owned_case(request: HttpRequest, pk: int) -> SigCase:
    return access.get_object_or_404(request, SigCase, access.Action.CHANGE, pk=pk)


@login_required
@require_POST
def case_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = _owned_case(request, pk)
    report_outcome(
        request,
        lambda: services.case_transition(
            actor=access.actor_for(request.user), case=case, status=request.POST.get("status", "")
        ),
    )
    return redirect(case)


@login_required
@require_http_methods(["GET", "POST"])
def consent_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = _owned_case(request, pk)
    form = ConsentForm(request.POST or None, request.FILES or None, user=request.user, case=case)
    if form.is_valid():
        consent = services.consent_record(
            actor=access.actor_for(request.user), case=case, **form.cleaned_data
        )
        if consent.complete:
            messages.success(request, _("The consent was recorded."))
        else:
            messages.warning(
                request,
                _("The consent was recorded but is not in force: the young person, and while "
                  "under 18 every guardian, must sign."),
            )  # fmt: skip
        return redirect(case)
    return form_page(
        request,
        form,
        _("Record a consent"),
        parent=case,
        print_url=reverse("cases:consent-form-pdf", args=[case.pk]),
        intro=_(
            "Fill in the consent, print the form for the young person (and the guardians) "
            "to sign, then tick who signed, attach the scan and save."
        ),
    )


@login_required
@require_POST
def consent_form_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The consent form to sign, in plain Swedish, made from what the social worker filled in
    on the consent page (sent here by its "print" button); nothing is saved."""
    case = _owned_case(request, pk)
    form = ConsentForm(request.POST, user=request.user, case=case)
    form.fields["signed_scan"].required = False
    if not form.is_valid():
        return form_page(request, form, _("Record a consent"), parent=case)
    data, person = form.cleaned_data, case.person
    age = person.age_on(data["valid_from"])
    pdf = render_pdf(
        "cases/pdf/consent_form.html",
        {
            "case": case,
            "person": person,
            "guardians": person.guardians.all(),
            "under_18": age is not None and age < 18,
            "organisations": data["organisations"],
            "information": data["information"],
            "valid_from": data["valid_from"],
            "valid_to": data["valid_to"],
            "owner_name": case.owner.display_name,
        },
    )
    access.log(request, AccessAction.EXPORT, SigCase, str(case.pk), reason="consent form")
    return pdf_response(pdf, f"samtycke-arende-{case.pk}")


@login_required
@require_POST
def consent_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    consent = access.get_object_or_404(request, Consent, access.Action.CHANGE, pk=pk)
    form = RevokeForm(request.POST)

    def revoke():
        if not form.is_valid():
            raise form_refusal(form)
        return services.consent_revoke(
            actor=access.actor_for(request.user),
            consent=consent,
            reason=form.cleaned_data["reason"],
        )

    report_outcome(
        request,
        revoke,
        lambda removed: (
            _("The consent was revoked. Access ended for: %(users)s.")
            % {"users": ", ".join(user.get_username() for user in removed) or "–"}
        ),
    )
    return redirect(consent.case)


@login_required
@require_POST
@sensitive_step
def grant_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = _owned_case(request, pk)
    form = GrantForm(request.POST, case=case)

    def give():
        if not form.is_valid():
            raise form_refusal(form)
        return services.grant_give(
            actor=access.actor_for(request.user), case=case, user=form.cleaned_data["user"]
        )

    report_outcome(request, give, _("Access was given."))
    return redirect(case)


@login_required
@require_POST
def grant_withdraw_view(request: HttpRequest, pk: int, user_pk: int) -> HttpResponse:
    case = _owned_case(request, pk)
    user = user_or_none(pk=user_pk)
    if user is not None:
        services.grant_withdraw(actor=access.actor_for(request.user), case=case, user=user)
        messages.success(request, _("Access was withdrawn."))
    return redirect(case)


@login_required
@require_POST
def note_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_object_or_404(request, SigCase, pk=pk)
    form = NoteForm(request.POST, visibilities=note_visibilities(access.actor_for(request.user)))

    def add():
        if not form.is_valid():
            raise ValidationError(_("Write the note and choose who may read it."))
        return services.note_create(
            actor=access.actor_for(request.user), case=case, **form.cleaned_data
        )

    report_outcome(request, add, _("The note was saved."))
    return redirect(case)


@login_required
@require_http_methods(["GET", "POST"])
def action_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = _owned_case(request, pk)
    form = CaseActionForm(request.POST or None, user=request.user)
    if form.is_valid():
        services.action_create(actor=access.actor_for(request.user), case=case, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect(case)
    return form_page(request, form, _("Action plan row"), parent=case)


@login_required
@require_http_methods(["GET", "POST"])
def disclosure_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record information passed to another organisation, on a ground that must fit."""
    case = access.get_object_or_404(request, SigCase, pk=pk)
    form = DisclosureForm(request.POST or None, user=request.user)
    if form.is_valid():
        try:
            disclosure.disclosure_record(
                actor=access.actor_for(request.user), case=case, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The disclosure was recorded."))
            return redirect(case)
    return form_page(request, form, _("Record a disclosure"), parent=case)

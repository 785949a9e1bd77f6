"""Break-glass pages: asking for emergency access, and the auditor's review of it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.forms.sig import EmergencyAccessForm, EmergencyReviewForm
from cases.models import EmergencyAccess
from cases.selectors.emergency import emergency_list, emergency_reviewable
from cases.services import emergency as services
from umebra import access
from umebra.audit.models import AccessAction
from umebra.pages import form_page, report_outcome
from umebra.reauth import sensitive_step


@login_required
@require_http_methods(["GET", "POST"])
@sensitive_step
def emergency_open_view(request: HttpRequest) -> HttpResponse:
    access.require_add(request, EmergencyAccess)
    form = EmergencyAccessForm(request.POST or None)
    if form.is_valid():
        try:
            opened = services.emergency_access_open(
                actor=access.actor_for(request.user),
                case_id=form.cleaned_data["case"],
                ground=form.cleaned_data["ground"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.warning(
                request,
                _("Emergency access until %(time)s. The case owner and the auditor are told.")
                % {"time": timezone.localtime(opened.expires_at).strftime("%H:%M")},
            )
            return redirect(opened.case)
    return form_page(
        request,
        form,
        _("Emergency access to a case"),
        intro=_(
            "Only when someone's life, health or safety cannot wait for the case owner, and "
            "only for a case your organisation keeps. Every emergency access is reviewed by "
            "the auditor."
        ),
    )


@login_required
@require_GET
def emergency_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, EmergencyAccess)
    accesses = list(emergency_list(user=request.user))
    access.log(
        request,
        AccessAction.VIEW,
        EmergencyAccess,
        reason="list",
        listed=[item.case for item in accesses],
    )
    return render(
        request,
        "cases/emergency_list.html",
        {
            "accesses": [
                (item, EmergencyReviewForm(auto_id=f"emergency-{item.pk}-%s")) for item in accesses
            ],
            "may_review": emergency_reviewable(user=request.user, accesses=accesses),
        },
    )


@login_required
@require_POST
def emergency_review_view(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_object_or_404(request, EmergencyAccess, access.Action.CHANGE, pk=pk)
    form = EmergencyReviewForm(request.POST)

    def review():
        if not form.is_valid():
            raise ValidationError(_("Choose an outcome."))
        return services.emergency_access_review(
            actor=access.actor_for(request.user), emergency=item, **form.cleaned_data
        )

    if report_outcome(request, review, _("The review was saved.")) is not None:
        access.log(
            request,
            AccessAction.CHANGE,
            EmergencyAccess,
            str(item.pk),
            reason=f"review: {form.cleaned_data['outcome']}",
        )
    return redirect("cases:emergency-list")

"""The auditor's pages: search the access log, review monthly samples and alerts."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from umebra import access
from umebra.audit import selectors, services
from umebra.audit.forms import EventSearchForm, ReviewForm, SampleDrawForm
from umebra.audit.models import AccessAction, AccessAlert, AccessEvent, AuditSample, SampleItem
from umebra.pages import paginate, report_outcome


@login_required
@require_GET
def event_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, AccessEvent)
    form = EventSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page, query = paginate(request, selectors.event_search(user=request.user, filters=filters))
    # Reading the log is itself a read of personal data (who looked at what).
    access.log(request, AccessAction.VIEW, AccessEvent, reason=request.GET.urlencode())
    return render(request, "audit/event_list.html", {"form": form, "page": page, "query": query})


@login_required
@require_GET
def sample_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, AuditSample)
    return render(
        request,
        "audit/sample_list.html",
        {"samples": selectors.sample_list(user=request.user), "form": SampleDrawForm()},
    )


@login_required
@require_POST
def sample_draw_view(request: HttpRequest) -> HttpResponse:
    access.require_add(request, AuditSample)
    form = SampleDrawForm(request.POST)
    if form.is_valid():
        try:
            sample = services.sample_draw(
                month=form.cleaned_data["month"],
                size=settings.UMEBRA_AUDIT_SAMPLE_SIZE,
                drawn_by=request.user,
            )
        except ValidationError as error:
            form.add_error("month", error)
        else:
            return redirect("audit:sample-detail", pk=sample.pk)
    samples = selectors.sample_list(user=request.user)
    return render(request, "audit/sample_list.html", {"samples": samples, "form": form}, status=400)


@login_required
@require_GET
def sample_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    sample = access.get_object_or_404(request, AuditSample, pk=pk)
    return render(
        request,
        "audit/sample_detail.html",
        {"sample": sample, "items": _with_review_forms(selectors.sample_items(sample=sample))},
    )


@login_required
@require_POST
def sample_item_review_view(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_object_or_404(request, SampleItem, access.CHANGE, pk=pk)
    _review(request, ReviewForm(request.POST), services.sample_item_review, item=item)
    return redirect("audit:sample-detail", pk=item.sample_id)


@login_required
@require_GET
def alert_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, AccessAlert)
    return render(
        request,
        "audit/alert_list.html",
        {"alerts": _with_review_forms(selectors.alert_list(user=request.user))},
    )


@login_required
@require_POST
def alert_review_view(request: HttpRequest, pk: int) -> HttpResponse:
    alert = access.get_object_or_404(request, AccessAlert, access.CHANGE, pk=pk)
    _review(request, ReviewForm(request.POST), services.alert_review, alert=alert)
    return redirect("audit:alert-list")


def _with_review_forms(objects) -> list[tuple]:
    """Each object with a review form whose field ids are its own (many forms, one page)."""
    kind = objects.model._meta.model_name
    return [(obj, ReviewForm(auto_id=f"{kind}-{obj.pk}-%s")) for obj in objects]


def _review(request: HttpRequest, form: ReviewForm, service, **target) -> None:
    """Record a review outcome, or tell the auditor plainly why it was not recorded."""
    if not form.is_valid():
        messages.error(request, _("Choose an outcome for the review."))
        return
    report_outcome(
        request,
        lambda: service(**target, **form.cleaned_data, by=request.user),
        _("The review was saved."),
    )

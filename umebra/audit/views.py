"""The auditor's pages: search the access log, review monthly samples and alerts."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from umebra import access
from umebra.audit import selectors, services, subjects
from umebra.audit.forms import EventSearchForm, ReviewForm, SampleDrawForm
from umebra.audit.models import AccessAction, AccessAlert, AccessEvent, AuditSample, SampleItem
from umebra.audit.searches import search_keep, search_recall
from umebra.exports import csv_response
from umebra.pages import paginate, report_outcome
from umebra.selectors import allowed_pks, organisation_choices


@login_required
@require_http_methods(["GET", "POST"])
def event_list_view(request: HttpRequest) -> HttpResponse:
    """The search of the log. A POST keeps the person searched for in the session under a
    random key and redirects to the results by GET (so they can be paged and exported):
    only the key is in the URL, never a name or a personal number."""
    access.require_view_any(request, AccessEvent)
    if request.method == "POST":
        form = EventSearchForm(request.POST, organisations=organisation_choices(user=request.user))
        if not form.is_valid():
            return _search_page(request, form, [], None, status=400)
        return redirect(_search_url(request, form))
    data = request.GET.copy()
    key = data.get("person", "")
    data["person"] = search_recall(request.session, key)
    if key and not data["person"]:
        messages.error(request, _("That search is no longer kept: search for the person again."))
        return redirect("audit:event-list")
    form = EventSearchForm(
        data if request.GET else None, organisations=organisation_choices(user=request.user)
    )
    if form.is_bound and not form.is_valid():
        return _search_page(request, form, [], None, status=400)
    filters = form.cleaned_data if form.is_bound else {}
    subject = (
        subjects.find(user=request.user, text=filters["person"]) if filters.get("person") else None
    )
    events = selectors.event_search(user=request.user, filters=filters, subject=subject)
    # Reading the log is itself a read of personal data (who looked at what); the people
    # searched for are named in the event, for their own register extract.
    summary = form.summary() if form.is_bound else ""
    access.log(
        request,
        AccessAction.EXPORT if request.GET.get("format") == "csv" else AccessAction.VIEW,
        AccessEvent,
        reason=f"log search: {summary}" if summary else "log search",
        listed=subject.logged if subject else (),
    )
    if request.GET.get("format") == "csv":
        return _events_csv(events)
    return _search_page(request, form, events, subject)


def _search_page(request, form, events, subject, status: int = 200) -> HttpResponse:
    page, query = paginate(request, events)
    return render(
        request,
        "audit/event_list.html",
        {"form": form, "page": page, "query": query, "subject": subject},
        status=status,
    )


def _search_url(request: HttpRequest, form: EventSearchForm) -> str:
    """The results' URL for a posted (valid) search, the person kept in the session."""
    fields = {name: request.POST.get(name, "") for name in form.fields}
    if person := fields.pop("person").strip():
        fields["person"] = search_keep(request.session, person)
    query = urlencode({name: value for name, value in fields.items() if value})
    return f"{reverse('audit:event-list')}?{query}" if query else reverse("audit:event-list")


def _events_csv(events) -> HttpResponse:
    return csv_response(
        "atkomstlogg",
        [
            _("Time"),
            _("User"),
            _("Name"),
            _("Role"),
            _("Organisation"),
            _("What was done"),
            _("Object"),
            _("Reason"),
            _("Address"),
        ],
        (
            [
                timezone.localtime(event.occurred_at).isoformat(timespec="seconds"),
                event.username,
                event.user.get_full_name() if event.user else "",
                event.role_display,
                event.organisation,
                event.get_action_display(),
                event.object_display,
                event.reason_display,
                event.ip_address or "",
            ]
            for event in events.iterator(chunk_size=2000)
        ),
    )


@login_required
@require_GET
def event_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.get_object_or_404(request, selectors.event_list(user=request.user), pk=pk)
    access.log(request, AccessAction.VIEW, AccessEvent, str(event.pk))
    return render(
        request,
        "audit/event_detail.html",
        {
            "event": event,
            "link": selectors.event_object_link(user=request.user, event=event),
            "listed": selectors.listed_by_kind(event=event),
            "subject": subjects.owners(user=request.user, event=event),
        },
    )


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
                actor=access.actor_for(request.user),
                month=form.cleaned_data["month"],
                size=settings.UMEBRA_AUDIT_SAMPLE_SIZE,
            )
        except ValidationError as error:
            form.add_error("month", error)
        else:
            access.log(request, AccessAction.CREATE, AuditSample, str(sample.pk))
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
        {
            "sample": sample,
            "items": _with_review_forms(request, selectors.sample_items(sample=sample)),
        },
    )


@login_required
@require_POST
def sample_item_review_view(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_object_or_404(request, SampleItem, access.Action.CHANGE, pk=pk)
    _review(request, ReviewForm(request.POST), services.sample_item_review, item=item)
    return redirect("audit:sample-detail", pk=item.sample_id)


@login_required
@require_GET
def alert_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, AccessAlert)
    return render(
        request,
        "audit/alert_list.html",
        {"alerts": _with_review_forms(request, selectors.alert_list(user=request.user))},
    )


@login_required
@require_POST
def alert_review_view(request: HttpRequest, pk: int) -> HttpResponse:
    alert = access.get_object_or_404(request, AccessAlert, access.Action.CHANGE, pk=pk)
    _review(request, ReviewForm(request.POST), services.alert_review, alert=alert)
    return redirect("audit:alert-list")


def _with_review_forms(request: HttpRequest, objects) -> list[tuple]:
    """Each object with a review form whose field ids are its own (many forms, one page),
    or ``None`` where the auditor may not review it: it concerns their own account, and
    waits for another auditor."""
    kind = objects.model._meta.model_name
    reviewable = allowed_pks(user=request.user, objects=objects, action=access.Action.CHANGE)
    return [
        (obj, ReviewForm(auto_id=f"{kind}-{obj.pk}-%s") if obj.pk in reviewable else None)
        for obj in objects
    ]


def _review(request: HttpRequest, form: ReviewForm, service, **target) -> None:
    """Record a review outcome, or tell the auditor plainly why it was not recorded."""
    if not form.is_valid():
        messages.error(request, _("Choose an outcome for the review."))
        return
    reviewed = report_outcome(
        request,
        lambda: service(actor=access.actor_for(request.user), **target, **form.cleaned_data),
        _("The review was saved."),
    )
    if reviewed is not None:
        access.log(
            request,
            AccessAction.CHANGE,
            type(reviewed),
            str(reviewed.pk),
            reason=f"review: {form.cleaned_data['outcome']}",
        )

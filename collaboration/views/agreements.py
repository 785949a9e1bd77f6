"""Agreement pages: cooperation agreements, citizen promises and safety agreements, their
activities, targets, quarterly follow-ups and feedback to residents, and the public page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from collaboration.forms.agreements import (
    ActivityForm,
    AgreementForm,
    FeedbackForm,
    FollowUpForm,
    TargetForm,
    UndertakingForm,
)
from collaboration.models import (
    Activity,
    CooperationAgreement,
    FollowUp,
    Undertaking,
    UndertakingKind,
)
from collaboration.selectors.agreements import (
    agreement_list,
    follow_up_changes,
    promise_preview,
    public_municipalities,
    public_promises,
    target_progress,
    undertaking_list,
    undertaking_parts,
)
from collaboration.services import agreements as services
from umebra import access
from umebra.history import changes_of
from umebra.models import Municipality
from umebra.pages import create_or_update, form_page, part_create, part_update
from umebra.selectors import municipality_by_slug


@login_required
@require_GET
def agreement_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, Undertaking)
    user = request.user
    return render(
        request,
        "collaboration/agreements/list.html",
        {
            "agreements": agreement_list(user=user),
            "promises": undertaking_list(user=user, kind=UndertakingKind.CITIZEN_PROMISE),
            "safety_agreements": undertaking_list(user=user, kind=UndertakingKind.SAFETY_AGREEMENT),
            "may_add_agreement": access.may_add(user, CooperationAgreement),
            "may_add": access.may_add(user, Undertaking),
        },
    )


@login_required
@require_GET
def agreement_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = access.get_object_or_404(request, agreement_list(user=request.user), pk=pk)
    return render(
        request,
        "collaboration/agreements/agreement_detail.html",
        {
            "agreement": agreement,
            "promises": undertaking_list(user=request.user).filter(agreement=agreement),
            "may_change": access.allows(request.user, agreement, access.Action.CHANGE),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return create_or_update(
        request,
        model=CooperationAgreement,
        pk=pk,
        form_class=AgreementForm,
        create=services.agreement_create,
        update=services.agreement_update,
        title=_("Cooperation agreement"),
        form_kwargs={"user": request.user},
    )


@login_required
@require_http_methods(["GET", "POST"])
def undertaking_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        access.require_add(request, Undertaking)
        undertaking, kind = None, request.GET.get("kind", UndertakingKind.CITIZEN_PROMISE)
        if kind not in UndertakingKind.values:
            raise Http404
    else:
        undertaking = access.get_object_or_404(request, Undertaking, access.Action.CHANGE, pk=pk)
        kind = undertaking.kind
    form = UndertakingForm(request.POST or None, instance=undertaking, user=request.user, kind=kind)
    if form.is_valid():
        actor = access.actor_for(request.user)
        if undertaking is None:
            saved = services.undertaking_create(actor=actor, kind=kind, **form.cleaned_data)
        else:
            saved = services.undertaking_update(
                actor=actor, undertaking=undertaking, **form.cleaned_data
            )
        messages.success(request, _("Saved."))
        return redirect("collaboration:undertaking-detail", pk=saved.pk)
    return form_page(request, form, UndertakingKind(kind).label)


@login_required
@require_GET
def undertaking_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    undertaking = access.get_object_or_404(request, undertaking_list(user=request.user), pk=pk)
    return render(
        request,
        "collaboration/agreements/undertaking_detail.html",
        {
            "undertaking": undertaking,
            "may_change": access.allows(request.user, undertaking, access.Action.CHANGE),
            **undertaking_parts(user=request.user, undertaking=undertaking),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_create(
        request,
        Undertaking,
        pk,
        ActivityForm,
        lambda actor, undertaking, form: services.activity_create(
            actor=actor, undertaking=undertaking, **form.cleaned_data
        ),
        _("New activity"),
        parent_as="undertaking",
        with_user=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_update_view(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.get_object_or_404(request, Activity, access.Action.CHANGE, pk=pk)
    form = ActivityForm(
        request.POST or None,
        instance=activity,
        undertaking=activity.undertaking,
        user=request.user,
    )
    if form.is_valid():
        services.activity_update(
            actor=access.actor_for(request.user), activity=activity, **form.cleaned_data
        )
        messages.success(request, _("Saved."))
        return redirect("collaboration:undertaking-detail", pk=activity.undertaking_id)
    changes = changes_of(activity, user=request.user)
    return form_page(request, form, _("Activity"), parent=activity.undertaking, changes=changes)


@login_required
@require_http_methods(["GET", "POST"])
def target_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_create(
        request,
        Undertaking,
        pk,
        TargetForm,
        lambda actor, undertaking, form: services.target_create(
            actor=actor, undertaking=undertaking, **form.cleaned_data
        ),
        _("New indicator"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_create(
        request,
        Undertaking,
        pk,
        FollowUpForm,
        lambda actor, undertaking, form: services.follow_up_create(
            actor=actor,
            undertaking=undertaking,
            values=form.values(),
            **form.follow_up_fields(),
        ),
        _("Quarterly follow-up"),
        parent_as="undertaking",
    )


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_update_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a follow-up: the change is kept, and shown as a correction if it is public."""
    return part_update(
        request,
        FollowUp,
        pk,
        FollowUpForm,
        lambda actor, follow_up, form: services.follow_up_update(
            actor=actor, follow_up=follow_up, values=form.values(), **form.follow_up_fields()
        ),
        _("Quarterly follow-up"),
        form_kwargs=lambda follow_up: {"undertaking": follow_up.undertaking},
        changes=lambda follow_up: follow_up_changes(follow_up=follow_up),
        done=lambda follow_up: reverse("collaboration:follow-up-preview", args=[follow_up.pk]),
    )


@login_required
@require_GET
def follow_up_preview_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The follow-up's promise as the public page will show it, before it is published."""
    follow_up = access.get_object_or_404(request, FollowUp, access.Action.CHANGE, pk=pk)
    promise = promise_preview(
        user=request.user, undertaking=follow_up.undertaking, follow_up=follow_up
    )
    return render(
        request,
        "collaboration/agreements/preview.html",
        {
            "follow_up": follow_up,
            "item": promise,
            "targets": target_progress(promise),
            "changes": follow_up_changes(follow_up=follow_up),
        },
    )


@login_required
@require_GET
def undertaking_preview_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The citizen promise as the public page will show it, before it is published."""
    undertaking = _promise_to_change(request, pk)
    promise = promise_preview(user=request.user, undertaking=undertaking)
    return render(
        request,
        "collaboration/agreements/preview.html",
        {"item": promise, "targets": target_progress(promise)},
    )


@login_required
@require_POST
def undertaking_publish_view(request: HttpRequest, pk: int, publish: bool) -> HttpResponse:
    """Put the promise on the public page (``publish``) or take it off."""
    undertaking = _promise_to_change(request, pk)
    step = services.undertaking_publish if publish else services.undertaking_withdraw
    step(actor=access.actor_for(request.user), undertaking=undertaking)
    if publish:
        messages.success(request, _("The promise was published."))
    else:
        messages.success(request, _("The promise was taken off the public page."))
    return redirect("collaboration:undertaking-detail", pk=pk)


def _promise_to_change(request: HttpRequest, pk: int) -> Undertaking:
    """A citizen promise the user may change; a safety agreement is never public (404)."""
    undertaking = access.get_object_or_404(request, Undertaking, access.Action.CHANGE, pk=pk)
    if undertaking.kind != UndertakingKind.CITIZEN_PROMISE:
        raise Http404
    return undertaking


@login_required
@require_POST
def follow_up_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = access.get_object_or_404(request, FollowUp, access.Action.CHANGE, pk=pk)
    services.follow_up_publish(actor=access.actor_for(request.user), follow_up=follow_up)
    messages.success(request, _("The follow-up was published."))
    return redirect("collaboration:undertaking-detail", pk=follow_up.undertaking_id)


@login_required
@require_http_methods(["GET", "POST"])
def feedback_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_create(
        request,
        Undertaking,
        pk,
        FeedbackForm,
        lambda actor, undertaking, form: services.feedback_create(
            actor=actor, undertaking=undertaking, **form.cleaned_data
        ),
        _("Feedback to residents"),
    )


@require_GET
def public_promises_view(request: HttpRequest) -> HttpResponse:
    """The municipalities whose citizen promises anyone may read, without login."""
    return render(
        request,
        "collaboration/public/municipalities.html",
        {"municipalities": public_municipalities()},
    )


@require_GET
def municipality_promises_view(request: HttpRequest, slug: str) -> HttpResponse:
    """A municipality's citizen promises and their progress, for everyone, without login."""
    municipality = public_municipality(slug)
    promises = [
        (promise, target_progress(promise))
        for promise in public_promises(municipality=municipality)
    ]
    return render(
        request,
        "collaboration/public/promises.html",
        {"promises": promises, "municipality": municipality},
    )


def public_municipality(slug: str) -> Municipality:
    """The municipality at ``slug`` of a public address, or 404."""
    municipality = municipality_by_slug(slug=slug)
    if municipality is None:
        raise Http404
    return municipality

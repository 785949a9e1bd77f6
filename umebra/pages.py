"""Small helpers every app's views share."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from umebra import access

PAGE_SIZE = 50


class _CountedPaginator(Paginator):
    """A paginator told the total, when the access layer can count faster than the query."""

    def __init__(self, object_list, per_page, total: int):
        super().__init__(object_list, per_page)
        self.total = total

    @property
    def count(self) -> int:
        return self.total


def paginate(
    request: HttpRequest, queryset, per_page: int = PAGE_SIZE, *, count: int | None = None
) -> tuple[Page, str]:
    """The requested page of ``queryset``, and the query string that keeps the filters."""
    paginator = (
        Paginator(queryset, per_page)
        if count is None
        else _CountedPaginator(queryset, per_page, count)
    )
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def report_outcome(request: HttpRequest, action: Callable, success=None):
    """Run a service call made for a POST and tell the user how it went: ``success`` (a
    message, or a function of the result that makes one), or plainly why the service
    refused. Returns the result, or ``None`` when refused."""
    try:
        result = action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None
    if success:
        messages.success(request, success(result) if callable(success) else success)
    return result


def form_refusal(form) -> ValidationError:
    """A small form's errors for ``report_outcome``, each with its field's label: a form
    posted from another page is not shown again, so "This field is required." alone would
    not say which."""
    return ValidationError(
        [
            f"{form.fields[name].label}: {message}" if name in form.fields else message
            for name, errors in form.errors.items()
            for message in errors
        ]
    )


def form_status(form) -> int:
    """400 for a form sent with errors, so that a failed post never looks like success."""
    return 400 if form.is_bound and form.errors else 200


def form_page(request: HttpRequest, form, title: str, *, parent=None, **extra) -> HttpResponse:
    """The one page for a form of its own: title, errors, fields, and a link to what it is for.

    ``parent`` is the object the form adds to or belongs under; it must have
    ``get_absolute_url`` or pass ``parent_url`` in ``extra``.
    """
    if parent is not None and "parent_url" not in extra:
        extra["parent_url"] = parent.get_absolute_url()
    return render(
        request,
        "form_page.html",
        {"form": form, "title": title, "parent": parent, **extra},
        status=form_status(form),
    )


def part_create(
    request: HttpRequest,
    model,
    pk: int,
    form_class,
    save: Callable,
    title: str,
    *,
    parent_as: str = "",
    with_user: bool = False,
    saved: str = "",
) -> HttpResponse:
    """The page that adds a part (a budget line, an activity, a target …) to an object one
    may change.

    The object is fetched with ``CHANGE`` (404 otherwise), and given to the form under the
    keyword ``parent_as`` where the form needs it; ``with_user`` gives the form the user too,
    for forms whose choices depend on who fills them in. A valid form goes to
    ``save(actor, obj, form)``, which calls the service; a refusal is shown on the form, and success
    takes the browser back to the object's page.
    """
    parent = access.get_object_or_404(request, model, access.Action.CHANGE, pk=pk)
    form_kwargs = {parent_as: parent} if parent_as else {}
    if with_user:
        form_kwargs["user"] = request.user
    form = form_class(request.POST or None, **form_kwargs)
    if _saved(request, form, save, parent):
        messages.success(request, saved or _("Saved."))
        return redirect(parent)
    return form_page(request, form, title, parent=parent)


def part_update(
    request: HttpRequest,
    model,
    pk: int,
    form_class,
    save: Callable,
    title: str,
    *,
    form_kwargs: Callable = lambda obj: {},
    changes: Callable,
    done: Callable,
) -> HttpResponse:
    """The page that corrects a part (a follow-up, an observation, a value …) one may change,
    with its changes below the form.

    The part is fetched with ``CHANGE`` (404 otherwise); ``form_kwargs(part)`` gives the form
    what it needs besides the instance. A valid form goes to ``save(actor, part, form)``; a
    refusal is shown on the form, success goes to ``done(part)`` (a URL). ``changes(part)``
    reads what was changed before (a selector of ``umebra/history.py``).
    """
    part = access.get_object_or_404(request, model, access.Action.CHANGE, pk=pk)
    form = form_class(request.POST or None, instance=part, **form_kwargs(part))
    if _saved(request, form, save, part):
        messages.success(request, _("Saved."))
        return redirect(done(part))
    return form_page(request, form, title, changes=changes(part))


def _saved(request: HttpRequest, form, save: Callable, obj) -> bool:
    """Whether a valid ``form`` went through ``save(actor, obj, form)``; what the service
    refuses is put on the form, for the page to show again."""
    if not form.is_valid():
        return False
    try:
        save(access.actor_for(request.user), obj, form)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def create_or_update(
    request: HttpRequest,
    *,
    model,
    pk: int | None,
    form_class,
    create: Callable,
    update: Callable,
    title: str,
    form_kwargs: dict | None = None,
) -> HttpResponse:
    """The page that creates an object (no ``pk``) or changes one, through the access layer.

    Creating needs the policy's ``may_add``; changing fetches the object with ``CHANGE`` (404
    otherwise). A valid form goes to the service, ``create(actor=…, **cleaned_data)`` or
    ``update(actor=…, <entity>=the object, **cleaned_data)`` (an ``<entity>_update`` service
    takes its object under its entity's name), and the browser on to the saved object's page.
    """
    if pk is None:
        access.require_add(request, model)
        instance = None
    else:
        instance = access.get_object_or_404(request, model, access.Action.CHANGE, pk=pk)
    form = form_class(
        request.POST or None, request.FILES or None, instance=instance, **(form_kwargs or {})
    )
    if form.is_valid():
        actor = access.actor_for(request.user)
        if instance is None:
            saved = create(actor=actor, **form.cleaned_data)
        else:
            entity = update.__name__.removesuffix("_update")
            saved = update(actor=actor, **{entity: instance}, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect(saved)
    return form_page(request, form, title)

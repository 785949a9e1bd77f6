"""Small helpers every app's views share."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

PAGE_SIZE = 50


def paginate(request: HttpRequest, queryset, per_page: int = PAGE_SIZE) -> tuple[Page, str]:
    """The requested page of ``queryset``, and the query string that keeps the filters."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


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

"""Small helpers every app's views share."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

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

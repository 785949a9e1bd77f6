"""The auditor's register extract, as a page, a PDF and a CSV file."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cases.models import Person
from cases.selectors.extract import register_extract
from umebra import access
from umebra.audit.models import AccessAction
from umebra.exports import csv_response
from umebra.pdf import pdf_response, render_pdf


@login_required
@require_GET
def register_extract_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, Person)
    number = request.GET.get("personal_number", "").strip()
    extract, error = None, ""
    if number:
        try:
            extract = register_extract(user=request.user, personal_number=number)
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
        else:
            if extract is None:
                error = _("Nothing is held about a person with that number.")
    if extract is None:
        return render(
            request,
            "cases/extract.html",
            {"number": number, "error": error},
            status=400 if error else 200,
        )
    file_format = request.GET.get("format", "")
    for person in extract.people:
        access.log(
            request,
            AccessAction.EXPORT,
            Person,
            str(person.pk),
            reason=f"register extract ({file_format or 'page'})",
        )
    name = f"registerutdrag-{extract.people[0].pk}"
    context = {"extract": extract, "number": number, "made_at": timezone.now()}
    if file_format == "pdf":
        return pdf_response(render_pdf("cases/pdf/extract.html", context), name)
    if file_format == "csv":
        return csv_response(
            name,
            [_("Time"), _("User"), _("Organisation"), _("Role"), _("Action"), _("Object")],
            (
                [
                    timezone.localtime(e.occurred_at).isoformat(timespec="seconds"),
                    e.username,
                    e.organisation,
                    e.role_display,
                    e.get_action_display(),
                    f"{e.object_type} {e.object_id}",
                ]
                for e in extract.events
            ),
        )
    return render(request, "cases/extract.html", context)

"""The auditor's register extract, as a page, a PDF/A and a CSV file.

Asked for by POST only: the personal number (or the record chosen in the access log) is
sent in the body, never in a URL, where server logs and browser history would keep it.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases.models import Person
from cases.selectors.extract import (
    EXTRACT_REASON,
    extract_number,
    register_extract,
    register_extract_by_email,
)
from umebra import access
from umebra.accessibility.models import AccessibilityReport
from umebra.audit.models import AccessAction
from umebra.exports import csv_response
from umebra.pdf import pdf_response, render_archival_pdf, render_html

FORMATS = ("page", "pdf", "csv")


@login_required
@require_http_methods(["GET", "POST"])
def register_extract_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, Person)
    if request.method == "GET":
        return render(request, "cases/extract.html", {"number": "", "error": ""})
    number = request.POST.get("personal_number", "").strip()
    email = request.POST.get("email", "").strip()
    if "@" in number:  # an e-mail address written in the one field
        number, email = "", number
    if not number and request.POST.get("person"):
        number = extract_number(user=request.user, person_id=request.POST["person"]) or ""
    extract, error = None, _("Write the person's personal identity number.")
    if email:
        extract = register_extract_by_email(user=request.user, email=email)
        error = "" if extract else _("Nothing is held about anyone who gave that address.")
    elif number:
        try:
            extract = register_extract(user=request.user, personal_number=number)
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
        else:
            error = "" if extract else _("Nothing is held about a person with that number.")
    if extract is None:
        context = {"number": number or email, "error": error}
        return render(request, "cases/extract.html", context, status=400)
    file_format = request.POST.get("format", "page")
    file_format = file_format if file_format in FORMATS else "page"
    for person in extract.people:
        access.log(
            request,
            AccessAction.EXPORT,
            Person,
            str(person.pk),
            reason=f"{EXTRACT_REASON} ({file_format})",
        )
    for item in extract.reports:
        access.log(
            request,
            AccessAction.EXPORT,
            AccessibilityReport,
            str(item.report.pk),
            reason=f"{EXTRACT_REASON} ({file_format})",
        )
    name = f"registerutdrag-{extract.people[0].pk}" if extract.people else "registerutdrag-epost"
    context = {
        "extract": extract,
        "number": extract.people[0].personal_number if extract.people else email,
        "report_retention_months": settings.UMEBRA_ACCESSIBILITY_REPORT_RETENTION_MONTHS,
        "made_at": timezone.now(),
        "retention_years": settings.UMEBRA_RETENTION_YEARS,
    }
    if file_format == "pdf":
        html = render_html("cases/pdf/extract.html", context)
        return pdf_response(render_archival_pdf(html), name)
    if file_format == "csv":
        return csv_response(
            name,
            [
                _("Time"),
                _("User"),
                _("Organisation"),
                _("Role"),
                _("Action"),
                _("Object"),
                _("Reason"),
            ],
            (
                [
                    timezone.localtime(e.occurred_at).isoformat(timespec="seconds"),
                    e.username,
                    e.organisation,
                    e.role_display,
                    e.get_action_display(),
                    e.object_display,
                    e.reason_display,
                ]
                for e in extract.events
            ),
        )
    return render(request, "cases/extract.html", context)

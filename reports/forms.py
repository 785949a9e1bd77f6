"""Forms of reports: asking for one, and checking a copy."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reports.models import YEARLY_KINDS, ReportKind
from reports.periods import quarter, year
from umebra.number_fields import IntegerNumberField
from umebra.uploads import PDF, Accepts, check_upload

# A report to verify: a PDF, and none Umebrå makes comes near this size.
REPORT = Accepts(50, (".pdf",), PDF, "PDF")
QUARTERS = [("", _("Whole year")), *[(n, _("Quarter %(n)s") % {"n": n}) for n in range(1, 5)]]


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=ReportKind.choices)
    year = IntegerNumberField(label=_("Year"), min_value=2020, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        choices=QUARTERS,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("The quarterly follow-ups cover a quarter; the others a whole year."),
    )

    def __init__(self, *args, kinds: list[str], **kwargs):
        """``kinds``: those the user may ask for."""
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [c for c in ReportKind.choices if c[0] in kinds]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data["kind"] in YEARLY_KINDS:
            if data["quarter"]:
                raise ValidationError(_("This report covers a whole year: choose no quarter."))
            data["period"] = year(data["year"])
        elif not data["quarter"]:
            raise ValidationError(_("Choose the quarter this report is to follow up."))
        else:
            data["period"] = quarter(data["year"], data["quarter"])
        return data


class ReportVerifyForm(forms.Form):
    file = forms.FileField(label=_("The PDF file"), required=False)
    checksum = forms.CharField(
        label=_("or its content checksum (SHA-256)"), max_length=100, required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        return check_upload(upload, REPORT) if upload else upload

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("file") and not data.get("checksum"):
            raise ValidationError(_("Give the file or its checksum."))
        return data

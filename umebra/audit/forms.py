from django import forms
from django.utils.translation import gettext_lazy as _

from umebra.audit.models import AccessAction, ReviewOutcome
from umebra.forms import DateInput


class EventSearchForm(forms.Form):
    username = forms.CharField(label=_("User name"), required=False)
    object_type = forms.CharField(
        label=_("Object type"), required=False, help_text=_("For example umebra.membership")
    )
    object_id = forms.CharField(label=_("Object id"), required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All")), *AccessAction.choices]
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end date comes before the start date."))
        return cleaned


class SampleDrawForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m"],
        help_text=_("The month whose events are sampled."),
    )


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[c for c in ReviewOutcome.choices if c[0] != ReviewOutcome.PENDING],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

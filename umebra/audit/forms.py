from django import forms
from django.utils.translation import gettext_lazy as _

from umebra.audit.models import AccessAction, ReviewOutcome
from umebra.audit.words import object_kinds
from umebra.forms import DateInput
from umebra.models import Organisation


class EventSearchForm(forms.Form):
    """The auditor's search of the log, as they think of it: whose data, who looked, where,
    at what, what they did, when. The person is sent by POST only and kept in the session
    (``views.event_list_view``): a name or personal number never goes into a URL."""

    person = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=200,
        help_text=_(
            "Name, personal identity number, or the e-mail address a reader gave in "
            "accessibility reports: every event on their records."
        ),
    )
    user = forms.CharField(
        label=_("User"),
        required=False,
        max_length=150,
        help_text=_("User name, or first and last name."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All"),
        to_field_name="pk",
    )
    object_type = forms.ChoiceField(label=_("Kind of object"), required=False)
    object_id = forms.CharField(label=_("Object number"), required=False, max_length=64)
    action = forms.ChoiceField(
        label=_("What was done"), required=False, choices=[("", _("All")), *AccessAction.choices]
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput)

    def __init__(self, *args, organisations, **kwargs):
        """``organisations``: those of the auditor's municipalities."""
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["object_type"].choices = [("", _("All")), *object_kinds()]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end date comes before the start date."))
        return cleaned

    def summary(self) -> str:
        """The filters in the log's own record of the search (the person as the records
        found, listed with the event, not as typed)."""
        return "; ".join(
            f"{name}={value.name if hasattr(value, 'name') else value}"
            for name, value in self.cleaned_data.items()
            if value and name != "person"
        )


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

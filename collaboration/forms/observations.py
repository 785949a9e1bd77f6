from django import forms

from collaboration.models import Observation
from collaboration.selectors.areas import area_choices
from umebra.forms import ModelForm, RequiredRadioSelect
from umebra.validators import validate_not_in_future


class ObservationForm(ModelForm):
    """Short enough to fill in on a phone, standing where it happened."""

    class Meta:
        model = Observation
        fields = ["area", "place", "occurred_at", "kind", "description"]
        widgets = {
            "occurred_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "kind": RequiredRadioSelect,
            "description": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = area_choices(user=user)
        self.fields["occurred_at"].input_formats = ["%Y-%m-%dT%H:%M"]
        self.fields["occurred_at"].validators.append(validate_not_in_future)

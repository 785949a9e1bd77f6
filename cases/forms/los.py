from django import forms

from cases.models import Inspection, IntelligenceNote, Measure, Operation, Target
from cases.models.los import LEAD_KINDS
from collaboration.models import Area
from umebra import access
from umebra.forms import DateInput, ModelForm
from umebra.models import Organisation
from umebra.validators import validate_not_in_future


class OperationForm(ModelForm):
    class Meta:
        model = Operation
        fields = ["name", "lead", "parties", "starts_on", "ends_on", "objective", "summary"]
        widgets = {
            "parties": forms.CheckboxSelectMultiple,
            "starts_on": DateInput,
            "ends_on": DateInput,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = access.restrict(user, Organisation.objects.all())
        self.fields["lead"].queryset = organisations.filter(kind__in=LEAD_KINDS)
        self.fields["parties"].queryset = organisations


class TargetForm(ModelForm):
    class Meta:
        model = Target
        fields = ["kind", "name", "organisation_number", "address", "area"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = access.restrict(user, Area.objects.all())


class InspectionForm(ModelForm):
    class Meta:
        model = Inspection
        fields = ["date", "kind", "findings"]
        widgets = {"date": DateInput, "findings": forms.Textarea({"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].validators.append(validate_not_in_future)


class MeasureForm(ModelForm):
    class Meta:
        model = Measure
        fields = ["kind", "amount", "description"]


class IntelligenceForm(ModelForm):
    class Meta:
        model = IntelligenceNote
        fields = ["text"]
        widgets = {"text": forms.Textarea({"rows": 3})}

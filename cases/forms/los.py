from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import Inspection, IntelligenceNote, Measure, Operation, Target
from cases.models.los import LEAD_KINDS
from cases.selectors.los import operation_municipality_choices, target_municipality_choices
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
        self._municipality_fields(access.actor_for(user))

    def _municipality_fields(self, actor: access.Actor) -> None:
        """Which municipalities the operation names, of those the actor works in; and, for
        a new one planned by someone who works in several, its home. One who works in one
        municipality chooses nothing: it is sent as it is (``operation_update`` keeps what
        the operation names elsewhere)."""
        choices = operation_municipality_choices(actor=actor)
        named = self.instance.municipalities.all() if self.instance.pk else []
        self.fields["municipalities"] = field = forms.ModelMultipleChoiceField(
            label=_("Municipalities"),
            queryset=choices,
            required=False,
            initial=[m for m in named if m in choices],
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The municipalities whose targets the operation may have."),
        )
        if not actor.works_in_several:
            field.widget = forms.MultipleHiddenInput()
        elif self.instance.pk:
            field.help_text = _(
                "The operation always names %(municipality)s, where it was planned."
            ) % {"municipality": self.instance.municipality}
        else:
            self.fields["municipality"] = forms.ModelChoiceField(
                label=_("Planned in"),
                queryset=choices,
                required=False,
                help_text=_("Named always. Left empty: the lead's municipality."),
            )
        self.order_fields(["name", "municipality", "municipalities"])


class TargetForm(ModelForm):
    """A target of ``operation``: in which of its municipalities, where the actor works in
    more than one of them; its area, of those municipalities."""

    class Meta:
        model = Target
        fields = ["kind", "name", "organisation_number", "address", "area"]

    def __init__(self, *args, user, operation: Operation, **kwargs):
        super().__init__(*args, **kwargs)
        choices = target_municipality_choices(actor=access.actor_for(user), operation=operation)
        areas = Area.objects.filter(municipality__in=choices)
        self.fields["area"].queryset = access.restrict(user, areas)
        if len(choices[:2]) > 1:
            self.fields["municipality"] = forms.ModelChoiceField(
                label=_("Municipality"), queryset=choices
            )
            self.order_fields(["kind", "name", "municipality"])


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

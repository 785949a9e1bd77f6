from django import forms
from django.utils.translation import gettext_lazy as _

from collaboration.models import CooperationAgreement, JointEffort, Undertaking
from collaboration.selectors.areas import area_choices
from umebra import access
from umebra.forms import ModelForm
from umebra.models import Organisation
from umebra.validators import validate_not_in_future


class EffortForm(ModelForm):
    """The quick form: today's date, tick the areas and organisations, a line of text."""

    class Meta:
        model = JointEffort
        fields = [
            "date",
            "kind",
            "areas",
            "organisations",
            "description",
            "hours",
            "cost",
            "people_reached",
            "agreement",
            "undertaking",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "areas": forms.CheckboxSelectMultiple,
            "organisations": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "areas": {"required": _("Tick at least one area.")},
            "organisations": {"required": _("Tick at least one organisation.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].validators.append(validate_not_in_future)
        self.fields["areas"].queryset = area_choices(user=user)
        self.fields["organisations"].queryset = access.restrict(user, Organisation.objects.all())
        self.fields["agreement"].queryset = access.restrict(
            user, CooperationAgreement.objects.all()
        )
        self.fields["undertaking"].queryset = access.restrict(user, Undertaking.objects.all())

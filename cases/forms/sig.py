from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import CaseAction, CaseNote, DisclosureRecord, SigCase
from cases.selectors.sig import grantable_users
from collaboration.models import Area
from umebra import access
from umebra.forms import DateInput, ModelForm, RequiredRadioSelect
from umebra.models import Organisation
from umebra.number_fields import IntegerNumberField
from umebra.uploads import IMAGES, PDF, Accepts, check_upload
from umebra.validators import normalise_personal_number, period_errors

# What a signed scan may be: the first bytes of a PDF, PNG or JPEG file.
# The signed consent form, scanned or photographed.
SCAN = Accepts(10, (".pdf", ".png", ".jpg", ".jpeg"), PDF + IMAGES, _("PDF, PNG or JPEG"))


class CaseOpenForm(forms.Form):
    name = forms.CharField(label=_("Name of the young person"), max_length=200)
    personal_number = forms.CharField(
        label=_("Personal identity number"), help_text=_("YYYYMMDD-NNNN"), max_length=13
    )
    area = forms.ModelChoiceField(label=_("Area"), queryset=Area.objects.none())
    guardian_1 = forms.CharField(label=_("Guardian"), required=False, max_length=200)
    guardian_2 = forms.CharField(label=_("Second guardian"), required=False, max_length=200)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = access.restrict(user, Area.objects.all())

    def clean_personal_number(self) -> str:
        return normalise_personal_number(self.cleaned_data["personal_number"])

    def case_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "personal_number": data["personal_number"],
            "area": data["area"],
            "guardians": [data["guardian_1"], data["guardian_2"]],
        }


class ConsentForm(forms.Form):
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations the consent covers"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    information = forms.CharField(
        label=_("Information covered"),
        widget=forms.Textarea({"rows": 3}),
        help_text=_("What may be shared, in words the young person understands."),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput)
    valid_to = forms.DateField(label=_("Valid to"), widget=DateInput)
    signed_by_person = forms.BooleanField(label=_("Signed by the young person"), required=False)
    guardians = forms.ModelMultipleChoiceField(
        label=_("Signed by the guardians"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    signed_scan = forms.FileField(
        label=_("Signed form (PDF or image)"), required=False, help_text=_("At most 10 MB.")
    )

    def __init__(self, *args, user, case: SigCase, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = access.restrict(user, Organisation.objects.all())
        self.fields["guardians"].queryset = case.person.guardians.all()

    def clean_signed_scan(self):
        scan = self.cleaned_data.get("signed_scan")
        if not scan:
            return scan
        return check_upload(scan, SCAN)

    def clean(self):
        cleaned = super().clean()
        for field, error in period_errors(
            cleaned.get("valid_from"), cleaned.get("valid_to"), "valid_to"
        ).items():
            self.add_error(field, error)
        return cleaned


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("How the consent was withdrawn"),
        help_text=_("By whom and when, for example: by phone from the young person on 3 May."),
        max_length=300,
    )


class GrantForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Give access to"), queryset=None)

    def __init__(self, *args, case: SigCase, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = grantable_users(case=case)
        self.fields["user"].label_from_instance = lambda user: (
            f"{user.display_name} ({user.username})"
        )


class NoteForm(ModelForm):
    """Offers only the readerships the writer may choose (``note_visibilities``)."""

    class Meta:
        model = CaseNote
        fields = ["visibility", "text"]
        widgets = {"text": forms.Textarea({"rows": 3}), "visibility": forms.RadioSelect}

    def __init__(self, *args, visibilities, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["visibility"]
        field.choices = [(value, label) for value, label in field.choices if value in visibilities]


class CaseActionForm(ModelForm):
    class Meta:
        model = CaseAction
        fields = ["organisation", "action", "due"]
        widgets = {"due": DateInput, "action": forms.Textarea({"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = access.restrict(user, Organisation.objects.all())


class DisclosureForm(ModelForm):
    class Meta:
        model = DisclosureRecord
        fields = ["to_organisation", "ground", "law", "concrete_suspected_crime", "information",
                  "balancing"]  # fmt: skip
        widgets = {
            "ground": RequiredRadioSelect,
            "information": forms.Textarea({"rows": 2}),
            "balancing": forms.Textarea({"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = access.restrict(user, Organisation.objects.all())


class EmergencyAccessForm(forms.Form):
    case = IntegerNumberField(label=_("Case number"), min_value=1)
    ground = forms.CharField(
        label=_("Legal ground"),
        max_length=200,
        help_text=_("For example: nödsituation, fara för liv eller hälsa (OSL 10 kap. 1 §)."),
    )
    reason = forms.CharField(
        label=_("Why it cannot wait"), widget=forms.Textarea({"rows": 3}), min_length=20
    )


class EmergencyReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("justified", _("Justified")), ("follow_up", _("Needs follow-up"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea({"rows": 2})
    )

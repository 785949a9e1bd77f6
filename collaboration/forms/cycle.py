"""Forms of the law's cycle: indicators, the situation picture, the action plan, funds."""

from django import forms
from django.utils.translation import gettext_lazy as _

from collaboration.indicator_csv import parse_period
from collaboration.models import (
    ActionPlan,
    ActionRow,
    DocumentStatus,
    Fund,
    GrantApplication,
    GrantStatus,
    Indicator,
    IndicatorValue,
    JointEffort,
    Problem,
    SituationPicture,
    Spending,
    Undertaking,
)
from collaboration.models.funds import BudgetLine
from collaboration.selectors.areas import area_choices
from umebra import access
from umebra.forms import DateInput, ModelForm
from umebra.models import Organisation
from umebra.number_fields import DecimalNumberField
from umebra.uploads import Accepts, check_upload

CSV = Accepts(5, (".csv", ".txt"), description=_("a CSV file (.csv)"))


class IndicatorForm(ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "source", "frequency", "description", "uncertain",
                  "higher_is_better"]  # fmt: skip


class IndicatorValueForm(ModelForm):
    period = forms.CharField(
        label=_("Period"), help_text=_("A year (2026), a quarter (2026-Q2) or a month (2026-03).")
    )

    class Meta:
        model = IndicatorValue
        fields = ["area", "period", "value", "status", "note"]

    def __init__(self, *args, user, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator  # whose unit says whether the value is a percentage
        self.fields["area"].queryset = area_choices(user=user)
        self.fields["area"].empty_label = _("The whole municipality")
        if self.instance.pk:
            # A period is stored as its first day; its month names that day again.
            self.initial["period"] = f"{self.instance.period:%Y-%m}"

    def clean_period(self):
        try:
            return parse_period(self.cleaned_data["period"])
        except ValueError as error:
            raise forms.ValidationError(_("Write a year, a quarter or a month.")) from error


class IndicatorImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: indikator; område; period; värde; status; anteckning. "
                    "Leave område empty for the whole municipality."),
    )  # fmt: skip

    def clean_file(self):
        return check_upload(self.cleaned_data["file"], CSV)


class PictureForm(ModelForm):
    class Meta:
        model = SituationPicture
        fields = ["title", "mapping", "other_information", "analysis", "sources",
                  "source_limits", "indicators"]  # fmt: skip
        widgets = {"indicators": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = access.restrict(user, Indicator.objects.all())


class ProblemForm(ModelForm):
    class Meta:
        model = Problem
        fields = ["priority", "title", "description", "offender", "victim_target", "place",
                  "areas"]  # fmt: skip
        widgets = {"areas": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = area_choices(user=user)


class PlanForm(ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["title", "picture"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["picture"].queryset = access.restrict(user, SituationPicture.objects.all())


class RowForm(ModelForm):
    class Meta:
        model = ActionRow
        fields = ["problems", "cause", "measure", "goal", "when", "responsible", "follow_up",
                  "status", "efforts", "undertakings", "grants"]  # fmt: skip
        widgets = {
            "problems": forms.CheckboxSelectMultiple,
            "undertakings": forms.CheckboxSelectMultiple,
            "grants": forms.CheckboxSelectMultiple,
            "status": forms.RadioSelect,
        }

    def __init__(self, *args, user, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["problems"].queryset = plan.picture.problems.all()
        self.fields["responsible"].queryset = access.restrict(user, Organisation.objects.all())
        efforts = access.restrict(user, JointEffort.objects.order_by("-date"))
        self.fields["efforts"].queryset = efforts
        self.fields["efforts"].help_text = _("Hold Ctrl (⌘ on a Mac) to choose several.")
        self.fields["undertakings"].queryset = access.restrict(user, Undertaking.objects.all())
        self.fields["grants"].queryset = access.restrict(user, GrantApplication.objects.all())


class AdoptionForm(forms.Form):
    """Move a document on; adopting records the body, date and case number."""

    status = forms.ChoiceField(label=_("New status"), choices=DocumentStatus.choices)
    adopted_by = forms.CharField(label=_("Adopted by"), required=False)
    adopted_on = forms.DateField(label=_("Adopted on"), required=False, widget=DateInput)
    case_number = forms.CharField(label=_("Case number"), required=False)


class FundForm(ModelForm):
    class Meta:
        model = Fund
        fields = ["name", "year", "amount", "description"]


class ApplicationForm(ModelForm):
    class Meta:
        model = GrantApplication
        fields = ["applicant", "title", "problem", "measure", "goals", "evaluation", "partners",
                  "amount_requested"]  # fmt: skip
        widgets = {"partners": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = access.restrict(user, Organisation.objects.all())
        self.fields["applicant"].queryset = organisations
        self.fields["partners"].queryset = organisations


class ApplicationTransitionForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=GrantStatus.choices)
    amount_granted = DecimalNumberField(
        label=_("Amount granted (SEK)"), required=False, min_value=0, decimal_places=2
    )
    note = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea({"rows": 2}))
    report = forms.CharField(label=_("Report"), required=False, widget=forms.Textarea({"rows": 3}))
    outcome = DecimalNumberField(label=_("Outcome"), required=False, decimal_places=1)
    outcome_unit = forms.CharField(label=_("Unit of the outcome"), required=False)


class BudgetLineForm(ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["item", "amount"]


class SpendingForm(ModelForm):
    class Meta:
        model = Spending
        fields = ["date", "amount", "description"]
        widgets = {"date": DateInput}

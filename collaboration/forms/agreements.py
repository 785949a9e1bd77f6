from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from collaboration.forms.responsible import ResponsiblePersonField
from collaboration.models import (
    Activity,
    CooperationAgreement,
    FollowUp,
    ResidentFeedback,
    Target,
    Undertaking,
    UndertakingKind,
)
from collaboration.selectors.areas import area_choices
from umebra import access, ranges
from umebra.forms import DateInput, ModelForm
from umebra.models import Organisation, User
from umebra.number_fields import DecimalNumberField
from umebra.numbers import figure
from umebra.uploads import PDF, Accepts, check_upload

# The signed agreement, scanned to PDF.
SIGNED_AGREEMENT = Accepts(20, (".pdf",), PDF, "PDF")


class AgreementForm(ModelForm):
    class Meta:
        model = CooperationAgreement
        fields = [
            "title", "municipal_party", "police", "municipality_signatory", "police_signatory",
            "valid_from", "valid_to", "focus", "status", "document",
        ]  # fmt: skip
        widgets = {"valid_from": DateInput, "valid_to": DateInput}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = access.restrict(user, Organisation.objects.all())
        self.fields["municipal_party"].queryset = organisations
        self.fields["police"].queryset = organisations

    def clean_document(self):
        document = self.cleaned_data.get("document")
        # A newly uploaded file is checked; a kept one (already stored) is not read again.
        if document and hasattr(document, "content_type"):
            return check_upload(document, SIGNED_AGREEMENT)
        return document


class UndertakingForm(ModelForm):
    class Meta:
        model = Undertaking
        fields = [
            "title", "problem", "agreement", "place", "areas", "parties",
            "valid_from", "valid_to", "status",
        ]  # fmt: skip
        widgets = {
            "valid_from": DateInput,
            "valid_to": DateInput,
            "areas": forms.CheckboxSelectMultiple,
            "parties": forms.CheckboxSelectMultiple,
            "problem": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kind = kind
        self.fields["areas"].queryset = area_choices(user=user)
        self.fields["parties"].queryset = access.restrict(user, Organisation.objects.all())
        self.fields["agreement"].queryset = access.restrict(
            user, CooperationAgreement.objects.all()
        )
        if kind == UndertakingKind.CITIZEN_PROMISE:
            del self.fields["place"]
        else:
            del self.fields["agreement"]


class ActivityForm(ModelForm):
    class Meta:
        model = Activity
        fields = ["description", "responsible", "responsible_person", "due", "status"]
        field_classes = {"responsible_person": ResponsiblePersonField}
        widgets = {"due": DateInput, "description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, undertaking: Undertaking, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        # Only a party to the undertaking can be responsible for part of it, and only someone
        # acting for a party its person (the model's clean: for the responsible one).
        parties = undertaking.parties.all()
        self.fields["responsible"].queryset = parties
        self.fields["responsible_person"].for_organisations(
            parties, user=user, keeping=self.instance.responsible_person_id
        )


class TargetForm(ModelForm):
    class Meta:
        model = Target
        fields = ["name", "unit", "source", "baseline", "target"]


class FeedbackForm(ModelForm):
    class Meta:
        model = ResidentFeedback
        fields = ["date", "channel", "description", "people_reached"]
        widgets = {"date": DateInput, "description": forms.Textarea(attrs={"rows": 3})}


class FollowUpForm(ModelForm):
    """The quarter's status and comment, and a value field for each of the targets."""

    class Meta:
        model = FollowUp
        fields = ["year", "quarter", "status", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, undertaking: Undertaking, **kwargs):
        super().__init__(*args, **kwargs)
        self.undertaking = undertaking
        self.targets = list(undertaking.targets.all())
        for target in self.targets:
            self.fields[f"target_{target.pk}"] = DecimalNumberField(
                label=f"{target.name} ({target.unit})",
                required=False,
                max_digits=12,
                decimal_places=2,
                validators=[plausible] if (plausible := ranges.for_unit(target.unit)) else [],
                help_text=_("Baseline %(baseline)s, target %(target)s.")
                % {
                    "baseline": figure(target.baseline, -1),
                    "target": figure(target.target, -1),
                },
            )

        if self.instance.pk:
            for value in self.instance.values.all():
                self.initial[f"target_{value.target_id}"] = value.value

    def clean(self):
        """A quarter already followed up is refused with a link to correct that follow-up."""
        cleaned = super().clean()
        year, quarter = cleaned.get("year"), cleaned.get("quarter")
        existing = (
            self.undertaking.follow_ups.filter(year=year, quarter=quarter)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if existing is not None:
            self.add_error(
                "quarter",
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("This quarter has already been followed up."),
                    reverse("collaboration:follow-up-update", args=[existing.pk]),
                    _("Correct that follow-up."),
                ),
            )
        return cleaned

    def values(self) -> dict:
        return {t: self.cleaned_data.get(f"target_{t.pk}") for t in self.targets}

    def follow_up_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

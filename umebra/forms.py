"""Forms of the core: the base every model form derives from, organisations and memberships,
and one's choice of e-mail."""

from collections.abc import Iterable

from django import forms
from django.db import models
from django.forms.models import ModelFormMetaclass
from django.utils.translation import gettext_lazy as _

from umebra import access
from umebra.models import MailKind, Membership, Municipality, Organisation, User
from umebra.number_fields import DecimalNumberField, IntegerNumberField
from umebra.policy import Grant
from umebra.roles import Role
from umebra.selectors import membership_municipality_choices
from umebra.validators import normalise_organisation_number


def number_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """The form field for a model field, with figures read as people write them (see
    ``umebra.number_fields``) instead of through a browser's ``<input type="number">``."""
    if isinstance(db_field, models.DecimalField):
        kwargs.setdefault("form_class", DecimalNumberField)
    elif isinstance(db_field, models.IntegerField) and not db_field.choices:
        kwargs.setdefault("form_class", IntegerNumberField)
    return db_field.formfield(**kwargs)


class _NumberFieldsMetaclass(ModelFormMetaclass):
    """Gives each form's own ``Meta`` the ``formfield_callback``: Django reads it only from the
    form's ``Meta``, which a form writes afresh rather than inheriting."""

    def __new__(mcs, name, bases, attrs):
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = number_formfield
        return super().__new__(mcs, name, bases, attrs)


class ModelForm(forms.ModelForm, metaclass=_NumberFieldsMetaclass):
    """The model form of this project: every app's model forms derive from it, so that no
    numeric field is left to the browser's locale (``tests/core/test_number_fields.py``)."""


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class RequiredRadioSelect(forms.RadioSelect):
    """Radio buttons for a required choice, without Django's blank "---------" button: none
    ticked says the same, and the blank one could only be refused."""

    def optgroups(self, name, value, attrs=None):
        return [
            group
            for group in super().optgroups(name, value, attrs)
            if group[0] is not None or group[1][0]["value"] != ""
        ]


class _OrganisationNumber:
    """Mixin: the form's ``organisation_number`` written as the registers write it."""

    cleaned_data: dict

    def clean_organisation_number(self) -> str:
        number = self.cleaned_data["organisation_number"]
        return normalise_organisation_number(number) if number else ""


class OrganisationForm(_OrganisationNumber, ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "organisation_number", "is_public_authority", "parent"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        parents = access.restrict(user, Organisation.objects.all())
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents


class MunicipalityAddForm(_OrganisationNumber, ModelForm):
    """A new municipality, the organisation that acts for it and its first coordinator: the
    installation's administrator's form in the admin (``municipality_create``). It offers
    every account and regional organisation, as the command does: they keep the whole
    installation."""

    organisation_name = forms.CharField(
        label=_("Its organisation"),
        max_length=200,
        help_text=_("The body that acts for the municipality, for example Vännäs kommun."),
    )
    organisation_number = forms.CharField(
        label=_("Organisation number"), max_length=11, required=False
    )
    coordinator = forms.ModelChoiceField(
        label=_("First coordinator"),
        queryset=User.objects.filter(is_active=True).order_by("username"),
        help_text=_(
            "An account made beforehand: its coordinator and member administrator, who gives "
            "the municipality's other roles."
        ),
    )
    regional = forms.ModelMultipleChoiceField(
        label=_("Regional organisations that work there too"),
        queryset=Organisation.objects.filter(regional=True).order_by("name"),
        required=False,
    )

    class Meta:
        model = Municipality
        fields = ["name", "code", "slug"]

    def clean_organisation_name(self) -> str:
        name = self.cleaned_data["organisation_name"].strip()
        if Organisation.objects.filter(name=name).exists():
            raise forms.ValidationError(_("There is already an organisation of that name."))
        return name


class MembershipForm(ModelForm):
    """Give an existing account a role in this organisation for a period, or ask for it."""

    class Meta:
        model = Membership
        fields = ["user", "role", "valid_from", "valid_to"]
        widgets = {"valid_from": DateInput, "valid_to": DateInput}
        help_texts = {
            "user": _("Accounts are created by the administrator. Nobody gives themselves a role."),
        }

    def __init__(self, *args, actor: access.Actor, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        accounts = User.objects.filter(is_active=True).exclude(pk=actor.user.pk)
        self.fields["user"].queryset = access.restrict(actor.user, accounts).order_by("username")
        self.fields["role"].choices = [
            (role.value, _role_label(actor, organisation, role))
            for role in access.policy_for(Membership).grantable_roles(actor, organisation)
        ]
        if organisation.regional:
            choices = membership_municipality_choices(actor=actor, organisation=organisation)
            self.fields["municipalities"] = field = forms.ModelMultipleChoiceField(
                label=_("Works in"),
                queryset=choices,
                help_text=_("The municipalities, of the organisation's, the member works in."),
            )
            if len(only := list(choices[:2])) == 1:  # nothing to choose: it is sent as it is
                field.widget, field.initial = forms.MultipleHiddenInput(), only


def _role_label(actor: access.Actor, organisation: Organisation, role: Role) -> str:
    """The role's name, and whether it waits for someone's approval."""
    if access.policy_for(Membership).grant(actor, organisation, role) is Grant.GIVE:
        return str(role.label)
    return _("%(role)s (asked for: in force once approved)") % {"role": role.label}


class RefusalForm(forms.Form):
    reason = forms.CharField(label=_("Why"), max_length=300, required=False)


class MailPreferencesForm(forms.Form):
    """A box for each kind of e-mail one's roles receive (``kinds``), ticked for those one
    gets."""

    def __init__(self, *args, kinds: Iterable[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in kinds:
            self.fields[kind] = forms.BooleanField(label=MailKind(kind).label, required=False)

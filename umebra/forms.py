"""Forms of the core: organisations and memberships."""

from django import forms
from django.utils.translation import gettext_lazy as _

from umebra import access
from umebra.models import Membership, Organisation, User
from umebra.policy import Grant
from umebra.roles import Role
from umebra.validators import normalise_organisation_number


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


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "organisation_number", "is_public_authority", "parent"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        parents = access.restrict(user, Organisation.objects.all())
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents

    def clean_organisation_number(self) -> str:
        number = self.cleaned_data["organisation_number"]
        return normalise_organisation_number(number) if number else ""


class MembershipForm(forms.ModelForm):
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


def _role_label(actor: access.Actor, organisation: Organisation, role: Role) -> str:
    """The role's name, and whether it waits for someone's approval."""
    if access.policy_for(Membership).grant(actor, organisation, role) is Grant.GIVE:
        return str(role.label)
    return _("%(role)s (asked for: in force once approved)") % {"role": role.label}


class RefusalForm(forms.Form):
    reason = forms.CharField(label=_("Why"), max_length=300, required=False)

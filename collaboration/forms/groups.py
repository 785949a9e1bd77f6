from django import forms

from collaboration.forms.responsible import ResponsiblePersonField
from collaboration.models import CollaborationGroup, Decision, Meeting
from collaboration.selectors.areas import area_choices
from umebra import access
from umebra.forms import DateInput, ModelForm
from umebra.models import Organisation, User


class GroupForm(ModelForm):
    class Meta:
        model = CollaborationGroup
        fields = ["name", "level", "mandate", "owner", "members", "areas", "cadence", "parent"]
        widgets = {
            "members": forms.CheckboxSelectMultiple,
            "areas": forms.CheckboxSelectMultiple,
            "mandate": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = access.restrict(user, Organisation.objects.all())
        self.fields["owner"].queryset = organisations
        self.fields["members"].queryset = organisations
        self.fields["areas"].queryset = area_choices(user=user)
        parents = access.restrict(user, CollaborationGroup.objects.all())
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents


class MeetingForm(ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "agenda", "minutes"]
        widgets = {
            "date": DateInput,
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "minutes": forms.Textarea(attrs={"rows": 6}),
        }


class DecisionForm(ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "owner", "responsible_person", "due"]
        field_classes = {"responsible_person": ResponsiblePersonField}
        widgets = {"due": DateInput, "text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, meeting: Meeting, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        # The owner of an action is one of the group's members, and its person someone acting
        # for one (the model's clean: for the owner).
        members = meeting.group.members.all()
        self.fields["owner"].queryset = members
        self.fields["responsible_person"].for_organisations(members, user=user)

"""The choice of an activity's or a decision's responsible person."""

from django import forms
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from collaboration.models.responsible import (
    RESPONSIBLE_PERSON_ERROR,
    RESPONSIBLE_ROLES,
    responsible_people,
)
from umebra.models import Membership, Organisation, User


class ResponsiblePersonField(forms.ModelChoiceField):
    """People acting for the item's possible organisations, each shown with those of them
    they act for, so the one chosen can be matched with the organisation chosen beside it.
    Which of them fits the chosen organisation, the model's ``clean`` decides on the server."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", _("Someone acting for the responsible organisation."))
        super().__init__(*args, **kwargs)
        # Someone outside the choices is refused as the model refuses one of another party.
        self.error_messages["invalid_choice"] = RESPONSIBLE_PERSON_ERROR

    def for_organisations(self, organisations: QuerySet[Organisation]) -> None:
        self.queryset = responsible_people(organisations).prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.active()
                .filter(organisation__in=organisations, role__in=RESPONSIBLE_ROLES)
                .select_related("organisation"),
                to_attr="acting_for",
            )
        )

    def label_from_instance(self, obj: User) -> str:
        names = sorted({m.organisation.name for m in getattr(obj, "acting_for", [])})
        return f"{obj.display_name} ({', '.join(names)})" if names else obj.display_name

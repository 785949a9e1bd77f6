"""The choice of an activity's or a decision's responsible person."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from collaboration.models.responsible import RESPONSIBLE_PERSON_ERROR
from collaboration.selectors.people import responsible_choices
from umebra.models import Organisation, User


class ResponsiblePersonField(forms.ModelChoiceField):
    """People acting for the item's possible organisations, each shown with those of them
    they act for, so the one chosen can be matched with the organisation chosen beside it.
    Which of them fits the chosen organisation, the model's ``clean`` decides on the server."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", _("Someone acting for the responsible organisation."))
        super().__init__(*args, **kwargs)
        # Someone outside the choices is refused as the model refuses one of another party.
        self.error_messages["invalid_choice"] = RESPONSIBLE_PERSON_ERROR

    def for_organisations(
        self, organisations: QuerySet[Organisation], *, user: User, keeping: int | None = None
    ) -> None:
        """Offer those acting for ``organisations`` whom ``user`` may see, and the person the
        item names already (``keeping``)."""
        self.queryset = responsible_choices(user=user, organisations=organisations, keeping=keeping)

    def label_from_instance(self, obj: User) -> str:
        names = sorted({m.organisation.name for m in getattr(obj, "acting_for", [])})
        return f"{obj.display_name} ({', '.join(names)})" if names else obj.display_name

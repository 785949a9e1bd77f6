"""List filters (django-filter), over querysets the access layer has already restricted."""

import django_filters
from django.utils.translation import gettext_lazy as _

from collaboration.models import Area, EffortKind, JointEffort, Observation, Undertaking
from collaboration.selectors.areas import area_choices
from umebra import access
from umebra.filters import MunicipalityFilterSet
from umebra.forms import DateInput
from umebra.models import Organisation


class EffortFilter(MunicipalityFilterSet):
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label=_("From"), widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label=_("To"), widget=DateInput
    )
    area = django_filters.ModelChoiceFilter(
        field_name="areas", queryset=Area.objects.none(), label=_("Area"), empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(
        choices=EffortKind.choices, label=_("Kind"), empty_label=_("All")
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name="organisations",
        queryset=Organisation.objects.none(),
        label=_("Organisation"),
        empty_label=_("All"),
    )

    undertaking = django_filters.ModelChoiceFilter(
        queryset=Undertaking.objects.none(),
        label=_("Serves the promise or agreement"),
        empty_label=_("All"),
    )

    class Meta:
        model = JointEffort
        fields = ["date_from", "date_to", "area", "kind", "organisation", "undertaking"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.filters["area"].queryset = area_choices(user=user)
        self.filters["organisation"].queryset = access.restrict(user, Organisation.objects.all())
        self.filters["undertaking"].queryset = access.restrict(user, Undertaking.objects.all())


class ObservationFilter(MunicipalityFilterSet):
    """The detailed list of observations: one municipality's, for one who works in several."""

    class Meta:
        model = Observation
        fields: list[str] = []

"""The municipality filter of the lists of those who work in several (the police): one list
across their municipalities, narrowed to one when they choose (docs/rules.md, rule 8)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from umebra import access
from umebra.models import Municipality


class MunicipalityFilterSet(django_filters.FilterSet):
    """A filter set with a choice of the user's municipalities, shown only to one who works
    in several. ``municipality_field`` is the list's lookup to its municipality."""

    municipality_field = "municipality"

    municipality = django_filters.ModelChoiceFilter(
        queryset=Municipality.objects.none(),
        label=_("Municipality"),
        empty_label=_("All"),
        method="in_municipality",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if access.actor_for(user).works_in_several:
            self.filters["municipality"].queryset = access.restrict(
                user, Municipality.objects.all()
            )
        else:
            del self.filters["municipality"]

    def in_municipality(self, queryset, name, value):
        return queryset.filter(**{self.municipality_field: value})

    @property
    def narrowed(self) -> bool:
        """Whether a choice narrows the list (so its count is no longer the whole one)."""
        return self.is_bound and self.form.is_valid() and any(self.form.cleaned_data.values())

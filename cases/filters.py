"""The filters of the case and operation lists, over querysets the access layer has
already restricted: for one who works in several municipalities, the choice of one."""

from cases.models import Operation, SigCase
from umebra.filters import MunicipalityFilterSet


class CaseFilter(MunicipalityFilterSet):
    class Meta:
        model = SigCase
        fields: list[str] = []


class OperationFilter(MunicipalityFilterSet):
    # A joint operation is in each municipality it names.
    municipality_field = "municipalities"

    class Meta:
        model = Operation
        fields: list[str] = []

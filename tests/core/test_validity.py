"""Every model with a validity period refuses one that ends before it begins, in ``clean``
(for forms and services) and in the database, the same rule for all."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from umebra.validity import ValidityPeriod, period_ordered

PERIOD_MODELS = [model for model in apps.get_models() if issubclass(model, ValidityPeriod)]


def test_the_models_with_a_validity_period_share_one():
    assert {model._meta.label for model in PERIOD_MODELS} == {
        "umebra.Membership",
        "cases.Consent",
        "collaboration.CooperationAgreement",
        "collaboration.Undertaking",
    }


@pytest.mark.parametrize("model", PERIOD_MODELS, ids=lambda model: model._meta.label)
def test_an_end_before_the_start_is_refused_by_clean_and_by_the_database(model):
    instance = model(valid_from=datetime.date(2025, 3, 2), valid_to=datetime.date(2025, 3, 1))
    with pytest.raises(ValidationError) as refused:
        instance.clean()
    assert list(refused.value.message_dict) == ["valid_to"]
    open_end = model._meta.get_field("valid_to").null
    assert any(
        constraint == period_ordered(constraint.name, open_end=open_end)
        for constraint in model._meta.constraints
    )

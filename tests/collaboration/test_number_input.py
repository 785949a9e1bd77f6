"""Figures typed into forms, through the test client: the same number however it is written,
in Swedish or English, and a value outside its plausible range refused with the range."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from collaboration.models import Area, EffortKind, JointEffort, TargetValue
from collaboration.services import agreements as services
from tests.collaboration.test_agreements import commitments  # noqa: F401 (a fixture)
from tests.factories import OrganisationFactory, log_in, member, umea
from umebra.access import SYSTEM
from umebra.roles import Role

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _log_in(client, language):
    log_in(client, member(Role.COORDINATOR))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language


def _effort(client, **figures):
    area = Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9300)
    police = OrganisationFactory(name="Polisen")
    data = {
        "date": TODAY.isoformat(),
        "kind": EffortKind.DIALOGUE,
        "areas": [area.pk],
        "organisations": [police.pk],
        "description": "Dialogmöte",
        "hours": "2",
        "cost": "0",
        "people_reached": "10",
    } | figures
    return client.post(reverse("collaboration:effort-create"), data)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("typed", ["1 250,50", "1250,50", "1250.50", "1\u00a0250,50"])
def test_a_cost_means_the_same_however_it_is_written(client, language, typed):
    _log_in(client, language)
    response = _effort(client, cost=typed, hours="1,5", people_reached="1 200")
    assert response.status_code == 302, response.content.decode()
    effort = JointEffort.objects.get()
    assert (effort.cost, effort.hours, effort.people_reached) == (Decimal("1250.50"), 1.5, 1200)
    page = client.get(response.url).content.decode()
    assert {"sv": "1\u00a0250,50 kr", "en": "1,250.50 kr"}[language] in page


def test_the_edit_form_shows_the_cost_back_as_it_reads_it(client):
    _log_in(client, "sv")
    _effort(client, cost="1250,5")
    effort = JointEffort.objects.get()
    page = client.get(reverse("collaboration:effort-update", args=[effort.pk])).content.decode()
    assert 'value="1\u00a0250,50"' in page and 'inputmode="decimal"' in page


@pytest.mark.parametrize(
    ("language", "figures", "message"),
    [
        ("sv", {"cost": "1,250.50"}, "Skriv ett tal som 1 250,50 eller 1250.50"),
        ("en", {"cost": "1,250.50"}, "Write a number like 1 250,50 or 1250.50"),
        ("sv", {"hours": "2 500"}, "Ange ett värde mellan 0 och 2\u00a0000 timmar."),
        ("en", {"hours": "2 500"}, "Enter a value between 0 and 2,000 hours."),
        ("sv", {"cost": "-1"}, "Ange ett värde mellan 0 och 100\u00a0000\u00a0000 kr."),
        ("sv", {"people_reached": "2 000 000"}, "mellan 0 och 1\u00a0000\u00a0000 personer."),
    ],
)
def test_a_figure_out_of_range_or_garbled_is_refused_with_what_to_write(
    client, language, figures, message
):
    _log_in(client, language)
    response = _effort(client, **figures)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not JointEffort.objects.exists()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_percentage_with_a_decimal_comma_is_read_as_one(client, commitments, language):  # noqa: F811
    promise = commitments["promise"]
    target = services.target_create(
        actor=SYSTEM, undertaking=promise, name="Trygghet", unit="%",
        baseline=50, target=70,
    )  # fmt: skip
    _log_in(client, language)
    url = reverse("collaboration:follow-up-create", args=[promise.pk])
    data = {"year": 2026, "quarter": 3, "status": "on_track"}
    response = client.post(url, data | {f"target_{target.pk}": "624"})
    assert response.status_code == 400
    expected = "mellan 0 och 100 %" if language == "sv" else "between 0 and 100 %"
    assert expected in response.content.decode()
    assert not TargetValue.objects.exists()
    assert client.post(url, data | {f"target_{target.pk}": "62,4"}).status_code == 302
    assert TargetValue.objects.get().value == Decimal("62.4")


def test_a_correction_through_the_service_meets_the_percentage_range(commitments):  # noqa: F811
    """The form is not the only way in: a correction or an import that calls the service with
    624 for a percentage is refused on the value, and the value kept is the old one."""
    promise = commitments["promise"]
    target = services.target_create(
        actor=SYSTEM, undertaking=promise, name="Trygghet", unit="%", baseline=50, target=70
    )
    follow_up = services.follow_up_create(
        actor=SYSTEM, undertaking=promise, year=2026, quarter=3, status="on_track",
        values={target: Decimal("62.4")},
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.follow_up_update(
            actor=SYSTEM, follow_up=follow_up, year=2026, quarter=3, status="on_track",
            values={target: Decimal("624")}, comment="",
        )  # fmt: skip
    assert "value" in refused.value.message_dict
    assert TargetValue.objects.get().value == Decimal("62.4")

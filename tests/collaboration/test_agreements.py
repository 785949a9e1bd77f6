"""Agreements, citizen promises and safety agreements: who sees what, and the follow-up."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from collaboration.models import (
    ActivityStatus,
    Area,
    CooperationAgreement,
    FollowUp,
    Target,
    TargetValue,
    Undertaking,
    UndertakingKind,
)
from collaboration.services import agreements as services
from tests.factories import OrganisationFactory, log_in, member, umea
from umebra.access import SYSTEM
from umebra.models import OrganisationKind
from umebra.roles import Role

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
NEXT_YEAR = TODAY + datetime.timedelta(days=365)


@pytest.fixture
def commitments():
    """An agreement with a published and a draft citizen promise and a safety agreement, and
    the organisations on either side (the URL matrix's ``world`` is the one whole world)."""
    kommun = OrganisationFactory(name="Umeå kommun")
    polisen = OrganisationFactory(name="Polisen", kind=OrganisationKind.POLICE)
    ica = OrganisationFactory(name="ICA Ålidhem", kind=OrganisationKind.BUSINESS)
    bostaden = OrganisationFactory(name="Bostaden", kind=OrganisationKind.PROPERTY_OWNER)
    other_shop = OrganisationFactory(name="Annan butik", kind=OrganisationKind.BUSINESS)
    alidhem = Area.objects.create(
        municipality=umea(), name="Ålidhem", slug="alidhem", population=7100
    )
    agreement = services.agreement_create(
        actor=SYSTEM,
        title="Samverkansöverenskommelse",
        municipal_party=kommun,
        police=polisen,
        valid_from=TODAY,
        valid_to=NEXT_YEAR,
        focus="Trygghet",
    )
    promise = services.undertaking_create(
        actor=SYSTEM,
        kind=UndertakingKind.CITIZEN_PROMISE,
        title="Tryggare kvällar",
        problem="Otrygghet kvällstid",
        agreement=agreement,
        valid_from=TODAY,
        valid_to=NEXT_YEAR,
        published=True,
        areas=[alidhem],
        parties=[kommun, polisen],
    )
    draft = services.undertaking_create(
        actor=SYSTEM,
        kind=UndertakingKind.CITIZEN_PROMISE,
        title="Utkast till löfte",
        problem="Ännu inte beslutat",
        agreement=agreement,
        valid_from=TODAY,
        valid_to=NEXT_YEAR,
        areas=[alidhem],
        parties=[kommun, polisen],
    )
    safety = services.undertaking_create(
        actor=SYSTEM,
        kind=UndertakingKind.SAFETY_AGREEMENT,
        title="Trygghetsöverenskommelse Ålidhem centrum",
        problem="Stök vid centrumhuset",
        place="Ålidhem centrum",
        valid_from=TODAY,
        valid_to=NEXT_YEAR,
        areas=[alidhem],
        parties=[kommun, polisen, ica, bostaden],
    )
    return locals()


def titles(response) -> set[str]:
    context = response.context
    return {u.title for u in [*context["promises"], *context["safety_agreements"]]}


ALL = {"Tryggare kvällar", "Utkast till löfte", "Trygghetsöverenskommelse Ålidhem centrum"}


# role (organisation) × which undertakings the agreements page lists
@pytest.mark.parametrize(
    ("role", "organisation", "expected"),
    [
        (Role.COORDINATOR, None, ALL),
        (Role.POLITICIAN, None, ALL),
        (Role.PARTNER, "bostaden", {"Trygghetsöverenskommelse Ålidhem centrum"}),
        (Role.PARTNER, "other_shop", set()),
        (Role.POLICE, "polisen", ALL),
    ],
)
def test_who_sees_which_undertakings(client, commitments, role, organisation, expected):
    log_in(client, member(role, commitments[organisation] if organisation else None))
    assert titles(client.get(reverse("collaboration:agreement-list"))) == expected


def test_a_partner_cannot_open_or_change_what_it_is_not_party_to(client, commitments):
    log_in(client, member(Role.PARTNER, commitments["bostaden"]))
    detail = reverse("collaboration:undertaking-detail", args=[commitments["promise"].pk])
    assert client.get(detail).status_code == 404
    own = reverse("collaboration:undertaking-update", args=[commitments["safety"].pk])
    assert client.get(own).status_code == 404


def test_the_public_page_shows_published_promises_and_nothing_else(client, commitments):
    response = client.get(reverse("collaboration:municipality-promises", args=["umea"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tryggare kvällar" in page
    assert "Utkast till löfte" not in page
    assert "Trygghetsöverenskommelse" not in page


def test_a_promise_needs_an_agreement_and_an_ordered_period(client, commitments):
    log_in(client, member(Role.COORDINATOR))
    response = client.post(
        reverse("collaboration:undertaking-create") + "?kind=citizen_promise",
        {
            "title": "Nytt löfte",
            "problem": "Problem",
            "areas": [commitments["alidhem"].pk],
            "parties": [commitments["kommun"].pk],
            "valid_from": NEXT_YEAR.isoformat(),
            "valid_to": TODAY.isoformat(),
            "status": "draft",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ett medborgarlöfte ges under en samverkansöverenskommelse." in page
    assert "Perioden slutar innan den börjar." in page
    assert not Undertaking.objects.filter(title="Nytt löfte").exists()


def test_a_quarterly_follow_up_stores_its_values_once_a_quarter(client, commitments):
    promise = commitments["promise"]
    target = services.target_create(
        actor=SYSTEM, undertaking=promise, name="Trygghet", unit="%", baseline=50, target=70
    )
    log_in(client, member(Role.COORDINATOR))
    url = reverse("collaboration:follow-up-create", args=[promise.pk])
    data = {"year": 2026, "quarter": 3, "status": "on_track", f"target_{target.pk}": "60"}
    assert client.post(url, data).status_code == 302
    assert TargetValue.objects.get().value == 60
    response = client.post(url, data | {f"target_{target.pk}": "65"})
    assert response.status_code == 400
    existing = FollowUp.objects.get()
    edit = reverse("collaboration:follow-up-update", args=[existing.pk])
    assert "redan följts upp" in response.content.decode()
    assert f'<a href="{edit}">Rätta den uppföljningen.</a>' in response.content.decode()
    assert FollowUp.objects.count() == 1 and TargetValue.objects.get().value == 60


def test_the_follow_up_form_shows_baseline_and_target_as_the_page_does(client, commitments):
    """Swedish decimals and no needless zeros: 54 and 65,5, as the undertaking's page."""
    from decimal import Decimal

    promise = commitments["promise"]
    services.target_create(
        actor=SYSTEM, undertaking=promise, name="Trygghet", unit="%", baseline=Decimal("54.00"),
        target=Decimal("65.50"),
    )  # fmt: skip
    log_in(client, member(Role.COORDINATOR))
    url = reverse("collaboration:follow-up-create", args=[promise.pk])
    page = client.get(url).content.decode()
    assert "Utgångsläge 54, mål 65,5." in page
    detail = client.get(reverse("collaboration:undertaking-detail", args=[promise.pk]))
    assert "54, mål 65,5 %" in detail.content.decode()


def test_progress_towards_a_target(commitments):
    target = Target(baseline=30, target=18)
    assert target.progress(24) == pytest.approx(0.5)
    assert target.progress(40) == 0.0
    assert target.progress(10) == 1.0
    assert target.progress(None) is None


def test_only_parties_can_be_responsible_for_an_activity(client, commitments):
    log_in(client, member(Role.COORDINATOR))
    url = reverse("collaboration:activity-create", args=[commitments["promise"].pk])
    response = client.post(
        url,
        {
            "description": "Butiken ska...",
            "responsible": commitments["ica"].pk,  # not a party to the promise
            "due": TODAY.isoformat(),
            "status": ActivityStatus.PLANNED,
        },
    )
    assert response.status_code == 400
    assert not commitments["promise"].activities.exists()


def test_the_database_refuses_an_unpublished_rule_breach(commitments):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Undertaking.objects.filter(pk=commitments["safety"].pk).update(published=True)


def test_the_agreements_list_takes_a_fixed_number_of_queries(
    client, commitments, django_assert_max_num_queries
):
    log_in(client, member(Role.COORDINATOR))
    with django_assert_max_num_queries(60) as few:
        client.get(reverse("collaboration:agreement-list"))
    for n in range(10):
        services.undertaking_create(
            actor=SYSTEM,
            kind=UndertakingKind.SAFETY_AGREEMENT,
            title=f"Överenskommelse {n}",
            problem="x",
            valid_from=TODAY,
            valid_to=NEXT_YEAR,
            areas=[commitments["alidhem"]],
            parties=[commitments["kommun"]],
        )
    with django_assert_max_num_queries(60) as many:
        client.get(reverse("collaboration:agreement-list"))
    assert len(many.captured_queries) == len(few.captured_queries)
    assert CooperationAgreement.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "quarter", "latest"),
    [
        ("sv", "2026 kvartal 3", "Senaste uppföljning (2026 kvartal 3)"),
        ("en", "2026 quarter 3", "Latest follow-up (2026 quarter 3)"),
    ],
)
def test_a_follow_up_names_its_quarter_as_the_reports_do(
    client, commitments, language, quarter, latest
):
    """Not "2026 Q3": the quarter is written out, in the reader's language."""
    promise = commitments["promise"]
    services.follow_up_create(
        actor=SYSTEM, undertaking=promise, year=2026, quarter=3, status="on_track", values={}
    )
    log_in(client, member(Role.COORDINATOR))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    detail = client.get(reverse("collaboration:undertaking-detail", args=[promise.pk]))
    assert f"<h3>{quarter}: " in detail.content.decode()
    listing = client.get(reverse("collaboration:agreement-list"))
    assert latest in listing.content.decode()
    # Word-bounded: a CSRF token may hold the letters "Q3".
    assert not re.search(r"\bQ3\b", detail.content.decode() + listing.content.decode())

"""Rule 2 of docs/rules.md, point by point, on PostgreSQL: who sees a SIG case, and when not."""

import datetime
import re

import pytest
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.models import CaseNote, Consent, SigCase, SigCaseUserObjectPermission
from cases.services import sig as services
from tests.cases.conftest import TODAY, actor
from tests.factories import log_in, umea
from umebra import access
from umebra.audit.models import AccessEvent
from umebra.validators import luhn_valid

pytestmark = pytest.mark.django_db


def sees(user, case) -> bool:
    return access.restrict(user, SigCase.objects.filter(pk=case.pk)).exists()


# person × sees the case, when consent covers social services, school and police and the
# counsellor and the officer are granted.
TABLE = [
    ("owner", True),
    ("colleague", False),  # same organisation, but no grant
    ("counsellor", True),
    ("officer", True),
    ("inspector", False),
    ("landlord", False),
    ("politician", False),
    ("coordinator", False),
    ("auditor", False),
    ("admin", False),
]


@pytest.mark.parametrize("dense", [False, True], ids=["ids-first", "index-walk"])
@pytest.mark.parametrize(("who", "expected"), TABLE)
def test_who_sees_the_case(monkeypatch, people, orgs, case, consent_for, who, expected, dense):
    # Both ways the policy can answer (read the few visible ids first, or walk the cases and
    # check each) must give the same answer.
    monkeypatch.setattr("cases.visibility.DENSE", -1 if dense else 10**9)
    consent_for(orgs["social"], orgs["school"], orgs["police"])
    for grantee in ("counsellor", "officer"):
        services.grant_give(actor=actor(people["owner"]), case=case, user=people[grantee])
    assert sees(people[who], case) is expected


def test_a_grant_is_refused_where_no_consent_covers_the_organisation(
    people, orgs, case, consent_for
):
    consent_for(orgs["social"], orgs["school"])
    with pytest.raises(ValidationError, match="Inget samtycke som gäller omfattar Polisen"):
        services.grant_give(actor=actor(people["owner"]), case=case, user=people["officer"])
    assert not SigCaseUserObjectPermission.objects.exists()


@pytest.mark.parametrize("who", ["landlord", "politician", "inspector"])
def test_roles_that_never_see_a_case_cannot_be_granted_one(people, orgs, case, consent_for, who):
    consent_for(*orgs.values())
    with pytest.raises(ValidationError, match="ingen roll som arbetar med SIG-ärenden"):
        services.grant_give(actor=actor(people["owner"]), case=case, user=people[who])


def test_an_incomplete_consent_carries_nothing(people, orgs, case):
    services.consent_record(
        actor=actor(people["owner"]),
        case=case,
        organisations=[orgs["school"]],
        information="x",
        valid_from=TODAY,
        valid_to=TODAY + datetime.timedelta(days=30),
        signed_by_person=False,
    )
    assert not Consent.objects.get().complete
    with pytest.raises(ValidationError):
        services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])


def test_under_18_every_guardian_must_sign(people, orgs):
    from collaboration.models import Area

    young = services.case_open(
        actor=actor(people["owner"]), name="Bertil Provsson", personal_number="20090923-4577",
        area=Area.objects.create(
            municipality=umea(), name="Ålidhem", slug="alidhem", population=7100
        ),
        guardians=["Cecilia", "David"],
    )  # fmt: skip
    one_guardian = services.consent_record(
        actor=actor(people["owner"]), case=young, organisations=[orgs["school"]],
        information="x", valid_from=TODAY, valid_to=TODAY + datetime.timedelta(days=30),
        signed_by_person=True, guardians=young.person.guardians.all()[:1],
    )  # fmt: skip
    assert young.person.age_on(TODAY) < 18
    assert not one_guardian.complete


def test_revoking_the_consent_removes_the_grants_at_once_and_logs_it(
    people, orgs, case, consent_for
):
    consent = consent_for(orgs["social"], orgs["school"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    assert sees(people["counsellor"], case)

    removed = services.consent_revoke(
        actor=actor(people["owner"]), consent=consent, reason="Vårdnadshavare ringde 3/5"
    )

    assert removed == [people["counsellor"]]
    assert not SigCaseUserObjectPermission.objects.exists()
    assert not sees(people["counsellor"], case)
    assert AccessEvent.objects.filter(
        action="delete", object_type="cases.sigcaseuserobjectpermission"
    ).exists()


def test_another_consent_still_in_force_keeps_the_grant(people, orgs, case, consent_for):
    first = consent_for(orgs["school"])
    consent_for(orgs["school"], orgs["social"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    services.consent_revoke(actor=actor(people["owner"]), consent=first, reason="Skriftligt")
    assert sees(people["counsellor"], case)


def test_expiry_ends_access_the_same_day_and_the_task_removes_the_grant(
    people, orgs, case, consent_for
):
    consent = consent_for(orgs["school"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    # The consent's last day passes: as on the day after, it and the grant it carried both
    # ended yesterday.
    yesterday = TODAY - datetime.timedelta(days=1)
    Consent.objects.filter(pk=consent.pk).update(valid_to=yesterday)
    SigCaseUserObjectPermission.objects.update(valid_until=yesterday)
    # The policy asks for a grant in force, so access ends before the task has run.
    assert not sees(people["counsellor"], case)
    assert services.consents_expire() == 1
    assert not SigCaseUserObjectPermission.objects.exists()
    assert services.consents_expire() == 0


def test_closing_the_case_ends_every_grant(people, orgs, case, consent_for):
    consent_for(orgs["school"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    services.case_transition(actor=actor(people["owner"]), case=case, status="closed")
    assert not sees(people["counsellor"], case)
    assert sees(people["owner"], case)


# note visibility × reader × may read
NOTE_TABLE = [
    ("case", "counsellor", True),
    ("case", "officer", True),
    ("own_organisation", "owner", True),
    ("own_organisation", "counsellor", False),
    ("own_organisation", "officer", False),
    ("police", "officer", True),
    ("police", "owner", False),
    ("police", "counsellor", False),
]


@pytest.mark.parametrize(("visibility", "reader", "expected"), NOTE_TABLE)
def test_notes_stay_with_those_they_are_for(
    people, orgs, case, consent_for, visibility, reader, expected
):
    consent_for(orgs["social"], orgs["school"], orgs["police"])
    for grantee in ("counsellor", "officer"):
        services.grant_give(actor=actor(people["owner"]), case=case, user=people[grantee])
    author = people["officer"] if visibility == "police" else people["owner"]
    services.note_create(actor=actor(author), case=case, visibility=visibility, text="Anteckning")
    assert access.restrict(people[reader], CaseNote.objects.all()).exists() is expected


def test_only_the_police_write_police_only_notes(people, orgs, case, consent_for):
    with pytest.raises(ValidationError, match="Bara polisen"):
        services.note_create(actor=actor(people["owner"]), case=case, visibility="police", text="x")


def test_a_former_grantee_gets_404_and_the_attempt_is_logged(
    client, people, orgs, case, consent_for
):
    consent = consent_for(orgs["school"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    log_in(client, people["counsellor"])
    url = reverse("cases:case-detail", args=[case.pk])
    assert client.get(url).status_code == 200
    assert AccessEvent.objects.filter(
        username="skolkurator", action="view", object_id=str(case.pk)
    ).exists()
    services.consent_revoke(actor=actor(people["owner"]), consent=consent, reason="Muntligt")
    assert client.get(url).status_code == 404
    assert AccessEvent.objects.filter(
        username="skolkurator", action="denied", object_id=str(case.pk)
    ).exists()


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("20080412-2381", "kontrollsiffra"),
        ("20081332-2380", "finns inte"),
        ("2008", "ÅÅÅÅMMDD-NNNN"),
    ],
)
def test_a_bad_personal_number_is_explained(client, people, number, message):
    from collaboration.models import Area

    area = Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9300)
    log_in(client, people["owner"])
    response = client.post(
        reverse("cases:case-open"),
        {"name": "Test Testsson", "personal_number": number, "area": area.pk},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SigCase.objects.exists()


def personal_number(birth: str, serial: str = "123") -> str:
    """A valid personal identity number for ``birth`` (YYYYMMDD): the check digit computed."""
    last = next(d for d in "0123456789" if luhn_valid(birth[2:] + serial + d))
    return f"{birth}-{serial}{last}"


def test_the_case_list_takes_a_fixed_number_of_queries(
    client, people, django_assert_max_num_queries
):
    from collaboration.models import Area

    area = Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9300)
    log_in(client, people["owner"])

    def open_cases(days):
        for day in days:
            services.case_open(
                actor=actor(people["owner"]), name=f"P{day}",
                personal_number=personal_number(f"200501{day:02d}"), area=area,
            )  # fmt: skip

    open_cases(range(1, 4))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("cases:case-list"))
    open_cases(range(4, 24))
    with django_assert_max_num_queries(40) as many:
        client.get(reverse("cases:case-list"))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_grant_holder_who_moves_to_another_organisation_loses_the_case(
    people, orgs, case, consent_for
):
    consent_for(orgs["school"], orgs["police"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    membership = people["counsellor"].memberships.get()
    membership.valid_to = TODAY - datetime.timedelta(days=1)
    membership.valid_from = TODAY - datetime.timedelta(days=10)
    membership.save()
    from umebra.access import SYSTEM
    from umebra.services import membership_create

    membership_create(
        actor=SYSTEM, user=people["counsellor"], organisation=orgs["police"], role="police"
    )
    moved = type(people["counsellor"]).objects.get(pk=people["counsellor"].pk)
    assert not sees(moved, case)


def test_a_new_consent_extends_the_grants_it_covers(people, orgs, case, consent_for):
    consent_for(orgs["school"], days=10)
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    consent_for(orgs["school"], days=200)
    grant = SigCaseUserObjectPermission.objects.get()
    assert grant.valid_until == TODAY + datetime.timedelta(days=200)


def test_the_count_matches_the_list(people, orgs, case, consent_for):
    consent_for(orgs["school"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    for who in ("owner", "counsellor", "officer", "landlord"):
        user = type(people[who]).objects.get(pk=people[who].pk)
        assert access.count(user, SigCase) == access.restrict(user, SigCase.objects.all()).count()


def test_the_owner_is_never_granted_their_own_case(people, orgs, case, consent_for):
    consent_for(orgs["social"])
    with pytest.raises(ValidationError, match="Ägaren ser redan ärendet"):
        services.grant_give(actor=actor(people["owner"]), case=case, user=people["owner"])


def test_a_number_on_record_under_another_name_is_refused_without_telling_the_name(
    client, people, case
):
    """A typing error in the number must not join two people into one."""
    log_in(client, people["colleague"])
    response = client.post(
        reverse("cases:case-open"),
        {"name": "Test Testsson", "personal_number": "20080412-2380",
         "area": case.person.area_id},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 400  # a refused form, shown again
    assert "registrerat under ett annat namn" in page and "Alva" not in page
    assert SigCase.objects.count() == 1


def test_one_open_case_a_person_in_an_organisation(people, case):
    with pytest.raises(ValidationError, match="har redan ett öppet ärende"):
        services.case_open(
            actor=actor(people["colleague"]), name=" alva  testsson ",
            personal_number="200804122380", area=case.person.area,
        )  # fmt: skip


def test_a_new_referral_after_a_closed_case_reopens_work_where_the_person_lives_now(people, case):
    from collaboration.models import Area

    SigCase.objects.filter(pk=case.pk).update(status="closed")
    moved = Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9300)
    again = services.case_open(
        actor=actor(people["owner"]), name="Alva Testsson", personal_number="20080412-2380",
        area=moved,
    )  # fmt: skip
    assert again.person == case.person and again.pk != case.pk
    case.person.refresh_from_db()
    assert case.person.area == moved


def test_the_case_page_offers_police_only_notes_to_the_police_alone(
    client, people, case, consent_for, orgs
):
    consent_for(orgs["social"], orgs["police"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["officer"])
    url = reverse("cases:case-detail", args=[case.pk])
    for who, offered in [("owner", False), ("officer", True)]:
        log_in(client, people[who])
        assert ('value="police"' in client.get(url).content.decode()) is offered, who


@pytest.mark.parametrize(
    ("form", "label"),
    [("consent-revoke", "Hur samtycket återkallades"), ("grant-create", "Ge åtkomst till")],
)
def test_a_small_form_sent_empty_says_which_field_is_missing(
    client, people, case, consent_for, orgs, form, label
):
    consent = consent_for(orgs["social"], orgs["school"])
    log_in(client, people["owner"])
    target = consent if form == "consent-revoke" else case
    response = client.post(reverse(f"cases:{form}", args=[target.pk]), {}, follow=True)
    assert f"{label}: Detta fält måste fyllas i." in response.content.decode()


def test_an_action_plan_row_asks_for_the_action_not_an_event(client, people, case):
    log_in(client, people["owner"])
    page = client.get(reverse("cases:action-create", args=[case.pk])).content.decode()
    assert "Åtgärd" in page and "Händelse" not in page


def test_a_minor_is_opened_with_a_guardian_and_consents_only_with_one(client, people):
    """Under 18 every guardian signs (docs/rules.md, rule 2); with none on record, a consent signed
    by the young person alone counted, and covered the police."""
    from collaboration.models import Area

    area = Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9300)
    log_in(client, people["owner"])
    response = client.post(
        reverse("cases:case-open"),
        {"name": "Bertil Provsson", "personal_number": "20090923-4577", "area": area.pk},
    )
    assert response.status_code == 400
    assert "har den unge en vårdnadshavare: ange minst en" in response.content.decode()
    adult = services.case_open(
        actor=actor(people["owner"]), name="Vuxen Person", personal_number="19900101-0017",
        area=area,
    )  # fmt: skip
    assert adult.person.guardians.count() == 0  # an adult needs none
    minor = services.case_open(
        actor=actor(people["owner"]), name="Bertil Provsson", personal_number="20090923-4577",
        area=area, guardians=["Cecilia Provsson"],
    )  # fmt: skip
    minor.person.guardians.all().delete()  # none on record any longer
    consent = services.consent_record(
        actor=actor(people["owner"]), case=minor, organisations=[], information="x",
        valid_from=TODAY, valid_to=TODAY, signed_by_person=True,
    )  # fmt: skip
    assert not consent.complete


def offered_users(page: str) -> set[str]:
    """The users the grant form's list offers, by primary key."""
    select = re.search(r'<select name="user".*?</select>', page, re.S)
    return set(re.findall(r'<option value="(\d+)"', select.group(0))) if select else set()


def test_the_grant_form_offers_only_those_not_yet_granted(client, people, case, consent_for, orgs):
    consent_for(orgs["social"], orgs["school"], orgs["police"])
    owner = people["owner"]
    services.grant_give(actor=actor(owner), case=case, user=people["counsellor"])
    services.grant_give(actor=actor(owner), case=case, user=people["officer"])
    # The officer's grant is past its last day (the nightly task has not deleted it yet):
    # it opens nothing, so the owner may give it again.
    SigCaseUserObjectPermission.objects.filter(user=people["officer"]).update(
        valid_until=TODAY - datetime.timedelta(days=1)
    )
    log_in(client, owner)
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    offered = offered_users(page)
    assert str(people["officer"].pk) in offered
    assert str(people["counsellor"].pk) not in offered
    assert str(owner.pk) not in offered


def test_a_consent_revoked_without_a_reason_is_refused_as_an_error(
    client, people, case, consent_for, orgs
):
    consent = consent_for(orgs["social"], orgs["school"])
    log_in(client, people["owner"])
    response = client.post(reverse("cases:consent-revoke", args=[consent.pk]), {}, follow=True)
    assert [m.level for m in response.context["messages"]] == [messages.ERROR]
    refusal = "Hur samtycket återkallades: Detta fält måste fyllas i."
    assert f'<p class="error-summary" role="alert">{refusal}</p>' in response.content.decode()
    consent.refresh_from_db()
    assert consent.revoked_at is None

"""Break-glass: emergency access on a stated ground, time-limited, told and reviewed."""

import datetime
import email
from email import policy

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.models import EmergencyAccess, SigCase
from cases.services import emergency
from tests.cases.conftest import actor
from tests.factories import log_in
from umebra import access
from umebra.audit.models import AccessAlert, AccessEvent
from umebra.mail import mail_send_due

pytestmark = pytest.mark.django_db
REASON = "Den unge har hotat att skada sig i kväll och ägaren nås inte."


def test_emergency_access_needs_a_ground_and_a_reason(people, case):
    with pytest.raises(ValidationError, match="Ange den rättsliga grunden"):
        emergency.emergency_access_open(
            actor=actor(people["colleague"]), case_id=case.pk, ground="", reason=REASON
        )
    with pytest.raises(ValidationError):
        emergency.emergency_access_open(
            actor=actor(people["colleague"]), case_id=case.pk, ground="Nöd", reason="kort"
        )


@pytest.mark.parametrize(
    "who",
    ["officer", "counsellor", "coordinator", "landlord", "politician", "inspector", "auditor"],
)
def test_only_social_workers_break_the_glass(people, case, who):
    with pytest.raises(PermissionDenied):
        emergency.emergency_access_open(
            actor=actor(people[who]), case_id=case.pk, ground="Nöd", reason=REASON
        )


def test_emergency_access_opens_the_case_briefly_and_tells_owner_and_auditor(client, people, case):
    colleague = people["colleague"]
    assert not access.restrict(colleague, SigCase.objects.all()).exists()
    emergency.emergency_access_open(
        actor=actor(colleague), case_id=case.pk, ground="OSL 10 kap. 1 §, nöd", reason=REASON
    )
    assert access.restrict(colleague, SigCase.objects.all()).get() == case
    assert AccessAlert.objects.filter(user=colleague, description__contains="Nödåtkomst").exists()

    log_in(client, colleague)
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "nödåtkomst" in page
    assert AccessEvent.objects.filter(username="kollega", reason="emergency access").exists()

    owner_home = client
    owner_home.logout()
    log_in(owner_home, people["owner"])
    assert "Nödåtkomst till dina ärenden" in owner_home.get(reverse("home")).content.decode()

    EmergencyAccess.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert not access.restrict(colleague, SigCase.objects.all()).exists()


def test_the_auditor_reviews_it(client, people, case):
    item = emergency.emergency_access_open(
        actor=actor(people["colleague"]), case_id=case.pk, ground="Nöd", reason=REASON
    )
    log_in(client, people["auditor"])
    assert "Nödåtkomst att granska" in client.get(reverse("home")).content.decode()
    client.post(
        reverse("cases:emergency-review", args=[item.pk]),
        {"outcome": "follow_up", "comment": "Ägaren borde ha kontaktats"},
    )
    item.refresh_from_db()
    assert (item.review_outcome, item.reviewed_by) == ("follow_up", people["auditor"])


def test_the_owner_cannot_review_emergency_access_to_their_own_case(client, people, case):
    item = emergency.emergency_access_open(
        actor=actor(people["colleague"]), case_id=case.pk, ground="Nöd", reason=REASON
    )
    log_in(client, people["owner"])
    response = client.post(
        reverse("cases:emergency-review", args=[item.pk]), {"outcome": "justified"}
    )
    assert response.status_code == 404


def test_no_emergency_access_to_a_case_one_already_sees(people, case):
    with pytest.raises(ValidationError, match="redan se"):
        emergency.emergency_access_open(
            actor=actor(people["owner"]), case_id=case.pk, ground="Nöd", reason=REASON
        )


def test_a_grant_ends_the_emergency_access_it_replaces_and_the_case_counts_once(
    people, case, consent_for, orgs
):
    from cases.services import sig
    from cases.visibility import visible_case_count

    colleague = people["colleague"]
    item = emergency.emergency_access_open(
        actor=actor(colleague), case_id=case.pk, ground="Nöd", reason=REASON
    )
    consent_for(orgs["social"], orgs["police"])
    sig.grant_give(actor=actor(people["owner"]), case=case, user=colleague)

    item.refresh_from_db()
    assert item.expires_at <= timezone.now()
    assert item.reviewed_at is None  # the auditor still reviews it
    assert AccessEvent.objects.filter(object_id=str(item.pk), reason="ended by a grant").exists()
    next_request = type(colleague).objects.get(pk=colleague.pk)  # the count is kept per request
    assert visible_case_count(actor(next_request)) == 1
    assert list(access.restrict(next_request, SigCase.objects.all())) == [case]


def test_no_emergency_access_to_another_organisations_case_nor_word_that_it_exists(
    people, case, orgs
):
    """Social services elsewhere keep their own files; the form does not tell case numbers
    that exist from those that do not."""
    from tests.factories import OrganisationFactory, member
    from umebra.roles import Role

    elsewhere = member(Role.SOCIAL_WORKER, OrganisationFactory(name="Socialtjänsten Vännäs"))
    for case_id in (case.pk, case.pk + 1000):
        with pytest.raises(ValidationError, match="Din organisation har inget ärende"):
            emergency.emergency_access_open(
                actor=actor(elsewhere), case_id=case_id, ground="Nöd", reason=REASON
            )
    assert not EmergencyAccess.objects.exists()


def test_the_page_tells_the_end_of_the_access_in_swedish_time(client, people, case):
    log_in(client, people["colleague"])
    response = client.post(
        reverse("cases:emergency-open"),
        {"case": case.pk, "ground": "Nöd", "reason": REASON},
        follow=True,
    )
    expires = timezone.localtime(EmergencyAccess.objects.get().expires_at)
    assert f"Nödåtkomst till kl. {expires:%H:%M}" in response.content.decode()


def test_an_expired_grant_is_no_part_in_the_case_so_emergency_reading_says_so(
    client, people, case, consent_for, orgs
):
    """A grant past its last day that the nightly task has not deleted yet opens nothing,
    so whoever then reads the case through emergency access is logged as doing so."""
    from cases.models import SigCaseUserObjectPermission
    from cases.services import sig

    consent_for(orgs["social"])
    sig.grant_give(actor=actor(people["owner"]), case=case, user=people["colleague"])
    SigCaseUserObjectPermission.objects.update(
        valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    colleague = type(people["colleague"]).objects.get(pk=people["colleague"].pk)
    emergency.emergency_access_open(
        actor=actor(colleague), case_id=case.pk, ground="Nöd", reason=REASON
    )

    log_in(client, colleague)
    assert client.get(reverse("cases:case-detail", args=[case.pk])).status_code == 200
    read = AccessEvent.objects.get(username="kollega", object_type="cases.sigcase")
    assert (read.object_id, read.reason) == (str(case.pk), "emergency access")


# role × the case list offers the emergency-access link: offered exactly to those whom the
# page it leads to lets in.
LINK_TABLE = [
    ("owner", True),  # a social worker
    ("counsellor", False),
    ("officer", False),
    ("coordinator", False),
]


@pytest.mark.parametrize(("who", "shown"), LINK_TABLE)
def test_the_emergency_link_is_shown_to_those_the_page_lets_in(client, people, who, shown):
    log_in(client, people[who])
    cases = client.get(reverse("cases:case-list"))
    assert cases.status_code == 200
    link = reverse("cases:emergency-open")
    assert (f'href="{link}"' in cases.content.decode()) is shown
    assert client.get(link).status_code == (200 if shown else 403)


@pytest.mark.parametrize("who", ["landlord", "politician", "inspector", "auditor", "admin"])
def test_roles_without_the_case_list_reach_no_emergency_page(client, people, who):
    log_in(client, people[who])
    assert client.get(reverse("cases:case-list")).status_code == 403
    assert client.get(reverse("cases:emergency-open")).status_code == 403


def test_the_owner_is_mailed_once_without_a_word_of_who_or_whose(smtp_server, people, case):
    """Mail leaves our control: it says that someone opened one of the owner's cases and
    links to the case's page, where the access layer decides; no name, personal number,
    ground or reason, neither the young person's nor the colleague's."""
    colleague = people["colleague"]
    emergency.emergency_access_open(
        actor=actor(colleague), case_id=case.pk, ground="OSL 10 kap. 1 §, nöd", reason=REASON
    )
    assert mail_send_due() == 1
    assert mail_send_due() == 0
    [raw] = smtp_server.received
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["To"] == f"{people['owner'].username}@umebra.example"
    assert message["Subject"] == "Nödåtkomst till ett av dina ärenden"
    body = message.get_content()
    assert "Någon har öppnat nödåtkomst till ett av dina ärenden." in body
    assert f"http://127.0.0.1:8000{reverse('cases:case-detail', args=[case.pk])}" in body
    everything = raw.decode() + body
    for secret in [
        "Alva", "Testsson", "20080412", "080412", "2380", colleague.username,
        colleague.first_name, colleague.last_name, "OSL", "hotat",
    ]:  # fmt: skip
        assert secret not in everything

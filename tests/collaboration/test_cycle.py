"""The situation picture and the action plan: their workflow, and what the home page warns of."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from collaboration.models import ActionPlan, DocumentStatus, SituationPicture
from collaboration.services import cycle as services
from tests.factories import OrganisationFactory, log_in, member, umea
from umebra import access
from umebra.access import SYSTEM
from umebra.roles import Role

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def picture(title="Lägesbild", **adoption):
    """A draft picture, or one already in the state ``adoption`` gives it (set directly: the
    workflow that leads there is tested on its own above)."""
    umea()  # the installation's one municipality, which the system's picture belongs to
    made = services.picture_create(
        actor=SYSTEM, title=title, mapping="Brott", analysis="Orsaker", sources="Polisen"
    )
    if adoption:
        SituationPicture.objects.filter(pk=made.pk).update(**adoption)
        made.refresh_from_db()
    return made


ADOPTION = {"adopted_by": "Kommunfullmäktige", "adopted_on": TODAY, "case_number": "KS-1"}


def test_a_picture_goes_through_review_to_adoption():
    draft = picture()
    services.document_transition(actor=SYSTEM, document=draft, status=DocumentStatus.REVIEW)
    adopted = services.document_transition(
        actor=SYSTEM, document=draft, status=DocumentStatus.ADOPTED, **ADOPTION
    )
    assert (adopted.status, adopted.case_number) == ("adopted", "KS-1")


def test_a_draft_cannot_be_adopted_without_review_and_the_reason_says_so():
    with pytest.raises(ValidationError) as refused:
        services.document_transition(
            actor=SYSTEM, document=picture(), status=DocumentStatus.ADOPTED, **ADOPTION
        )
    assert "”Utkast” kan inte bli ”Antagen”" in str(refused.value).replace("“", "”")
    assert "Granskas" in str(refused.value)


def test_adoption_records_body_date_and_case_number():
    draft = picture()
    services.document_transition(actor=SYSTEM, document=draft, status=DocumentStatus.REVIEW)
    with pytest.raises(ValidationError, match="diarienumret"):
        services.document_transition(
            actor=SYSTEM,
            document=draft,
            status=DocumentStatus.ADOPTED,
            adopted_by="KF",
            adopted_on=TODAY,
        )
    assert SituationPicture.objects.get().status == DocumentStatus.REVIEW


def test_adopting_a_new_picture_supersedes_the_old_one_which_is_then_final():
    old, new = picture("Gammal"), picture("Ny")
    for document in (old, new):
        services.document_transition(actor=SYSTEM, document=document, status=DocumentStatus.REVIEW)
        services.document_transition(
            actor=SYSTEM, document=document, status=DocumentStatus.ADOPTED, **ADOPTION
        )
    old.refresh_from_db()
    assert old.status == DocumentStatus.SUPERSEDED
    with pytest.raises(ValidationError, match="slutlig"):
        services.document_transition(actor=SYSTEM, document=old, status=DocumentStatus.REVIEW)


def test_a_refused_transition_through_the_page_shows_the_reason(client):
    log_in(client, member(Role.COORDINATOR))
    draft = picture()
    url = reverse("collaboration:picture-transition", args=[draft.pk])
    response = client.post(url, {"status": "adopted", **ADOPTION}, follow=True)
    assert "kan inte bli" in response.content.decode()


@pytest.mark.parametrize(("age_days", "warned"), [(3 * 365, True), (100, False)])
def test_the_coordinator_is_warned_when_the_picture_is_older_than_two_years(
    client, age_days, warned
):
    adopted = picture(
        status=DocumentStatus.ADOPTED,
        adopted_by="KF",
        adopted_on=TODAY - datetime.timedelta(days=age_days),
        case_number="KS-1",
    )
    log_in(client, member(Role.COORDINATOR))
    page = client.get(reverse("home")).content.decode()
    assert ("mer än två år sedan" in page) is warned
    assert adopted.adopted_on.isoformat() in page or not warned


def test_red_rows_show_on_the_coordinators_home_page(client):
    plan = services.plan_create(actor=SYSTEM, title="Plan", picture=picture())
    for status, measure in [("red", "Fritidsgården kvällsöppen"), ("green", "Belysning")]:
        services.row_create(
            actor=SYSTEM, plan=plan, cause="c", measure=measure, goal="g", when="2026",
            responsible=OrganisationFactory(), follow_up="f", status=status,
        )  # fmt: skip
    log_in(client, member(Role.COORDINATOR))
    page = client.get(reverse("home")).content.decode()
    assert "Fritidsgården kvällsöppen" in page
    assert "Belysning" not in page


@pytest.mark.parametrize(("role", "status"), [(Role.POLITICIAN, 404), (Role.COORDINATOR, 200)])
def test_drafts_are_the_coordinators_until_adopted(client, role, status):
    draft = picture()
    log_in(client, member(role))
    assert (
        client.get(reverse("collaboration:picture-detail", args=[draft.pk])).status_code == status
    )


def test_everyone_reads_an_adopted_plan(client):
    adopted = picture(status=DocumentStatus.ADOPTED, adopted_by="KF", adopted_on=TODAY,
                      case_number="KS-1")  # fmt: skip
    plan = ActionPlan.objects.create(
        municipality=umea(), title="Plan", picture=adopted, status=DocumentStatus.ADOPTED
    )
    log_in(client, member(Role.PARTNER))
    assert client.get(reverse("collaboration:plan-detail", args=[plan.pk])).status_code == 200


def test_a_plan_row_names_who_changed_it_last():
    """The row's "changed by" followed its author only: a colleague's change kept the
    author's name on it."""
    plan = services.plan_create(actor=SYSTEM, title="Plan", picture=picture())
    author, colleague = member(Role.COORDINATOR), member(Role.COORDINATOR)
    fields = {
        "cause": "c", "measure": "Belysning", "goal": "g", "when": "2026",
        "responsible": OrganisationFactory(), "follow_up": "f", "status": "green",
        "problems": [], "efforts": [], "undertakings": [], "grants": [],
    }  # fmt: skip
    row = services.row_create(actor=access.actor_for(author), plan=plan, **fields)
    assert row.updated_by == author
    row = services.row_update(actor=access.actor_for(colleague), row=row, **fields)
    row.refresh_from_db()
    assert row.updated_by == colleague

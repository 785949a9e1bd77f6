"""The grant tally, kept by database triggers, always adds up to the grants themselves."""

import pytest
from django.contrib.auth.models import Permission
from django.db.models import Count

from cases.models import GrantTally, SigCaseUserObjectPermission
from cases.services import sig as services
from cases.visibility import visible_case_count
from tests.cases.conftest import actor
from umebra.models import User

pytestmark = pytest.mark.django_db


def _tally() -> dict:
    return {
        (row.user_id, row.organisation_id, row.valid_until): row.grants
        for row in GrantTally.objects.all()
    }


def _grants() -> dict:
    rows = (
        SigCaseUserObjectPermission.objects.exclude(organisation=None)
        .exclude(valid_until=None)
        .values("user_id", "organisation_id", "valid_until")
        .annotate(n=Count("pk"))
    )
    return {(r["user_id"], r["organisation_id"], r["valid_until"]): r["n"] for r in rows}


def _count(user) -> int:
    return visible_case_count(actor(User.objects.get(pk=user.pk)))  # as a new request


def test_the_tally_follows_every_way_grants_change(people, orgs, case, consent_for):
    counsellor, owner = people["counsellor"], people["owner"]
    first = consent_for(orgs["social"], orgs["school"], days=100)
    services.grant_give(actor=actor(owner), case=case, user=counsellor)
    assert _tally() == _grants() and len(_tally()) == 1
    assert _count(counsellor) == 1

    # A later consent lasts longer: the grant's last day moves (an UPDATE).
    consent_for(orgs["social"], orgs["school"], days=300)
    assert _tally() == _grants()
    assert _count(counsellor) == 1

    # Bulk writes that bypass the services are kept too.
    permission = Permission.objects.get(codename="view_sigcase")
    SigCaseUserObjectPermission.objects.bulk_create(
        SigCaseUserObjectPermission(
            user=user, permission=permission, content_object=case,
            organisation=orgs["school"], valid_until=first.valid_to,
        )
        for user in (people["colleague"], people["officer"])
    )  # fmt: skip
    assert _tally() == _grants() and sum(_tally().values()) == 3

    services.grant_withdraw(actor=actor(owner), case=case, user=counsellor)
    assert _tally() == _grants()
    assert _count(counsellor) == 0

    SigCaseUserObjectPermission.objects.all().delete()
    assert _tally() == _grants() == {}


def test_revoking_the_consent_empties_the_tally(people, orgs, case, consent_for):
    consent = consent_for(orgs["social"], orgs["school"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    assert _count(people["counsellor"]) == 1
    services.consent_revoke(actor=actor(people["owner"]), consent=consent, reason="Återkallat")
    assert _tally() == _grants() == {}
    assert _count(people["counsellor"]) == 0


def test_a_user_deleted_with_their_grants_leaves_no_tally(people, orgs, case, consent_for):
    consent_for(orgs["social"], orgs["school"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    people["counsellor"].delete()  # the tally's rows and the grants go in either order
    assert _tally() == _grants() == {}


@pytest.mark.django_db(transaction=True)  # TRUNCATE waits for no deferred trigger
def test_emptying_the_grants_with_truncate_empties_the_tally(people, orgs, case, consent_for):
    from django.db import connection

    consent_for(orgs["social"], orgs["school"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    assert _tally()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE cases_sigcaseuserobjectpermission")
    assert _tally() == _grants() == {}

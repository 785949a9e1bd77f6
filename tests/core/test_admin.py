"""The Django admin answers like the access layer and leaves a trace (issue 14): every change
made through it is in the access log, no link or redirect tells whether a hidden object
exists, and roles are not given there at all."""

import pytest
from axes.models import AccessAttempt
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from cases.models import SigCase
from tests.factories import OrganisationFactory, log_in, member, umea
from umebra.access import SYSTEM
from umebra.audit.models import AccessAlert, AccessEvent
from umebra.models import Membership, OrganisationKind, User
from umebra.roles import Role
from umebra.services import member_administrator_appoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    administrator = member(Role.ADMIN, username="admin")
    log_in(client, administrator)
    client.administrator = administrator
    return client


# The user admin's read-only inline of memberships still sends its management form.
INLINE = {"memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"}
NEW_ACCOUNT = INLINE | {"username": "nypolis", "usable_password": "true",
                        "password1": "Lång-nog-2026", "password2": "Lång-nog-2026"}  # fmt: skip


def events(object_type: str) -> list[tuple]:
    return list(
        AccessEvent.objects.filter(object_type=object_type)
        .order_by("id")
        .values_list("username", "action", "reason")
    )


def test_an_account_made_and_changed_in_the_admin_is_in_the_log(admin_client):
    response = admin_client.post(reverse("admin:umebra_user_add"), NEW_ACCOUNT)
    assert response.status_code == 302
    user = User.objects.get(username="nypolis")
    response = admin_client.post(
        reverse("admin:umebra_user_change", args=[user.pk]),
        INLINE | {"username": "nypolis", "first_name": "Nora", "last_name": "Nyberg",
                  "email": "", "_save": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    logged = events("umebra.user")
    assert logged[0] == ("admin", "create", "admin: Lagt till.")
    assert logged[1][:2] == ("admin", "change")
    assert "Aktiv" in logged[1][2] and "name" in logged[1][2]  # deactivated, renamed


def test_an_account_made_in_the_admin_gets_a_role_only_through_the_four_eyes_rule(
    admin_client, client
):
    """The attack of issue 14: an account made by the administrator and given the police
    role by the administrator alone."""
    from django.test import Client

    police = OrganisationFactory(name="Polisen", kind=OrganisationKind.POLICE)
    admin_client.post(reverse("admin:umebra_user_add"), NEW_ACCOUNT)
    officer = User.objects.get(username="nypolis")
    # The admin offers no way to give a membership …
    assert admin_client.get(reverse("admin:umebra_membership_add")).status_code == 403
    # … and on the organisation's page the administrator's police role is a request.
    admin_client.post(
        reverse("membership-create", args=[police.pk]),
        {"user": officer.pk, "role": Role.POLICE, "valid_from": "2026-01-01"},
    )
    request = Membership.objects.get(user=officer)
    assert request.status == "requested"
    assert not AccessAlert.objects.filter(user=officer).exists()

    approver = member(Role.POLICE, police, username="polis-ba")
    member_administrator_appoint(actor=SYSTEM, membership=approver.memberships.get())
    approving = Client()
    log_in(approving, approver)
    approving.post(reverse("membership-approve", args=[request.pk]))
    assert events("umebra.user")[0] == ("admin", "create", "admin: Lagt till.")
    assert AccessAlert.objects.get(user=officer).description.startswith("Roll given: Polis")


def test_view_on_site_answers_a_hidden_case_exactly_like_a_missing_one(admin_client):
    from cases.services.sig import case_open
    from collaboration.models import Area
    from umebra import access

    teg = Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9300)
    case = case_open(
        actor=access.actor_for(member(Role.SOCIAL_WORKER)), name="Alva Testsson",
        personal_number="20080412-2380", area=teg,
    )  # fmt: skip
    sig_case = ContentType.objects.get_for_model(SigCase).pk
    hidden = admin_client.get(reverse("admin:view_on_site", args=[sig_case, case.pk]))
    missing = admin_client.get(reverse("admin:view_on_site", args=[sig_case, 999_999]))
    assert hidden.status_code == missing.status_code == 404
    assert AccessEvent.objects.filter(
        username="admin", action="denied", object_type="cases.sigcase", object_id=str(case.pk)
    ).exists()
    # What the administrator may see, it leads to.
    organisation = OrganisationFactory(name="Skolan")
    kind = ContentType.objects.get_for_model(organisation).pk
    response = admin_client.get(reverse("admin:view_on_site", args=[kind, organisation.pk]))
    assert (response.status_code, response.url) == (302, organisation.get_absolute_url())
    for nonsense in [("x", "1"), (kind, "x"), (999_999, "1")]:
        assert admin_client.get(f"/admin/r/{nonsense[0]}/{nonsense[1]}/").status_code == 404


def test_lifting_a_lock_out_is_in_the_log(admin_client):
    attempt = AccessAttempt.objects.create(
        username="polis", ip_address="192.0.2.1", user_agent="x", failures_since_start=5,
        get_data="", post_data="", http_accept="", path_info="/login/",
    )  # fmt: skip
    response = admin_client.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert events("axes.accessattempt") == [("admin", "delete", "lock-out lifted")]


def test_the_admin_shows_memberships_but_changes_none(admin_client):
    membership = member(Role.POLICE).memberships.get()
    url = reverse("admin:umebra_membership_change", args=[membership.pk])
    page = admin_client.get(url)
    assert page.status_code == 200 and b'name="role"' not in page.content
    admin_client.post(url, {"role": Role.ADMIN, "valid_to": "2020-01-01"})
    membership.refresh_from_db()
    assert (membership.role, membership.valid_to) == (Role.POLICE, None)


def test_the_administrator_alone_does_not_lock_the_oversight_out(admin_client):
    """A tester switched off the auditor's and the second administrator's accounts, renamed
    one and removed the other's password: one person taking the oversight away, which
    takes two administrators ending the role."""
    auditor = member(Role.AUDITOR, username="dataskydd")
    url = reverse("admin:umebra_user_change", args=[auditor.pk])
    admin_client.post(
        url,
        INLINE
        | {
            "username": "dataskydd-old",
            "first_name": "",
            "last_name": "",
            "email": "",
            "_save": "1",
        },
    )  # fmt: skip (no is_active)
    auditor.refresh_from_db()
    assert (auditor.username, auditor.is_active) == ("dataskydd", True)
    response = admin_client.post(
        reverse("admin:auth_user_password_change", args=[auditor.pk]),
        {"usable_password": "false", "unset-password": "1"},
    )
    assert response.status_code == 403
    assert auditor.has_usable_password()


def test_switching_off_an_account_in_use_alerts_the_auditor(admin_client):
    officer = member(Role.POLICE, OrganisationFactory(kind=OrganisationKind.POLICE))
    admin_client.post(
        reverse("admin:umebra_user_change", args=[officer.pk]),
        INLINE | {"username": officer.username, "first_name": "", "last_name": "", "email": "",
                  "_save": "1"},
    )  # fmt: skip
    officer.refresh_from_db()
    assert not officer.is_active
    assert AccessAlert.objects.get(user=officer).description.startswith("Kontot för")

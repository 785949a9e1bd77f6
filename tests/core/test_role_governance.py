"""Who may hold a role (issue 14): nobody grants one to themselves, two people for every
role that reaches personal data or intelligence, member administrators per organisation,
and every change of who may see what in the access log with the auditor alerted.

The rules are written out here as tables from docs/rules.md, roles, never read from
``MembershipPolicy``.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from cases.models import IntelligenceNote, Operation
from cases.services import los
from tests.factories import OperationFactory, OrganisationFactory, UserFactory, log_in, member
from umebra import access, services
from umebra.access import SYSTEM
from umebra.audit.models import AccessAlert, AccessEvent
from umebra.models import Membership, OrganisationKind
from umebra.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return {
        "Polisen": OrganisationFactory(name="Polisen", kind=OrganisationKind.POLICE),
        "Skolan": OrganisationFactory(name="Skolan"),
        "Kommunen": OrganisationFactory(name="Kommunen"),
        "Umebrå": OrganisationFactory(name="Umebrå"),
    }


@pytest.fixture
def people(org):
    """One person per part the rules speak of."""
    people = {
        "polis-ba": member(Role.POLICE, org["Polisen"], username="polis-ba"),
        "polis": member(Role.POLICE, org["Polisen"], username="polis"),
        "skol-ba": member(Role.SCHOOL_STAFF, org["Skolan"], username="skol-ba"),
        "samordnare": member(Role.COORDINATOR, org["Umebrå"], username="samordnare"),
        "admin": member(Role.ADMIN, org["Kommunen"], username="admin"),
        "admin2": member(Role.ADMIN, org["Kommunen"], username="admin2"),
        "kommun-ba": member(Role.COORDINATOR, org["Kommunen"], username="kommun-ba"),
        "fastighet": member(Role.PARTNER, username="fastighet"),
        "dataskydd": member(Role.AUDITOR, org["Kommunen"], username="dataskydd"),
    }
    for administrator in ("polis-ba", "skol-ba", "kommun-ba"):
        membership = people[administrator].memberships.get()
        services.member_administrator_appoint(actor=SYSTEM, membership=membership)
    return people


def actor(user):
    return access.actor_for(type(user).objects.get(pk=user.pk))  # read afresh, as a request


def permitted(step, **arguments) -> bool:
    """Whether the service ``step`` let it happen (it refuses with PermissionDenied)."""
    try:
        step(**arguments)
    except PermissionDenied:
        return False
    return True


def police_asked_for(people, org, officer):
    """The coordinator asks for a police role at Polisen for ``officer``."""
    return services.membership_create(
        actor=actor(people["samordnare"]), user=officer, organisation=org["Polisen"],
        role=Role.POLICE,
    )  # fmt: skip


GIVEN, ASKED, REFUSED = "given", "asked for", "refused"

# who × in which organisation × which role → given at once, asked for (waits), or refused
GRANTS = [
    ("samordnare", "Polisen", Role.POLICE, ASKED),
    ("samordnare", "Skolan", Role.SCHOOL_STAFF, ASKED),
    ("samordnare", "Umebrå", Role.COORDINATOR, ASKED),
    ("samordnare", "Polisen", Role.PARTNER, GIVEN),
    ("samordnare", "Kommunen", Role.POLITICIAN, GIVEN),
    ("samordnare", "Kommunen", Role.AUDITOR, REFUSED),
    ("samordnare", "Kommunen", Role.ADMIN, REFUSED),
    ("admin", "Polisen", Role.POLICE, ASKED),
    ("admin", "Kommunen", Role.POLITICIAN, GIVEN),
    ("admin", "Kommunen", Role.AUDITOR, ASKED),
    ("admin", "Kommunen", Role.ADMIN, ASKED),
    ("polis-ba", "Polisen", Role.POLICE, GIVEN),
    ("polis-ba", "Polisen", Role.PARTNER, GIVEN),
    ("polis-ba", "Polisen", Role.AUDITOR, REFUSED),  # no police organisation holds it
    ("polis-ba", "Polisen", Role.COORDINATOR, REFUSED),  # a municipal role
    ("skol-ba", "Skolan", Role.COORDINATOR, GIVEN),
    ("polis-ba", "Skolan", Role.SCHOOL_STAFF, REFUSED),
    ("polis-ba", "Skolan", Role.PARTNER, REFUSED),
    ("skol-ba", "Skolan", Role.SCHOOL_STAFF, GIVEN),
    ("skol-ba", "Polisen", Role.POLICE, REFUSED),
    ("kommun-ba", "Kommunen", Role.AUDITOR, ASKED),
    ("kommun-ba", "Kommunen", Role.POLITICIAN, GIVEN),
    ("polis", "Polisen", Role.POLICE, REFUSED),
    ("polis", "Polisen", Role.PARTNER, REFUSED),
    ("fastighet", "Polisen", Role.PARTNER, REFUSED),
    ("dataskydd", "Kommunen", Role.POLITICIAN, REFUSED),
]


@pytest.mark.parametrize(("who", "where", "role", "expected"), GRANTS)
def test_who_gives_and_who_asks_for_a_role(people, org, who, where, role, expected):
    newcomer = UserFactory(username="ny")
    try:
        membership = services.membership_create(
            actor=actor(people[who]), user=newcomer, organisation=org[where], role=role
        )
    except PermissionDenied:
        outcome = REFUSED
    else:
        outcome = GIVEN if membership.status == "approved" else ASKED
    assert outcome == expected
    holds = access.actor_for(type(newcomer).objects.get(pk=newcomer.pk)).role
    assert holds == (role if expected == GIVEN else None)


@pytest.mark.parametrize("who", ["samordnare", "admin", "polis-ba", "kommun-ba"])
def test_nobody_gives_a_role_to_themselves(people, org, who):
    user = people[who]
    own = user.memberships.get()
    services.membership_end(actor=SYSTEM, membership=own)  # a period of their own to come
    for where, role in [("Polisen", Role.POLICE), ("Kommunen", Role.POLITICIAN)]:
        with pytest.raises(ValidationError, match="Ingen ger sig själv en roll"):
            services.membership_create(
                actor=actor(user), user=user, organisation=org[where], role=role,
                valid_from=own.valid_from.replace(year=own.valid_from.year + 1),
            )  # fmt: skip
    assert user.memberships.count() == 1


def test_the_database_refuses_a_membership_its_holder_asked_for_or_decided(people, org):
    user = people["samordnare"]
    for who in ("requested_by", "decided_by", "appointed_by"):
        with pytest.raises(IntegrityError), transaction.atomic():
            Membership.objects.filter(pk=user.memberships.get().pk).update(**{who: user})


def test_the_form_offers_neither_oneself_nor_a_role_one_cannot_hand_out(client, people, org):
    log_in(client, people["polis-ba"])
    page = client.get(reverse("membership-create", args=[org["Polisen"].pk]))
    users = {str(choice[0]) for choice in page.context["form"].fields["user"].choices}
    assert str(people["polis-ba"].pk) not in users
    assert str(people["polis"].pk) in users
    roles = dict(page.context["form"].fields["role"].choices)
    assert roles == {Role.POLICE: "Polis", Role.PARTNER: "Samverkanspart"}  # given at once
    page = log_in(Client(), people["kommun-ba"]).get(
        reverse("membership-create", args=[org["Kommunen"].pk])
    )
    roles = dict(page.context["form"].fields["role"].choices)
    assert roles[Role.ADMIN] == "Administratör (begärs: gäller när den godkänts)"
    # Sent anyway, it is refused, and nothing is made.
    response = client.post(
        reverse("membership-create", args=[org["Polisen"].pk]),
        {"user": people["polis-ba"].pk, "role": Role.POLICE, "valid_from": "2027-01-01"},
    )
    assert response.status_code == 400
    assert people["polis-ba"].memberships.count() == 1
    # In an organisation they do not administer, the page does not open at all.
    assert client.get(reverse("membership-create", args=[org["Skolan"].pk])).status_code == 403


@pytest.mark.parametrize("who", ["samordnare", "admin", "polis-ba", "polis"])
def test_nobody_ends_their_own_membership(client, people, who):
    log_in(client, people[who])
    own = people[who].memberships.get()
    assert client.post(reverse("membership-end", args=[own.pk])).status_code == 404
    own.refresh_from_db()
    assert own.valid_to is None
    with pytest.raises(PermissionDenied):
        services.membership_end(actor=actor(people[who]), membership=own)


# a request asked for by … for a role in … → who may approve it (everyone else: refused)
APPROVALS = [
    ("samordnare", "Polisen", Role.POLICE, {"polis-ba"}),
    ("admin", "Polisen", Role.POLICE, {"polis-ba"}),
    ("samordnare", "Skolan", Role.SCHOOL_STAFF, {"skol-ba"}),
    ("admin", "Kommunen", Role.AUDITOR, {"admin2"}),
    ("admin", "Kommunen", Role.ADMIN, {"admin2"}),
    ("kommun-ba", "Kommunen", Role.AUDITOR, {"admin", "admin2"}),
]
APPROVERS = ["polis-ba", "polis", "skol-ba", "samordnare", "admin", "admin2", "kommun-ba",
             "fastighet", "dataskydd"]  # fmt: skip


@pytest.mark.parametrize(("asker", "where", "role", "approvers"), APPROVALS)
def test_who_approves_a_request(people, org, asker, where, role, approvers):
    newcomer = UserFactory(username="ny")
    request = services.membership_create(
        actor=actor(people[asker]), user=newcomer, organisation=org[where], role=role
    )
    approved = set()
    for who in APPROVERS:
        try:
            with transaction.atomic():
                services.membership_approve(actor=actor(people[who]), membership=request)
                transaction.set_rollback(True)
        except PermissionDenied:
            continue
        approved.add(who)
    assert approved == approvers


@pytest.mark.parametrize(("asker", "where", "role", "approvers"), APPROVALS)
def test_those_who_may_approve_a_request_are_mailed_that_it_waits_and_nobody_else(
    people, org, asker, where, role, approvers, smtp_server
):
    import email
    from email import policy

    from umebra.mail import mail_send_due

    newcomer = UserFactory(username="ny", first_name="Nora", last_name="Nyberg")
    services.membership_create(
        actor=actor(people[asker]), user=newcomer, organisation=org[where], role=role
    )
    mail_send_due()
    mail_send_due()  # the beat again: nothing twice
    messages = [
        email.message_from_bytes(raw, policy=policy.default) for raw in smtp_server.received
    ]
    assert sorted(m["To"] for m in messages) == sorted(people[who].email for who in approvers)
    for message in messages:
        assert message["Subject"] == "En roll väntar på ditt godkännande"
        body = message.get_content()
        assert f"En roll i {where} väntar på ditt godkännande." in body
        assert "Nora" not in body and "Nyberg" not in body and "ny" not in body.split()


def test_a_police_role_asked_for_by_a_coordinator_gives_nothing_until_polisens_ba_approves(
    client, people, org
):
    """The attack of issue 14: a coordinator taking the police role, or giving it, alone."""
    operation = OperationFactory(name="Norrsken", lead=org["Polisen"])
    los.intelligence_create(actor=actor(people["polis"]), operation=operation, text="K-47 säljer")
    officer = UserFactory(username="nypolis")
    log_in(client, people["samordnare"])
    client.post(
        reverse("membership-create", args=[org["Polisen"].pk]),
        {"user": officer.pk, "role": Role.POLICE, "valid_from": "2026-01-01"},
    )
    request = officer.memberships.get()
    assert (request.status, request.requested_by) == ("requested", people["samordnare"])
    # The coordinator cannot approve their own request.
    assert client.post(reverse("membership-approve", args=[request.pk])).status_code == 404

    newcomer = log_in(Client(), officer)
    assert newcomer.get(operation.get_absolute_url()).status_code == 404
    assert not access.restrict(officer, IntelligenceNote.objects.all()).exists()

    approver = log_in(Client(), people["polis-ba"])
    response = approver.post(reverse("membership-approve", args=[request.pk]))
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.decided_by) == ("approved", people["polis-ba"])
    page = log_in(Client(), officer).get(operation.get_absolute_url())
    assert page.status_code == 200 and "K-47" in page.content.decode()


def test_a_refused_request_never_gives_its_role(client, people, org):
    officer = UserFactory(username="nypolis")
    request = police_asked_for(people, org, officer)
    log_in(client, people["polis-ba"])
    client.post(reverse("membership-refuse", args=[request.pk]), {"reason": "Okänd för oss"})
    request.refresh_from_db()
    assert (request.status, request.refusal_reason) == ("refused", "Okänd för oss")
    assert access.actor_for(officer).membership is None
    with pytest.raises(PermissionDenied):
        services.membership_approve(actor=actor(people["polis-ba"]), membership=request)


def test_each_change_of_who_may_see_what_is_logged(people, org):
    officer = UserFactory(username="nypolis")
    request = police_asked_for(people, org, officer)
    services.membership_approve(actor=actor(people["polis-ba"]), membership=request)
    services.member_administrator_appoint(actor=actor(people["polis-ba"]), membership=request)
    services.member_administrator_dismiss(actor=actor(people["polis-ba"]), membership=request)
    services.membership_end(actor=actor(people["polis-ba"]), membership=request)
    refused = services.membership_create(
        actor=actor(people["admin"]), user=UserFactory(), organisation=org["Kommunen"],
        role=Role.AUDITOR,
    )  # fmt: skip
    services.membership_refuse(actor=actor(people["admin2"]), membership=refused, reason="Nej")
    events = AccessEvent.objects.filter(object_type="umebra.membership").order_by("id")
    logged = [(e.username, e.action, e.object_id, e.reason) for e in events if e.username]
    assert logged == [
        ("samordnare", "create", str(request.pk), "membership requested"),
        ("polis-ba", "change", str(request.pk), "membership approved"),
        ("polis-ba", "change", str(request.pk), "member administrator appointed"),
        ("polis-ba", "change", str(request.pk), "member administrator dismissed"),
        ("polis-ba", "change", str(request.pk), "membership ended"),
        ("admin", "create", str(refused.pk), "membership requested"),
        ("admin2", "change", str(refused.pk), "membership refused"),
    ]


def test_the_auditor_is_alerted_to_each_personal_data_role_given(people, org):
    officer, caretaker = UserFactory(username="nypolis"), UserFactory(username="vaktmastare")
    request = police_asked_for(people, org, officer)
    assert not AccessAlert.objects.filter(user=officer).exists()  # asked for: nothing yet
    services.membership_approve(actor=actor(people["polis-ba"]), membership=request)
    alert = AccessAlert.objects.get(user=officer)
    assert "Polis" in alert.description and "samordnare" in alert.description
    assert "polis-ba" in alert.description
    services.membership_create(
        actor=actor(people["samordnare"]), user=caretaker, organisation=org["Skolan"],
        role=Role.PARTNER,
    )  # fmt: skip
    assert not AccessAlert.objects.filter(user=caretaker).exists()  # no personal data


# who × whom (a member of …) → may appoint them member administrator
APPOINTED = "appointed"
APPOINTMENTS = [
    ("admin", "polis", REFUSED),  # Polisen has one already: its own appoint the next
    ("polis-ba", "polis", APPOINTED),
    ("skol-ba", "polis", REFUSED),
    ("samordnare", "polis", REFUSED),
    ("polis", "polis-ba", REFUSED),
    ("admin", "samordnare", ASKED),  # Umebrå has none yet: two administrators appoint
    ("admin", "admin2", REFUSED),  # Kommunen has one already (kommun-ba)
    ("admin", "fastighet", REFUSED),  # a partner: one factor, a role one person gave
    ("admin", "dataskydd", REFUSED),  # the auditor: no overseer also gives roles
    ("samordnare", "samordnare", REFUSED),
]


@pytest.mark.parametrize(("who", "whom", "expected"), APPOINTMENTS)
def test_who_appoints_a_member_administrator(people, who, whom, expected):
    membership = people[whom].memberships.get()
    try:
        membership = services.member_administrator_appoint(
            actor=actor(people[who]), membership=membership
        )
    except PermissionDenied:
        outcome = REFUSED
    else:
        outcome = APPOINTED if membership.administers_members else ASKED
    assert outcome == expected
    assert AccessAlert.objects.filter(user=people[whom]).exists() is (expected == APPOINTED)


def test_an_organisations_first_member_administrator_takes_two_administrators(people, org):
    """A tester ended a member administrator's membership and, as the administrator alone,
    appointed in their place an account whose first password the administrator had set."""
    coordinator = people["samordnare"].memberships.get()
    asked = services.member_administrator_appoint(
        actor=actor(people["admin"]), membership=coordinator
    )
    assert not asked.administers_members and asked.awaits_appointment
    with pytest.raises(PermissionDenied):  # not the one who asked
        services.member_administrator_appoint(actor=actor(people["admin"]), membership=coordinator)
    appointed = services.member_administrator_appoint(
        actor=actor(people["admin2"]), membership=coordinator
    )
    assert appointed.administers_members and not appointed.awaiting
    assert appointed.appointed_by == people["admin2"]


def test_an_ask_lapses_after_a_week(people):
    from django.utils import timezone

    coordinator = people["samordnare"].memberships.get()
    services.member_administrator_appoint(actor=actor(people["admin"]), membership=coordinator)
    Membership.objects.filter(pk=coordinator.pk).update(
        awaiting_asked_at=timezone.now() - timezone.timedelta(days=8)
    )
    again = services.member_administrator_appoint(
        actor=actor(people["admin2"]), membership=coordinator
    )
    assert not again.administers_members  # admin2's own ask, now
    assert again.awaiting_asked_by == people["admin2"]


def test_an_auditors_or_administrators_role_is_ended_by_two_administrators(people):
    auditor = people["dataskydd"].memberships.get()
    asked = services.membership_end(actor=actor(people["admin"]), membership=auditor)
    assert asked.ended_at is None and asked.awaits_end
    assert access.actor_for(type(people["dataskydd"]).objects.get(pk=people["dataskydd"].pk)).role
    with pytest.raises(PermissionDenied):
        services.membership_end(actor=actor(people["admin"]), membership=auditor)
    ended = services.membership_end(actor=actor(people["admin2"]), membership=auditor)
    assert ended.ended_at is not None
    assert AccessAlert.objects.get(user=people["dataskydd"]).description.startswith(
        "Roll avslutad: Granskare"
    )


def test_member_administrators_and_administrators_see_what_waits_for_them(client, people, org):
    officer = UserFactory(username="nypolis", first_name="Nora", last_name="Nyberg")
    police_asked_for(people, org, officer)
    for who, sees in [("polis-ba", True), ("polis", False), ("admin", False)]:
        page = log_in(Client(), people[who]).get(reverse("home")).content.decode()
        assert ("Nora Nyberg" in page) is sees, who
        assert ("Roller som väntar på ditt godkännande" in page) is sees, who


def test_the_role_review_lists_who_holds_what_and_who_gave_it(client, people, org):
    officer = UserFactory(username="nypolis")
    request = police_asked_for(people, org, officer)
    services.membership_approve(actor=actor(people["polis-ba"]), membership=request)
    auditor = log_in(Client(), people["dataskydd"])
    page = auditor.get(reverse("role-review")).content.decode()
    assert "nypolis" in page
    asked, approved = people["samordnare"].get_full_name(), people["polis-ba"].get_full_name()
    assert f"begärd av {asked}, godkänd av {approved}" in page
    csv = b"".join(auditor.get(reverse("role-review"), {"format": "csv"}).streaming_content)
    assert "Polisen;nypolis" in csv.decode("utf-8-sig")
    assert AccessEvent.objects.filter(
        username="dataskydd", object_type="umebra.membership", reason="role review (csv)"
    ).exists()


def test_an_operation_opens_to_an_approved_officer_only(people, org):
    """The same rule seen from the access layer: a request is no membership."""
    operation = OperationFactory(name="Norrsken", lead=org["Polisen"])
    officer = UserFactory(username="nypolis")
    request = services.membership_create(
        actor=actor(people["admin"]), user=officer, organisation=org["Polisen"], role=Role.POLICE
    )
    assert not access.restrict(officer, Operation.objects.filter(pk=operation.pk)).exists()
    services.membership_approve(actor=actor(people["polis-ba"]), membership=request)
    fresh = type(officer).objects.get(pk=officer.pk)
    assert access.restrict(fresh, Operation.objects.filter(pk=operation.pk)).exists()


def test_giving_approving_ending_and_appointing_ask_for_the_password_again(people, org):
    from umebra.reauth import SESSION_KEY

    request = police_asked_for(people, org, UserFactory(username="nypolis"))
    client = log_in(Client(), people["polis-ba"])
    session = client.session
    session[SESSION_KEY] = 0  # the password was last checked long ago
    session.save()
    page = reverse("organisation-detail", args=[org["Polisen"].pk])
    for url in [
        reverse("membership-approve", args=[request.pk]),
        reverse("member-administrator-appoint", args=[people["polis"].memberships.get().pk]),
        reverse("membership-end", args=[people["polis"].memberships.get().pk]),
        reverse("membership-create", args=[org["Polisen"].pk]),
    ]:
        response = client.post(url, HTTP_REFERER=f"http://testserver{page}")
        assert response.url.startswith(reverse("password-confirm"))
    request.refresh_from_db()
    assert request.status == "requested"
    assert not people["polis"].memberships.get().administers_members
    assert people["polis"].memberships.get().ended_at is None


def test_the_auditor_reads_the_steps_in_words(people, org):
    request = police_asked_for(people, org, UserFactory(username="nypolis"))
    services.membership_approve(actor=actor(people["polis-ba"]), membership=request)
    page = log_in(Client(), people["dataskydd"]).get(
        reverse("audit:event-list"), {"object_type": "umebra.membership"}
    )
    text = page.content.decode()
    assert "medlemskap begärt" in text and "medlemskap godkänt" in text


def test_the_administrator_alone_cannot_make_a_member_administrator_to_give_roles(
    admin_client, people, org
):
    """Routes testers found: the administrator gives a new account the partner role, or
    sets the password of a politician's account (one factor: it is then theirs), appoints it
    member administrator of an organisation without one, and through it gives any role. A
    member administrator holds a role that reaches personal data: two factors, and a role
    two people gave."""
    puppet = UserFactory(username="mole")
    given = services.membership_create(
        actor=actor(people["admin"]), user=puppet, organisation=org["Umebrå"], role=Role.PARTNER
    )
    politician = member(Role.POLITICIAN, org["Umebrå"], username="politiker")
    politician.last_login = "2026-11-30T09:00:00Z"
    politician.save()
    response = admin_client.post(
        reverse("admin:auth_user_password_change", args=[politician.pk]),
        {"password1": "Övertagen-2026!", "password2": "Övertagen-2026!",
         "usable_password": "true"},
    )  # fmt: skip
    assert response.status_code == 302
    assert AccessAlert.objects.get(user=politician).description.startswith("Lösenordet för")
    for membership in (given, politician.memberships.get()):
        with pytest.raises(PermissionDenied):
            services.member_administrator_appoint(
                actor=actor(people["admin"]), membership=membership
            )
    # A member in a role that reaches personal data, the administrator may ask to appoint.
    asked = services.member_administrator_appoint(
        actor=actor(people["admin"]), membership=people["samordnare"].memberships.get()
    )
    assert asked.awaits_appointment


@pytest.fixture
def admin_client(people):
    return log_in(Client(), people["admin"])


def test_the_first_members_of_an_organisation_without_a_member_administrator(people, org):
    """Someone asks, and an administrator other than the one who asked approves."""
    leisure = OrganisationFactory(name="Fritid")
    asked_by_coordinator = services.membership_create(
        actor=actor(people["samordnare"]), user=UserFactory(), organisation=leisure,
        role=Role.SOCIAL_WORKER,
    )  # fmt: skip
    asked_by_admin = services.membership_create(
        actor=actor(people["admin"]), user=UserFactory(), organisation=leisure,
        role=Role.SOCIAL_WORKER,
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.membership_approve(actor=actor(people["admin"]), membership=asked_by_admin)
    services.membership_approve(actor=actor(people["admin"]), membership=asked_by_coordinator)
    services.membership_approve(actor=actor(people["admin2"]), membership=asked_by_admin)
    # Once it has a member administrator, they approve its requests, not the administrator.
    for administrator in ("admin2", "admin"):
        services.member_administrator_appoint(
            actor=actor(people[administrator]), membership=asked_by_coordinator
        )
    later = services.membership_create(
        actor=actor(people["samordnare"]), user=UserFactory(), organisation=leisure,
        role=Role.SCHOOL_STAFF,
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.membership_approve(actor=actor(people["admin2"]), membership=later)


def test_an_organisation_does_not_change_its_kind_under_its_members(client, people, org):
    """A coordinator set Umebrå to the kind "police", gave a police role there, and set it
    back: the kind must fit every role its members hold or wait for."""
    coordinator = log_in(Client(), people["samordnare"])
    url = reverse("organisation-update", args=[org["Umebrå"].pk])
    response = coordinator.post(url, {"name": "Umebrå", "kind": "police"})
    assert response.status_code == 400
    assert "Samordnare" in response.content.decode()
    org["Umebrå"].refresh_from_db()
    assert org["Umebrå"].kind == "municipal_unit"
    # Nor does it become part of what is part of it.
    coordinator.post(url, {"name": "Umebrå", "kind": "municipal_unit",
                           "parent": org["Kommunen"].pk})  # fmt: skip
    response = coordinator.post(
        reverse("organisation-update", args=[org["Kommunen"].pk]),
        {"name": "Kommunen", "kind": "municipal_unit", "parent": org["Umebrå"].pk},
    )
    assert response.status_code == 400
    changes = AccessEvent.objects.filter(object_type="umebra.organisation", action="change")
    assert list(changes.values_list("username", "reason")) == [
        ("samordnare", "organisation changed")
    ]


# who × dismisses which member administrator → allowed
DISMISSALS = [
    ("admin", "polis-ba", False),  # an organisation names and dismisses its own
    ("samordnare", "polis-ba", False),
    ("polis", "polis-ba", False),
    ("skol-ba", "polis-ba", False),
    ("second-ba", "polis-ba", True),
]


@pytest.mark.parametrize(("who", "whom", "allowed"), DISMISSALS)
def test_who_dismisses_a_member_administrator(people, org, who, whom, allowed):
    people["second-ba"] = member(Role.POLICE, org["Polisen"], username="second-ba")
    second = people["second-ba"].memberships.get()
    services.member_administrator_appoint(actor=actor(people["polis-ba"]), membership=second)
    target = people[whom].memberships.get()
    step = services.member_administrator_dismiss
    assert permitted(step, actor=actor(people[who]), membership=target) is allowed


# who × ends whose membership → allowed (nobody ends their own: see above)
ENDINGS = [
    ("samordnare", "fastighet", True),  # a partner role, which coordinators give
    ("samordnare", "polis", False),  # police roles are Polisen's to end
    ("samordnare", "dataskydd", False),
    ("polis-ba", "polis", True),
    ("polis-ba", "skol-ba", False),
    ("admin", "polis", True),  # staff who leave are let go by the administrator
    ("admin", "dataskydd", True),  # asked for: a second administrator confirms (below)
    ("polis", "polis-ba", False),
    ("kommun-ba", "dataskydd", False),  # the oversight roles: an administrator's to end
]


@pytest.mark.parametrize(("who", "whose", "allowed"), ENDINGS)
def test_who_ends_a_membership(people, who, whose, allowed):
    membership = people[whose].memberships.get()
    assert permitted(services.membership_end, actor=actor(people[who]), membership=membership) is (
        allowed
    )


def test_an_ended_membership_gives_nothing_from_that_moment(client, people, org):
    operation = OperationFactory(name="Norrsken", lead=org["Polisen"])
    officer = log_in(Client(), people["polis"])
    assert officer.get(operation.get_absolute_url()).status_code == 200
    log_in(Client(), people["polis-ba"]).post(
        reverse("membership-end", args=[people["polis"].memberships.get().pk])
    )
    assert officer.get(operation.get_absolute_url()).status_code == 404


def test_the_auditor_is_alerted_when_a_member_administrators_role_ends(people):
    services.membership_end(
        actor=actor(people["admin"]), membership=people["polis-ba"].memberships.get()
    )
    assert AccessAlert.objects.get(user=people["polis-ba"]).description.startswith(
        "Roll avslutad: Polis"
    )


def test_the_organisation_page_shows_what_waits_for_a_second_administrator(people, org):
    auditor = people["dataskydd"].memberships.get()
    page = reverse("organisation-detail", args=[org["Kommunen"].pk])
    first = log_in(Client(), people["admin"])
    first.post(reverse("membership-end", args=[auditor.pk]), HTTP_REFERER=page)
    mine = first.get(page).content.decode()
    assert "Avslut begärt av" in mine and "väntar på en andra administratör" in mine
    assert "Bekräfta avslutet" not in mine
    theirs = log_in(Client(), people["admin2"]).get(page).content.decode()
    assert "Bekräfta avslutet" in theirs


def test_setting_the_password_of_a_role_holder_not_yet_logged_in_alerts_too(admin_client, people):
    officer = people["polis"]
    assert officer.last_login is None
    admin_client.post(
        reverse("admin:auth_user_password_change", args=[officer.pk]),
        {"password1": "Övertagen-2026!", "password2": "Övertagen-2026!",
         "usable_password": "true"},
    )  # fmt: skip
    assert AccessAlert.objects.filter(user=officer, description__startswith="Lösenordet").exists()

"""Every URL of the project × every role and persona, anonymous included: the answer each
must get to a GET and, where the URL takes a form, to a POST.

The expectations are written out here, from docs/rules.md, and never imported
from the code under test: a role added to one of a policy's sets in the code makes a row
fail. The URL patterns are read from the URL conf, so a new URL without a row here fails
``test_every_url_has_a_row``. Besides one holder of each role, with no part in anything,
personas with a part prove the allowed side: the case's owner and a grantee, the police
that lead the operation, the agency that inspected, a member administrator. Each persona
answers as its role does unless a row says otherwise. Django admin pages are checked per
registered model below.

A form URL is sent an empty POST: those let in get the form back with its errors (400) or,
for a small form posted from another page, a redirect; those refused get what a GET gets.
"""

import datetime
import uuid

import pytest
from django.contrib import admin
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from cases.services import emergency, los, sig
from collaboration.models import Area
from collaboration.services import agreements, cycle, funds, groups, indicators, observations
from collaboration.services.efforts import effort_create
from reports.models import ReportFile, ReportRun
from tests.factories import (
    CaseFactory,
    MunicipalityFactory,
    OrganisationFactory,
    TargetFactory,
    UserFactory,
    log_in,
    member,
    umea,
)
from umebra import access
from umebra.access import SYSTEM
from umebra.audit.models import AccessAlert, AccessEvent, AuditSample, SampleItem
from umebra.audit.services import event_record
from umebra.jobs import JobStatus
from umebra.models import OrganisationKind
from umebra.roles import Role
from umebra.services import member_administrator_appoint, membership_create
from umebra.submissions import FIELD

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
# Personas with a part in the world's objects, and the role each holds.
OWNER = "owner of the case"
GRANTEE = "granted the case"
PARTY = "police leading the operation"
INSPECTOR = "inspecting agency"
MEMBER_ADMIN = "member administrator"
PERSONAS = {
    OWNER: Role.SOCIAL_WORKER,
    GRANTEE: Role.SCHOOL_STAFF,
    PARTY: Role.POLICE,
    INSPECTOR: Role.AGENCY_INSPECTOR,
    MEMBER_ADMIN: Role.SCHOOL_STAFF,
}
EVERYONE = [ANONYMOUS, *Role, *PERSONAS]

# Who may do what, from docs/rules.md, roles (written out: never taken from the policies).
AUDITOR = {Role.AUDITOR}
COORDINATOR = {Role.COORDINATOR}
SOCIAL_WORKER = {Role.SOCIAL_WORKER}
# Parties to efforts, observations, agreements and groups (the coordinator keeps them).
TAKING_PART = {
    Role.SOCIAL_WORKER, Role.SCHOOL_STAFF, Role.POLICE, Role.AGENCY_INSPECTOR, Role.PARTNER
}  # fmt: skip
EFFORT_VIEWERS = COORDINATOR | TAKING_PART
REPORTERS = COORDINATOR | TAKING_PART
UNDERTAKING_VIEWERS = {Role.COORDINATOR, Role.POLITICIAN} | TAKING_PART
# Who keeps organisations and areas.
KEEPERS = {Role.COORDINATOR, Role.ADMIN}
# Who sees everyone's roles: for the access review and to hand roles out.
ROLE_REVIEWERS = {Role.ADMIN, Role.AUDITOR, Role.COORDINATOR}
FUND_VIEWERS = {Role.COORDINATOR, Role.POLITICIAN}
# Who reads readers' accessibility reports: those who answer for the service.
ACCESSIBILITY_READERS = {Role.COORDINATOR, Role.ADMIN}
REPORT_READERS = {Role.COORDINATOR, Role.POLITICIAN, Role.AUDITOR}
# Länsstyrelsen's county coordinator: reads and asks for the regional reports alone.
COUNTY = Role.COUNTY_COORDINATOR
# Roles that own or may be granted a SIG case; nobody else ever sees one.
CASE_WORKERS = {Role.SOCIAL_WORKER, Role.SCHOOL_STAFF, Role.POLICE, Role.COORDINATOR}
# Roles that work LOS operations; politicians and partners see nothing of one.
LOS_WORKERS = {Role.COORDINATOR, Role.POLICE, Role.AGENCY_INSPECTOR}
# Who may start an operation.
OPERATION_LEADS = {Role.COORDINATOR, Role.POLICE}


def only(roles, allowed: int, refused: int, anonymous: int = 302, personas=None) -> dict:
    """Expected answers: ``allowed`` for ``roles``, ``refused`` for other roles; a persona
    as its role, unless ``personas`` names it."""
    answers = {ANONYMOUS: anonymous} | {r: allowed if r in roles else refused for r in Role}
    personas = personas or {}
    return answers | {p: personas.get(p, answers[role]) for p, role in PERSONAS.items()}


def every_role(status: int, anonymous: int = 302) -> dict:
    return only(set(Role), status, status, anonymous)


def get(expected: dict, build=None) -> tuple:
    return (build, {"get": expected})


def form(roles, build=None, refused: int = 403, personas=None) -> tuple:
    """A page with a form: 200 to GET and 400 to an empty POST for ``roles`` and the
    ``personas`` named with 200."""
    personas = personas or {}
    return (
        build,
        {
            "get": only(roles, 200, refused, personas=personas),
            "post": only(
                roles,
                400,
                refused,
                personas={p: 400 if s == 200 else s for p, s in personas.items()},
            ),
        },
    )


def post(expected: dict, build=None) -> tuple:
    return (build, {"post": expected})


def pk_of(key: str, kwarg: str = "pk", **data):
    """Build a row's URL arguments (and data) from the object ``key`` of the world."""
    return lambda world: ({kwarg: world[key].pk}, data)


# name: (how to build URL kwargs and data from the world, {method: expected answers})
ROWS = {
    "home": get(every_role(200)),
    "login": (
        None,
        {"get": every_role(302, anonymous=200), "post": every_role(302, anonymous=200)},
    ),
    "logout": post(every_role(302)),
    # Single sign-on, in an installation without an identity provider (tests/sso has them):
    # its pages are not there, and the refusal page refuses, whoever asks.
    "sso-refused": get(every_role(403, anonymous=403)),
    "oidc_authentication_init": get(every_role(404, anonymous=404)),
    "oidc_authentication_callback": get(every_role(404, anonymous=404)),
    "saml2_login": get(every_role(404, anonymous=404)),
    "saml2_acs": post(every_role(404, anonymous=404)),
    "saml2_ls": get(every_role(404, anonymous=404)),
    "saml2_ls_post": post(every_role(404, anonymous=404)),
    "saml2_metadata": get(every_role(404, anonymous=404)),
    "two-factor-verify": (None, {"get": every_role(200), "post": every_role(200)}),
    "two-factor-enrol": (None, {"get": every_role(200), "post": every_role(200)}),
    "two-factor-backup-codes": (None, {"get": every_role(200), "post": every_role(302)}),
    "password-confirm": (None, {"get": every_role(200), "post": every_role(400)}),
    # One's own choice of e-mail: an empty POST is a valid choice (none), saved.
    "mail-preferences": (None, {"get": every_role(200), "post": every_role(302)}),
    "worker-ping": post(only({Role.ADMIN}, 302, 403)),
    "healthz": get(every_role(200, anonymous=200)),
    "set_language": post(every_role(302, anonymous=302), lambda w: ({}, {"language": "en"})),
    "collaboration:effort-list": get(only(EFFORT_VIEWERS, 200, 403)),
    "collaboration:effort-create": form(COORDINATOR),
    # The effort's organisations are "someone" and its police, whom every persona acts for.
    "collaboration:effort-detail": get(
        only(COORDINATOR, 200, 404, personas=dict.fromkeys(PERSONAS, 200)), pk_of("effort")
    ),
    "collaboration:effort-update": form(COORDINATOR, pk_of("effort"), refused=404),
    "collaboration:effort-export": get(
        only(EFFORT_VIEWERS, 200, 403), lambda w: ({"file_format": "csv"}, {})
    ),
    "collaboration:observation-list": get(only(REPORTERS, 200, 403)),
    "collaboration:observation-create": form(REPORTERS),
    "collaboration:public-promises": get(every_role(200, anonymous=200)),
    "collaboration:open-data": get(every_role(200, anonymous=200)),
    "collaboration:open-data-json": get(every_role(200, anonymous=200)),
    "collaboration:open-data-csv": get(
        every_role(200, anonymous=200), lambda w: ({"table": "follow-ups"}, {})
    ),
    # A municipality's public pages, Umeå's here: for anyone, logged in or not.
    "collaboration:municipality-promises": get(
        every_role(200, anonymous=200), lambda w: ({"slug": "umea"}, {})
    ),
    "collaboration:municipality-open-data-json": get(
        every_role(200, anonymous=200), lambda w: ({"slug": "umea"}, {})
    ),
    "collaboration:municipality-open-data-csv": get(
        every_role(200, anonymous=200), lambda w: ({"slug": "umea", "table": "follow-ups"}, {})
    ),
    "collaboration:agreement-list": get(only(UNDERTAKING_VIEWERS, 200, 403)),
    "collaboration:agreement-create": form(COORDINATOR),
    # The agreement is between the municipality ("someone") and its police.
    "collaboration:agreement-detail": get(
        only({Role.COORDINATOR, Role.POLICE, Role.POLITICIAN}, 200, 404), pk_of("agreement")
    ),
    "collaboration:agreement-update": form(COORDINATOR, pk_of("agreement"), refused=404),
    "collaboration:undertaking-create": form(COORDINATOR),
    # The promise's parties are "someone" and its police: every persona is of one of them.
    "collaboration:undertaking-detail": get(
        only(
            {Role.COORDINATOR, Role.POLITICIAN},
            200,
            404,
            personas=dict.fromkeys(PERSONAS, 200),
        ),
        pk_of("promise"),
    ),
    **{
        name: form(COORDINATOR, pk_of("promise"), refused=404)
        for name in (
            "collaboration:undertaking-update",
            "collaboration:activity-create",
            "collaboration:target-create",
            "collaboration:follow-up-create",
            "collaboration:feedback-create",
        )
    },
    "collaboration:activity-update": form(COORDINATOR, pk_of("activity"), refused=404),
    # Corrections and publishing follow the promise's change rule: its coordinator only; the
    # parties who see the follow-up, the politicians and the reporters get 404.
    "collaboration:follow-up-update": form(COORDINATOR, pk_of("follow_up"), refused=404),
    "collaboration:follow-up-preview": get(only(COORDINATOR, 200, 404), pk_of("follow_up")),
    "collaboration:follow-up-publish": post(only(COORDINATOR, 302, 404), pk_of("follow_up")),
    # So does a promise's own publication, after its preview.
    "collaboration:undertaking-preview": get(only(COORDINATOR, 200, 404), pk_of("promise")),
    "collaboration:undertaking-publish": post(only(COORDINATOR, 302, 404), pk_of("promise")),
    "collaboration:undertaking-withdraw": post(only(COORDINATOR, 302, 404), pk_of("promise")),
    "collaboration:observation-update": form(COORDINATOR, pk_of("observation"), refused=404),
    "collaboration:indicator-value-update": form(
        COORDINATOR, pk_of("indicator_value"), refused=404
    ),
    "collaboration:group-list": get(only(UNDERTAKING_VIEWERS, 200, 403)),
    "collaboration:group-create": form(COORDINATOR),
    "collaboration:group-detail": get(
        only(
            {Role.COORDINATOR, Role.POLITICIAN},
            200,
            404,
            personas=dict.fromkeys(PERSONAS, 200),
        ),
        pk_of("group"),
    ),
    "collaboration:group-update": form(COORDINATOR, pk_of("group"), refused=404),
    "collaboration:meeting-create": form(COORDINATOR, pk_of("group", "group_pk"), refused=404),
    "collaboration:meeting-update": form(COORDINATOR, pk_of("meeting"), refused=404),
    "collaboration:decision-create": form(COORDINATOR, pk_of("meeting"), refused=404),
    "collaboration:decision-done": post(only(COORDINATOR, 302, 404), pk_of("decision", done="1")),
    "organisation-list": get(every_role(200)),
    "organisation-create": form(KEEPERS),
    "organisation-detail": get(every_role(200), pk_of("someone")),
    "organisation-update": form(KEEPERS, pk_of("someone"), refused=404),
    # Coordinators and administrators ask for roles; the organisation's member administrator
    # gives them.
    "membership-create": form(KEEPERS, pk_of("someone"), personas={MEMBER_ADMIN: 200}),
    # Another member's partner role: those who hand roles out in the organisation end it.
    "membership-end": post(
        only(KEEPERS, 302, 404, personas={MEMBER_ADMIN: 302}), pk_of("membership")
    ),
    # A social worker's role asked for by a coordinator: only the organisation's member
    # administrator approves it; the one who asked may withdraw it.
    "membership-approve": post(
        only(set(), 302, 404, personas={MEMBER_ADMIN: 302}), pk_of("request")
    ),
    "membership-refuse": post(
        only(set(), 302, 404, personas={MEMBER_ADMIN: 302}), pk_of("request")
    ),
    # The organisation has a member administrator, who appoints the next; the system
    # administrator appoints only an organisation's first.
    "member-administrator-appoint": post(
        only(set(), 302, 404, personas={MEMBER_ADMIN: 302}), pk_of("appointee")
    ),
    # An organisation's member administrators dismiss one another; nobody else does.
    "member-administrator-dismiss": post(
        only(set(), 302, 404, personas={MEMBER_ADMIN: 302}), pk_of("second_administrator")
    ),
    "role-review": get(only(ROLE_REVIEWERS, 200, 403)),
    # The law makes the statement public, and anyone may report a problem from it.
    "accessibility-statement": (
        None,
        {"get": every_role(200, anonymous=200), "post": every_role(400, anonymous=400)},
    ),
    "accessibility-report-list": get(only(ACCESSIBILITY_READERS, 200, 403)),
    "collaboration:area-list": get(every_role(200)),
    "collaboration:area-create": form(KEEPERS),
    "collaboration:area-update": form(KEEPERS, pk_of("area"), refused=404),
    "collaboration:indicator-list": get(every_role(200)),
    "collaboration:indicator-create": form(COORDINATOR),
    "collaboration:indicator-import": form(COORDINATOR),
    "collaboration:indicator-detail": get(every_role(200), pk_of("indicator")),
    "collaboration:cycle-overview": get(every_role(200)),
    "collaboration:picture-create": form(COORDINATOR),
    "collaboration:plan-create": form(COORDINATOR),
    "collaboration:fund-list": get(only(FUND_VIEWERS, 200, 403)),
    "collaboration:fund-create": form(COORDINATOR),
    "collaboration:fund-detail": get(only(FUND_VIEWERS, 200, 404), pk_of("fund")),
    # The applicant is "someone": its people follow their application.
    "collaboration:application-detail": get(
        only(FUND_VIEWERS, 200, 404, personas={p: 200 for p in PERSONAS if p != PARTY}),
        pk_of("application"),
    ),
    "collaboration:picture-transition": post(
        only(COORDINATOR, 302, 404), pk_of("picture", status="review")
    ),
    "collaboration:plan-transition": post(
        only(COORDINATOR, 302, 404), pk_of("plan", status="review")
    ),
    "collaboration:application-transition": post(
        only(COORDINATOR, 302, 404),
        pk_of("application", status="supplement_requested", note="x"),
    ),
    # Drafts, and every form that changes something of the law's cycle: the coordinator's.
    **{
        f"collaboration:{name}": form(COORDINATOR, pk_of(key, kwarg), refused=404)
        for name, key, kwarg in [
            ("indicator-update", "indicator", "pk"),
            ("indicator-value-create", "indicator", "pk"),
            ("picture-update", "picture", "pk"),
            ("problem-create", "picture", "pk"),
            ("plan-update", "plan", "pk"),
            ("row-create", "plan", "plan_pk"),
            ("row-update", "row", "pk"),
            ("fund-update", "fund", "pk"),
            ("application-create", "fund", "fund_pk"),
            ("application-update", "application", "pk"),
            ("budget-line-create", "application", "pk"),
            ("spending-create", "application", "pk"),
        ]
    },
    "collaboration:picture-detail": get(only(COORDINATOR, 200, 404), pk_of("picture")),
    "collaboration:plan-detail": get(only(COORDINATOR, 200, 404), pk_of("plan")),
    "cases:case-list": get(only(CASE_WORKERS, 200, 403)),
    "cases:case-open": form(SOCIAL_WORKER),
    # The case is owned by one social worker and granted to one counsellor; nobody else,
    # whatever their role, sees it.
    "cases:case-detail": get(
        only(set(), 200, 404, personas={OWNER: 200, GRANTEE: 200}), pk_of("case")
    ),
    "cases:consent-create": form(set(), pk_of("case"), refused=404, personas={OWNER: 200}),
    "cases:action-create": form(set(), pk_of("case"), refused=404, personas={OWNER: 200}),
    # Whoever is on the case records what they pass on, and on what ground.
    "cases:disclosure-create": form(
        set(), pk_of("case"), refused=404, personas={OWNER: 200, GRANTEE: 200}
    ),
    "cases:consent-form-pdf": post(only(set(), 200, 404, personas={OWNER: 400}), pk_of("case")),
    # Asked for by POST (the number never in a URL): an empty one is refused, and explained.
    "cases:register-extract": form(AUDITOR),
    "cases:emergency-open": form(SOCIAL_WORKER),
    "cases:emergency-list": get(only({Role.AUDITOR, Role.SOCIAL_WORKER}, 200, 403)),
    "cases:emergency-review": post(
        only(AUDITOR, 302, 404), pk_of("emergency", outcome="justified")
    ),
    "cases:case-status": post(
        only(set(), 302, 404, personas={OWNER: 302}), pk_of("case", status="awaiting_consent")
    ),
    "cases:consent-revoke": post(
        only(set(), 302, 404, personas={OWNER: 302}), pk_of("consent", reason="x")
    ),
    "cases:grant-create": post(only(set(), 302, 404, personas={OWNER: 302}), pk_of("case")),
    "cases:grant-withdraw": post(
        only(set(), 302, 404, personas={OWNER: 302}),
        lambda w: ({"pk": w["case"].pk, "user_pk": w[GRANTEE].pk}, {}),
    ),
    "cases:note-create": post(
        only(set(), 302, 404, personas={OWNER: 302, GRANTEE: 302}),
        pk_of("case", visibility="case", text="x"),
    ),
    "cases:operation-list": get(only(LOS_WORKERS, 200, 403)),
    "cases:operation-create": form(OPERATION_LEADS),
    # The operation is led by the police persona's organisation, with the inspecting agency
    # as a party; of the other role holders only coordinators see it, and only the lead's
    # people change it.
    "cases:operation-detail": get(
        only(COORDINATOR, 200, 404, personas={PARTY: 200, INSPECTOR: 200}), pk_of("operation")
    ),
    "cases:operation-update": form(set(), pk_of("operation"), refused=404, personas={PARTY: 200}),
    "cases:operation-status": post(
        only(set(), 302, 404, personas={PARTY: 302}), pk_of("operation", status="active")
    ),
    "cases:target-create": form(set(), pk_of("operation"), refused=404, personas={PARTY: 200}),
    # Coordinators see the target but do not inspect; the police and the agency do.
    "cases:inspection-create": (
        pk_of("target"),
        {
            "get": only(COORDINATOR, 403, 404, personas={PARTY: 200, INSPECTOR: 200}),
            "post": only(COORDINATOR, 403, 404, personas={PARTY: 400, INSPECTOR: 400}),
        },
    ),
    # The inspection is the agency's: only it records what came of it.
    "cases:measure-create": form(
        set(), pk_of("inspection"), refused=404, personas={INSPECTOR: 200}
    ),
    "cases:intelligence-create": post(
        only(COORDINATOR, 403, 404, personas={PARTY: 302, INSPECTOR: 403}),
        pk_of("operation", text="x"),
    ),
    # A search is posted (the person searched for kept out of the URL) and shown by GET.
    "audit:event-list": (None, {"get": only(AUDITOR, 200, 403), "post": only(AUDITOR, 302, 403)}),
    "audit:event-detail": get(only(AUDITOR, 200, 404), pk_of("event")),
    "audit:sample-list": get(only(AUDITOR, 200, 403)),
    # A month is drawn once it has ended: the one before last (last month's is drawn).
    "audit:sample-draw": post(
        only(AUDITOR, 302, 403),
        lambda w: (
            {},
            {"month": (w["sample"].month - datetime.timedelta(days=1)).strftime("%Y-%m")},
        ),
    ),
    "audit:sample-detail": get(only(AUDITOR, 200, 404), pk_of("sample")),
    "audit:sample-item-review": post(only(AUDITOR, 302, 404), pk_of("item", outcome="justified")),
    "audit:alert-list": get(only(AUDITOR, 200, 403)),
    "audit:alert-review": post(only(AUDITOR, 302, 404), pk_of("alert", outcome="justified")),
    "reports:report-list": get(only(REPORT_READERS | {COUNTY}, 200, 403)),
    "reports:report-request": post(
        only(COORDINATOR, 302, 403) | {COUNTY: 400},  # a kind the county is not offered
        lambda w: ({}, {"kind": "quarterly", "year": 2025, "quarter": 1}),
    ),
    "reports:report-detail": get(only(REPORT_READERS, 200, 404), pk_of("report")),
    "reports:report-retry": post(
        only(COORDINATOR, 302, 403) | {COUNTY: 404}, pk_of("failed_report")
    ),
    "reports:cycle": get(only(REPORT_READERS | {COUNTY}, 200, 403)),
    "reports:report-download": get(only(REPORT_READERS, 200, 404), pk_of("report")),
    "reports:report-verify": (
        None,
        {"get": every_role(200, anonymous=200), "post": every_role(400, anonymous=400)},
    ),
}


def url_names(patterns=None, namespace=""):
    """Every named URL pattern of the project, with its namespace."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_has_a_row():
    project_urls = {name for name in url_names() if not name.startswith("admin:")}
    assert project_urls - set(ROWS) == set(), "add a row to ROWS for each new URL"
    assert set(ROWS) - project_urls == set(), "a row names a URL that no longer exists"


@pytest.fixture
def world():
    """One object of each kind the URLs need, and the personas with a part in them: every
    object belongs to one organisation ("someone") or its police ("the police") that no
    plain role holder acts for."""
    event = event_record(
        actor=access.actor_for(UserFactory()),
        action="view",
        object_type="umebra.user",
        municipality_ids=[umea().pk],
    )
    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    sample = AuditSample.objects.create(municipality=umea(), month=last_month.replace(day=1))
    item = SampleItem.objects.create(sample=sample, event=AccessEvent.objects.get(pk=event.pk))
    now = timezone.now()
    alert = AccessAlert.objects.create(user=event.user, window_start=now, window_end=now, reads=40)
    alert.municipalities.add(umea())
    someone = OrganisationFactory(name="Någon annan")
    the_police = OrganisationFactory(name="Polisen någonstans", kind=OrganisationKind.POLICE)
    effort = effort_create(
        actor=access.actor_for(member(Role.COORDINATOR)),
        date=timezone.localdate(),
        kind="dialogue",
        description="Dialogmöte",
        areas=[Area.objects.create(municipality=umea(), name="Haga", slug="haga", population=5400)],
        organisations=[someone, the_police],
    )
    agreement = agreements.agreement_create(
        actor=SYSTEM, title="Överenskommelse", municipal_party=someone, police=the_police,
        valid_from=timezone.localdate(), valid_to=timezone.localdate(), focus="Trygghet",
    )  # fmt: skip
    promise = agreements.undertaking_create(
        actor=SYSTEM, kind="citizen_promise", title="Löfte", problem="Problem", agreement=agreement,
        valid_from=timezone.localdate(), valid_to=timezone.localdate(),
        areas=[], parties=[someone, the_police],
    )  # fmt: skip
    activity = agreements.activity_create(
        actor=SYSTEM,
        undertaking=promise,
        description="Göra",
        responsible=someone,
        due=timezone.localdate(),
    )
    council = groups.group_create(
        actor=SYSTEM, name="Rådet", level="strategic", mandate="Prioritera", owner=someone,
        cadence="quarterly", members=[someone, the_police], areas=[],
    )  # fmt: skip
    meeting = groups.meeting_create(
        actor=SYSTEM, group=council, date=timezone.localdate(), agenda="1. Läget"
    )
    decision = groups.decision_create(actor=SYSTEM, meeting=meeting, text="Göra", owner=someone)
    staff = member(Role.PARTNER, someone)
    follow_up = agreements.follow_up_create(
        actor=SYSTEM, undertaking=promise, year=2026, quarter=1, status="on_track", values={}
    )
    observation = observations.observation_create(
        actor=access.actor_for(staff), area=effort.areas.get(), place="Bron",
        occurred_at=timezone.now(), kind="graffiti",
    )  # fmt: skip
    indicator = indicators.indicator_create(
        actor=SYSTEM,
        name="Skadegörelse",
        unit="st",
        source="police_statistics",
        frequency="monthly",
    )
    indicator_value = indicators.indicator_value_record(
        actor=SYSTEM, indicator=indicator, area=None, period=datetime.date(2026, 1, 1), value=3
    )
    picture = cycle.picture_create(
        actor=SYSTEM, title="Utkast", mapping="m", analysis="a", sources="s"
    )
    plan = cycle.plan_create(actor=SYSTEM, title="Plan", picture=picture)
    row = cycle.row_create(
        actor=SYSTEM, plan=plan, cause="c", measure="m", goal="g", when="w", responsible=someone,
        follow_up="f",
    )  # fmt: skip
    fund = funds.fund_create(actor=SYSTEM, name="Anslaget", year=2026, amount=1000)
    application = funds.application_create(
        actor=SYSTEM,
        fund=fund,
        applicant=someone,
        title="Ansökan",
        problem="p",
        measure="m",
        goals="g",
        evaluation="e",
        amount_requested=100,
    )
    owner = member(Role.SOCIAL_WORKER, someone)
    case = CaseFactory(
        owner=owner, name="Alva", area=effort.areas.get(), consent_covering=[someone]
    )
    consent = case.consents.get()
    grantee = member(Role.SCHOOL_STAFF, someone)
    sig.grant_give(actor=access.actor_for(owner), case=case, user=grantee)
    police = member(Role.POLICE, the_police)
    target = TargetFactory(name="Krogen", operation__lead=the_police, operation__parties=[someone])
    operation = target.operation
    inspector = member(Role.AGENCY_INSPECTOR, someone)
    inspection = los.inspection_create(
        actor=access.actor_for(inspector), target=target, kind="food", findings="f"
    )
    emergency_access = emergency.emergency_access_open(
        actor=access.actor_for(member(Role.SOCIAL_WORKER, someone)), case_id=case.pk, ground="Nöd",
        reason="Det brådskar och ägaren nås inte.",
    )  # fmt: skip
    administrator = member(Role.SCHOOL_STAFF, someone)
    member_administrator_appoint(actor=SYSTEM, membership=administrator.memberships.get())
    second = member(Role.SOCIAL_WORKER, someone)
    member_administrator_appoint(actor=SYSTEM, membership=second.memberships.get())
    appointee = member(Role.SCHOOL_STAFF, someone)
    request = membership_create(
        actor=access.actor_for(member(Role.COORDINATOR)), user=UserFactory(),
        organisation=someone, role=Role.SOCIAL_WORKER,
    )  # fmt: skip
    period = {"period_start": datetime.date(2025, 1, 1), "period_end": datetime.date(2025, 3, 31)}
    report = ReportRun.objects.create(
        municipality=umea(), kind="quarterly", status=JobStatus.DONE, **period
    )
    ReportFile.objects.create(run=report, data=b"%PDF-1.7 a report")
    failed = ReportRun.objects.create(
        municipality=umea(), kind="citizen_promises", status=JobStatus.FAILED, **period
    )
    return {
        OWNER: owner,
        GRANTEE: grantee,
        PARTY: police,
        INSPECTOR: inspector,
        MEMBER_ADMIN: administrator,
        "report": report,
        "failed_report": failed,
        "emergency": emergency_access,
        "operation": operation,
        "target": target,
        "inspection": inspection,
        "case": case,
        "consent": consent,
        "indicator": indicator,
        "picture": picture,
        "plan": plan,
        "row": row,
        "fund": fund,
        "application": application,
        "someone": someone,
        "membership": staff.memberships.get(),
        "request": request,
        "second_administrator": second.memberships.get(),
        "appointee": appointee.memberships.get(),
        "area": effort.areas.get(),
        "group": council,
        "meeting": meeting,
        "decision": decision,
        "event": event,
        "sample": sample,
        "item": item,
        "alert": alert,
        "effort": effort,
        "agreement": agreement,
        "promise": promise,
        "activity": activity,
        "follow_up": follow_up,
        "observation": observation,
        "indicator_value": indicator_value,
    }


def client_for(who, world=None) -> Client:
    """A client logged in (both factors) as a fresh holder of the role ``who``, or as the
    persona ``who`` of the world."""
    client = Client()
    if who in PERSONAS:
        log_in(client, world[who])
    elif who != ANONYMOUS:
        log_in(client, member(who, OrganisationFactory(kind=_KIND.get(who, _MUNICIPAL))))
    return client


_MUNICIPAL = OrganisationKind.MUNICIPAL_UNIT
_KIND = {Role.POLICE: OrganisationKind.POLICE, Role.AGENCY_INSPECTOR: OrganisationKind.STATE_AGENCY,
         Role.PARTNER: OrganisationKind.PROPERTY_OWNER,
         Role.COUNTY_COORDINATOR: OrganisationKind.COUNTY_BOARD}  # fmt: skip


def answer(client: Client, method: str, url: str, data: dict) -> int:
    """The status of one request, whose every write is then undone: every role and persona
    meets the same world. A POST carries the one-time token every form of ours sends."""
    if method == "post":
        data = {FIELD: str(uuid.uuid4())} | data
    with transaction.atomic():
        status = getattr(client, method)(url, data).status_code
        transaction.set_rollback(True)
    return status


@pytest.mark.parametrize("name", sorted(ROWS))
def test_url_answers_each_role_as_expected(name, world):
    build, expectations = ROWS[name]
    kwargs, data = build(world) if build else ({}, {})
    url = reverse(name, kwargs=kwargs)
    wrong = []
    for method, expected in expectations.items():
        for who in EVERYONE:
            status = answer(client_for(who, world), method, url, data)
            if status != expected[who]:
                wrong.append(f"{method.upper()} as {who}: {status}, expected {expected[who]}")
    assert wrong == []


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.label)
def test_admin_pages_open_only_to_administrators_with_the_model_permission(model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for who in [ANONYMOUS, *Role]:
        status = client_for(who).get(url).status_code
        if who == Role.ADMIN:
            user = member(Role.ADMIN)
            may = user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
            assert status == (200 if may else 403), model
        else:
            assert status == 302, (who, model)  # to the admin's login: not staff


# Rows whose object is the installation's, seen by every municipality's holders of the
# role (docs/architecture.md, Tenancy): readers' accessibility reports, which are about the
# installation's pages, whoever's data they show.
INSTALLATION_WIDE = {"accessibility-report-detail"}
ALLOWED = {200, 302, 400}


def _of_an_object(name: str, world) -> bool:
    build, _expectations = ROWS[name]
    return build is not None and any(isinstance(value, int) for value in build(world)[0].values())


def test_another_municipalitys_holder_of_each_role_gets_404_for_every_object(world):
    """A holder of each role in Vännäs, for every URL of one of Umeå's objects: what the
    role may open in Umeå answers 404 across the border; what it may not, as in Umeå or
    404 (the object is not found before the role is asked)."""
    vannas = MunicipalityFactory(name="Vännäs", slug="vannas", code="2460")
    neighbours = {
        role: member(role, OrganisationFactory(kind=_KIND.get(role, _MUNICIPAL),
                                               municipalities=[vannas]))
        for role in Role
    }  # fmt: skip
    wrong = []
    for name in sorted(ROWS):
        if name in INSTALLATION_WIDE or not _of_an_object(name, world):
            continue
        build, expectations = ROWS[name]
        kwargs, data = build(world)
        url = reverse(name, kwargs=kwargs)
        for method, expected in expectations.items():
            for role, neighbour in neighbours.items():
                client = log_in(Client(), neighbour)
                status = answer(client, method, url, data)
                across = {404} if expected[role] in ALLOWED else {expected[role], 404}
                if status not in across:
                    wrong.append(f"{name} {method.upper()} as {role}: {status}, not {across}")
    assert wrong == [], "\n".join(wrong)

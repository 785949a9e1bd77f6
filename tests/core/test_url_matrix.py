"""Every URL of the project × every role, anonymous included: the answer each must get.

The URL patterns are read from the URL conf, so a new URL without a row here fails
``test_every_url_has_a_row``. Django admin pages are checked per registered model below.
"""

import datetime

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from cases.policy import CASE_ROLES, LOS_ROLES
from cases.services import emergency, los, sig
from collaboration.models import Area
from collaboration.policy import REPORTERS, TAKING_PART
from collaboration.services import agreements, cycle, funds, groups, indicators
from collaboration.services.efforts import effort_create
from reports.models import ReportFile, ReportRun
from tests.factories import OrganisationFactory, UserFactory, log_in, member
from umebra import access
from umebra.audit.models import AccessAlert, AccessEvent, AuditSample, SampleItem
from umebra.audit.services import event_record
from umebra.jobs import JobStatus
from umebra.roles import Role

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
EVERYONE = [ANONYMOUS, *Role]


def only(roles, allowed: int, refused: int, anonymous: int = 302) -> dict:
    """Expected answers: ``allowed`` for ``roles``, ``refused`` for other roles."""
    return {ANONYMOUS: anonymous} | {role: allowed if role in roles else refused for role in Role}


def every_role(status: int, anonymous: int = 302) -> dict:
    return only(set(Role), status, status, anonymous)


def pk_of(key: str, kwarg: str = "pk"):
    """Build a row's URL arguments from the object ``key`` of the world fixture."""
    return lambda world: ({kwarg: world[key].pk}, {})


AUDITOR = {Role.AUDITOR}
COORDINATOR = {Role.COORDINATOR}
EFFORT_VIEWERS = {Role.COORDINATOR, *TAKING_PART}
UNDERTAKING_VIEWERS = {Role.COORDINATOR, Role.POLITICIAN, *TAKING_PART}
# Who keeps organisations, memberships and areas.
KEEPERS = {Role.COORDINATOR, Role.ADMIN}
FUND_VIEWERS = {Role.COORDINATOR, Role.POLITICIAN}
REPORT_READERS = {Role.COORDINATOR, Role.POLITICIAN, Role.AUDITOR}

# name: (method, how to build kwargs and data, expected answers)
ROWS = {
    "home": ("get", None, every_role(200)),
    "login": ("get", None, every_role(302, anonymous=200)),
    "logout": ("post", None, every_role(302)),
    "two-factor-verify": ("get", None, every_role(200)),
    "two-factor-enrol": ("get", None, every_role(200)),
    "two-factor-backup-codes": ("get", None, every_role(200)),
    "worker-ping": ("post", None, only({Role.ADMIN}, 302, 403)),
    "healthz": ("get", None, every_role(200, anonymous=200)),
    "set_language": ("post", lambda w: ({}, {"language": "en"}), every_role(302, anonymous=302)),
    "collaboration:effort-list": ("get", None, only(EFFORT_VIEWERS, 200, 403)),
    "collaboration:effort-create": ("get", None, only(COORDINATOR, 200, 403)),
    "collaboration:effort-detail": (
        "get",
        lambda w: ({"pk": w["effort"].pk}, {}),
        only(COORDINATOR, 200, 404),
    ),
    "collaboration:effort-update": (
        "get",
        lambda w: ({"pk": w["effort"].pk}, {}),
        only(COORDINATOR, 200, 404),
    ),
    "collaboration:effort-export": (
        "get",
        lambda w: ({"file_format": "csv"}, {}),
        only(EFFORT_VIEWERS, 200, 403),
    ),
    "collaboration:observation-list": ("get", None, only(REPORTERS, 200, 403)),
    "collaboration:observation-create": ("get", None, only(REPORTERS, 200, 403)),
    "collaboration:public-promises": ("get", None, every_role(200, anonymous=200)),
    "collaboration:agreement-list": ("get", None, only(UNDERTAKING_VIEWERS, 200, 403)),
    "collaboration:agreement-create": ("get", None, only(COORDINATOR, 200, 403)),
    "collaboration:agreement-detail": (
        "get",
        lambda w: ({"pk": w["agreement"].pk}, {}),
        only({Role.COORDINATOR, Role.POLICE, Role.POLITICIAN}, 200, 404),
    ),
    "collaboration:agreement-update": (
        "get",
        lambda w: ({"pk": w["agreement"].pk}, {}),
        only(COORDINATOR, 200, 404),
    ),
    "collaboration:undertaking-create": ("get", None, only(COORDINATOR, 200, 403)),
    "collaboration:undertaking-detail": (
        "get",
        lambda w: ({"pk": w["promise"].pk}, {}),
        only({Role.COORDINATOR, Role.POLITICIAN}, 200, 404),
    ),
    **{
        name: ("get", lambda w: ({"pk": w["promise"].pk}, {}), only(COORDINATOR, 200, 404))
        for name in (
            "collaboration:undertaking-update",
            "collaboration:activity-create",
            "collaboration:target-create",
            "collaboration:follow-up-create",
            "collaboration:feedback-create",
        )
    },
    "collaboration:activity-update": (
        "get",
        lambda w: ({"pk": w["activity"].pk}, {}),
        only(COORDINATOR, 200, 404),
    ),
    "collaboration:group-list": ("get", None, only(UNDERTAKING_VIEWERS, 200, 403)),
    "collaboration:group-create": ("get", None, only(COORDINATOR, 200, 403)),
    "collaboration:group-detail": (
        "get",
        lambda w: ({"pk": w["group"].pk}, {}),
        only({Role.COORDINATOR, Role.POLITICIAN}, 200, 404),
    ),
    "collaboration:group-update": (
        "get",
        lambda w: ({"pk": w["group"].pk}, {}),
        only(COORDINATOR, 200, 404),
    ),
    "collaboration:meeting-create": (
        "get",
        lambda w: ({"group_pk": w["group"].pk}, {}),
        only(COORDINATOR, 200, 404),
    ),
    "collaboration:meeting-update": (
        "get",
        lambda w: ({"pk": w["meeting"].pk}, {}),
        only(COORDINATOR, 200, 404),
    ),
    "collaboration:decision-create": (
        "get",
        lambda w: ({"pk": w["meeting"].pk}, {}),
        only(COORDINATOR, 200, 404),
    ),
    "collaboration:decision-done": (
        "post",
        lambda w: ({"pk": w["decision"].pk}, {"done": "1"}),
        only(COORDINATOR, 302, 404),
    ),
    "organisation-list": ("get", None, every_role(200)),
    "organisation-create": ("get", None, only(KEEPERS, 200, 403)),
    "organisation-detail": ("get", lambda w: ({"pk": w["someone"].pk}, {}), every_role(200)),
    "organisation-update": (
        "get",
        lambda w: ({"pk": w["someone"].pk}, {}),
        only(KEEPERS, 200, 404),
    ),
    "membership-create": ("get", lambda w: ({"pk": w["someone"].pk}, {}), only(KEEPERS, 200, 403)),
    "membership-end": (
        "post",
        lambda w: ({"pk": w["membership"].pk}, {}),
        only(KEEPERS, 302, 404),
    ),
    "collaboration:area-list": ("get", None, every_role(200)),
    "collaboration:area-create": ("get", None, only(KEEPERS, 200, 403)),
    "collaboration:area-update": (
        "get",
        lambda w: ({"pk": w["area"].pk}, {}),
        only(KEEPERS, 200, 404),
    ),
    "collaboration:indicator-list": ("get", None, every_role(200)),
    "collaboration:indicator-create": ("get", None, only(COORDINATOR, 200, 403)),
    "collaboration:indicator-import": ("get", None, only(COORDINATOR, 200, 403)),
    "collaboration:indicator-detail": ("get", pk_of("indicator"), every_role(200)),
    "collaboration:cycle-overview": ("get", None, every_role(200)),
    "collaboration:picture-create": ("get", None, only(COORDINATOR, 200, 403)),
    "collaboration:plan-create": ("get", None, only(COORDINATOR, 200, 403)),
    "collaboration:fund-list": ("get", None, only(FUND_VIEWERS, 200, 403)),
    "collaboration:fund-create": ("get", None, only(COORDINATOR, 200, 403)),
    "collaboration:fund-detail": ("get", pk_of("fund"), only(FUND_VIEWERS, 200, 404)),
    "collaboration:application-detail": (
        "get",
        pk_of("application"),
        only(FUND_VIEWERS, 200, 404),
    ),
    "collaboration:picture-transition": (
        "post",
        lambda w: ({"pk": w["picture"].pk}, {"status": "review"}),
        only(COORDINATOR, 302, 404),
    ),
    "collaboration:plan-transition": (
        "post",
        lambda w: ({"pk": w["plan"].pk}, {"status": "review"}),
        only(COORDINATOR, 302, 404),
    ),
    "collaboration:application-transition": (
        "post",
        lambda w: ({"pk": w["application"].pk}, {"status": "supplement_requested", "note": "x"}),
        only(COORDINATOR, 302, 404),
    ),
    # Drafts, and every form that changes something of the law's cycle: the coordinator's.
    **{
        f"collaboration:{name}": ("get", pk_of(key, kwarg), only(COORDINATOR, 200, 404))
        for name, key, kwarg in [
            ("indicator-update", "indicator", "pk"),
            ("indicator-value-create", "indicator", "pk"),
            ("picture-detail", "picture", "pk"),
            ("picture-update", "picture", "pk"),
            ("problem-create", "picture", "pk"),
            ("plan-detail", "plan", "pk"),
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
    "cases:case-list": ("get", None, only(CASE_ROLES, 200, 403)),
    "cases:case-open": ("get", None, only({Role.SOCIAL_WORKER}, 200, 403)),
    # The world's case is owned by another social worker and nobody here is granted it.
    "cases:case-detail": ("get", pk_of("case"), only(set(), 200, 404)),
    "cases:consent-create": ("get", pk_of("case"), only(set(), 200, 404)),
    "cases:action-create": ("get", pk_of("case"), only(set(), 200, 404)),
    "cases:disclosure-create": ("get", pk_of("case"), only(set(), 200, 404)),
    "cases:consent-form-pdf": ("post", pk_of("case"), only(set(), 200, 404)),
    "cases:register-extract": ("get", None, only(AUDITOR, 200, 403)),
    "cases:emergency-open": ("get", None, only({Role.SOCIAL_WORKER}, 200, 403)),
    "cases:emergency-list": ("get", None, only({Role.AUDITOR, Role.SOCIAL_WORKER}, 200, 403)),
    "cases:emergency-review": (
        "post",
        lambda w: ({"pk": w["emergency"].pk}, {"outcome": "justified"}),
        only(AUDITOR, 302, 404),
    ),
    "cases:case-status": (
        "post",
        lambda w: ({"pk": w["case"].pk}, {"status": "awaiting_consent"}),
        only(set(), 302, 404),
    ),
    "cases:consent-revoke": (
        "post",
        lambda w: ({"pk": w["consent"].pk}, {"reason": "x"}),
        only(set(), 302, 404),
    ),
    "cases:grant-create": ("post", pk_of("case"), only(set(), 302, 404)),
    "cases:grant-withdraw": (
        "post",
        lambda w: ({"pk": w["case"].pk, "user_pk": w["case"].owner_id}, {}),
        only(set(), 302, 404),
    ),
    "cases:note-create": (
        "post",
        lambda w: ({"pk": w["case"].pk}, {"visibility": "case", "text": "x"}),
        only(set(), 302, 404),
    ),
    "cases:operation-list": ("get", None, only(LOS_ROLES, 200, 403)),
    "cases:operation-create": ("get", None, only({Role.COORDINATOR, Role.POLICE}, 200, 403)),
    # The world's operation is led by an organisation none of the role holders belongs to:
    # only coordinators see (and change) every operation.
    "cases:operation-detail": ("get", pk_of("operation"), only(COORDINATOR, 200, 404)),
    "cases:operation-update": ("get", pk_of("operation"), only(COORDINATOR, 200, 404)),
    "cases:operation-status": (
        "post",
        lambda w: ({"pk": w["operation"].pk}, {"status": "active"}),
        only(COORDINATOR, 302, 404),
    ),
    "cases:target-create": ("get", pk_of("operation"), only(COORDINATOR, 200, 404)),
    # Coordinators see the target but do not inspect; the rest do not see it.
    "cases:inspection-create": ("get", pk_of("target"), only(COORDINATOR, 403, 404)),
    "cases:measure-create": ("get", pk_of("inspection"), only(set(), 200, 404)),
    "cases:intelligence-create": (
        "post",
        lambda w: ({"pk": w["operation"].pk}, {"text": "x"}),
        only(COORDINATOR, 403, 404),
    ),
    "audit:event-list": ("get", None, only(AUDITOR, 200, 403)),
    "audit:sample-list": ("get", None, only(AUDITOR, 200, 403)),
    "audit:sample-draw": (
        "post",
        lambda w: ({}, {"month": timezone.localdate().strftime("%Y-%m")}),
        only(AUDITOR, 302, 403),
    ),
    "audit:sample-detail": ("get", lambda w: ({"pk": w["sample"].pk}, {}), only(AUDITOR, 200, 404)),
    "audit:sample-item-review": (
        "post",
        lambda w: ({"pk": w["item"].pk}, {"outcome": "justified"}),
        only(AUDITOR, 302, 404),
    ),
    "reports:report-list": ("get", None, only(REPORT_READERS, 200, 403)),
    "reports:report-request": (
        "post",
        lambda w: ({}, {"kind": "quarterly", "year": 2025, "quarter": 1}),
        only(COORDINATOR, 302, 403),
    ),
    "reports:report-detail": ("get", pk_of("report"), only(REPORT_READERS, 200, 404)),
    "reports:report-retry": ("post", pk_of("failed_report"), only(COORDINATOR, 302, 403)),
    "reports:report-download": ("get", pk_of("report"), only(REPORT_READERS, 200, 404)),
    "reports:report-verify": ("get", None, every_role(200, anonymous=200)),
    "audit:alert-list": ("get", None, only(AUDITOR, 200, 403)),
    "audit:alert-review": (
        "post",
        lambda w: ({"pk": w["alert"].pk}, {"outcome": "justified"}),
        only(AUDITOR, 302, 404),
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
    """One object of each kind the URLs need, owned by nobody in particular."""
    event = event_record(
        user=UserFactory(), membership=None, action="view", object_type="umebra.user"
    )
    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    sample = AuditSample.objects.create(month=last_month.replace(day=1))
    item = SampleItem.objects.create(sample=sample, event=AccessEvent.objects.get(pk=event.pk))
    now = timezone.now()
    alert = AccessAlert.objects.create(user=event.user, window_start=now, window_end=now, reads=40)
    effort = effort_create(
        created_by=event.user,
        date=timezone.localdate(),
        kind="dialogue",
        description="Dialogmöte",
        areas=[Area.objects.create(name="Haga", slug="haga", population=5400)],
        organisations=[OrganisationFactory(name="Någon annan")],
    )
    someone = OrganisationFactory(name="Någon annan")
    agreement = agreements.agreement_save(
        title="Överenskommelse", municipality=someone, police=someone,
        valid_from=timezone.localdate(), valid_to=timezone.localdate(), focus="Trygghet",
    )  # fmt: skip
    promise = agreements.undertaking_save(
        kind="citizen_promise", title="Löfte", problem="Problem", agreement=agreement,
        valid_from=timezone.localdate(), valid_to=timezone.localdate(),
        areas=[], parties=[someone],
    )  # fmt: skip
    activity = agreements.activity_save(
        undertaking=promise, description="Göra", responsible=someone, due=timezone.localdate()
    )
    council = groups.group_save(
        name="Rådet", level="strategic", mandate="Prioritera", owner=someone,
        cadence="quarterly", members=[someone], areas=[],
    )  # fmt: skip
    meeting = groups.meeting_save(group=council, date=timezone.localdate(), agenda="1. Läget")
    decision = groups.decision_create(meeting=meeting, text="Göra", owner=someone)
    staff = member(Role.PARTNER, someone)
    indicator = indicators.indicator_save(
        name="Skadegörelse", unit="st", source="police_statistics", frequency="monthly"
    )
    picture = cycle.picture_save(title="Utkast", mapping="m", analysis="a", sources="s")
    plan = cycle.plan_save(title="Plan", picture=picture)
    row = cycle.row_save(
        plan=plan, cause="c", measure="m", goal="g", when="w", responsible=someone,
        follow_up="f",
    )  # fmt: skip
    fund = funds.fund_save(name="Anslaget", year=2026, amount=1000)
    application = funds.application_save(
        fund=fund, applicant=someone, title="Ansökan", problem="p", measure="m", goals="g",
        evaluation="e", amount_requested=100,
    )  # fmt: skip
    owner = member(Role.SOCIAL_WORKER, someone)
    case = sig.case_open(
        actor=access.actor_for(owner), name="Alva", personal_number="20080412-2380",
        area=effort.areas.get(),
    )  # fmt: skip
    consent = sig.consent_record(
        actor=access.actor_for(owner), case=case, organisations=[someone], information="x",
        valid_from=timezone.localdate(), valid_to=timezone.localdate(), signed_by_person=True,
    )  # fmt: skip
    police = member(Role.POLICE, someone)
    operation = los.operation_save(
        actor=access.actor_for(police), name="Norrsken", lead=someone, parties=[someone],
        objective="o",
    )  # fmt: skip
    target = los.target_add(
        actor=access.actor_for(police), operation=operation, kind="business", name="Krogen"
    )
    inspection = los.inspection_add(
        actor=access.actor_for(police), target=target, kind="food", findings="f"
    )
    emergency_access = emergency.emergency_access_open(
        actor=access.actor_for(member(Role.SOCIAL_WORKER, someone)), case_id=case.pk, ground="Nöd",
        reason="Det brådskar och ägaren nås inte.",
    )  # fmt: skip
    period = {"period_start": datetime.date(2025, 1, 1), "period_end": datetime.date(2025, 3, 31)}
    report = ReportRun.objects.create(kind="quarterly", status=JobStatus.DONE, **period)
    ReportFile.objects.create(run=report, data=b"%PDF-1.7 a report")
    failed = ReportRun.objects.create(kind="citizen_promises", status=JobStatus.FAILED, **period)
    return {
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
        "area": effort.areas.get(),
        "group": council,
        "meeting": meeting,
        "decision": decision,
        "sample": sample,
        "item": item,
        "alert": alert,
        "effort": effort,
        "agreement": agreement,
        "promise": promise,
        "activity": activity,
    }


def client_for(who) -> Client:
    client = Client()
    if who != ANONYMOUS:
        log_in(client, member(who))
    return client


@pytest.mark.parametrize("name", sorted(ROWS))
def test_url_answers_each_role_as_expected(name, world):
    method, build, expected = ROWS[name]
    kwargs, data = build(world) if build else ({}, {})
    url = reverse(name, kwargs=kwargs)
    wrong = []
    for who in EVERYONE:
        status = getattr(client_for(who), method)(url, data).status_code
        if status != expected[who]:
            wrong.append(f"{who}: {status}, expected {expected[who]}")
        # Undo what the allowed call did, so that every role meets the same world.
        AuditSample.objects.exclude(pk=world["sample"].pk).delete()
        SampleItem.objects.update(outcome="pending", reviewed_at=None, reviewed_by=None)
        AccessAlert.objects.update(outcome="pending", reviewed_at=None, reviewed_by=None)
    assert wrong == []


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.label)
def test_admin_pages_open_only_to_administrators_with_the_model_permission(model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for who in EVERYONE:
        status = client_for(who).get(url).status_code
        if who == Role.ADMIN:
            user = member(Role.ADMIN)
            may = user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
            assert status == (200 if may else 403), model
        else:
            assert status == 302, (who, model)  # to the admin's login: not staff

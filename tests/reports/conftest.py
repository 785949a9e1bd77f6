"""A quarter of data with known counts (2025 Q2), and helpers to build and read reports."""

import datetime
import io
import subprocess

import pytest
from pypdf import PdfReader

from cases.services import los, sig
from collaboration.models import Area, JointEffort, Observation
from reports import services
from reports.periods import Period, quarter
from tests.factories import OrganisationFactory, member, umea
from umebra import access
from umebra.access import SYSTEM
from umebra.roles import Role

Q2 = quarter(2025, 2)
SQUARE = {"type": "Polygon", "coordinates": [[[20.2, 63.8], [20.3, 63.8], [20.3, 63.85],
                                              [20.2, 63.85], [20.2, 63.8]]]}  # fmt: skip


def pdf_text(data: bytes) -> str:
    """The text of a PDF as a reader would copy it (poppler's pdftotext)."""
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode()


def pdf_reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def build(kind: str, period: Period):
    """Ask for and build a report in this process, as the worker does."""
    run, _new = services.report_request(kind=kind, period=period, actor=SYSTEM, municipality=umea())
    return services.report_build(run_id=run.pk)


@pytest.fixture
def quarter_data(db):
    """2025 Q2: 6 + 2 efforts, 7 + 2 observations, two SIG cases in Ålidhem (a small count),
    an operation with a named target, one inspection and one fee (a small count)."""
    ersboda = Area.objects.create(municipality=umea(), name="Ersboda", slug="ersboda",
                                  population=10000, boundary=SQUARE)  # fmt: skip
    alidhem = Area.objects.create(
        municipality=umea(), name="Ålidhem", slug="alidhem", population=8000
    )
    police = OrganisationFactory(name="Polisen", kind="police")
    social = OrganisationFactory(name="Socialtjänsten")
    tax = OrganisationFactory(name="Skatteverket", kind="state_agency")
    coordinator = member(Role.COORDINATOR, OrganisationFactory(name="Kommunledningen"))
    day = datetime.date(2025, 4, 10)
    for n, (kind, organisation) in enumerate([("dialogue", police)] * 6
                                             + [("safety_walk", social)] * 2):  # fmt: skip
        effort = JointEffort.objects.create(municipality=umea(),
            date=day + datetime.timedelta(days=n), kind=kind, description="Insats",
            hours=2, cost=500, people_reached=10, created_by=coordinator,
        )  # fmt: skip
        effort.organisations.set(
            [organisation], through_defaults={"municipality": effort.municipality}
        )
        effort.areas.set([ersboda])
    when = datetime.datetime(2025, 5, 2, 21, 0, tzinfo=datetime.UTC)
    for area, count in [(ersboda, 7), (alidhem, 2)]:
        for _ in range(count):
            Observation.objects.create(municipality=umea(),
                area=area, place="Torget", occurred_at=when, kind="vandalism",
                description="Krossad ruta vid Alva Testssons port", organisation=police,
                reported_by=coordinator,
            )  # fmt: skip
    worker = access.actor_for(member(Role.SOCIAL_WORKER, social))
    cases = [
        sig.case_open(
            actor=worker, name=name, personal_number=number, area=alidhem, guardians=["Förälder"]
        )
        for name, number in [
            ("Alva Testsson", "20080412-2380"),
            ("Bertil Provsson", "20090923-4577"),
        ]
    ]
    for case in cases:
        sig.note_create(
            actor=worker, case=case, visibility="case", text="Hemlig anteckning om hemmet"
        )
    type(cases[0]).objects.filter(pk__in=[c.pk for c in cases]).update(
        opened_on=datetime.date(2025, 4, 15), status="active"
    )
    officer = access.actor_for(member(Role.POLICE, police))
    operation = los.operation_create(
        actor=officer, name="Operation Norrsken", lead=police, parties=[police, tax],
        objective="Stoppa ekonomisk brottslighet", starts_on=datetime.date(2025, 4, 1),
    )  # fmt: skip
    los.operation_transition(actor=officer, operation=operation, status="active")
    target = los.target_create(
        actor=officer, operation=operation, kind="business", name="Kvarterskrogen Ålidhem AB"
    )
    los.intelligence_create(actor=officer, operation=operation, text="Uppgift från källa K-47")
    inspector = access.actor_for(member(Role.AGENCY_INSPECTOR, tax))
    inspection = los.inspection_create(
        actor=inspector, target=target, kind="cash_registers", findings="Kassaregister saknas",
        date=datetime.date(2025, 5, 6),
    )  # fmt: skip
    los.measure_create(actor=inspector, inspection=inspection, kind="fee", amount=12345)
    return {"ersboda": ersboda, "alidhem": alidhem, "coordinator": coordinator}

"""Demo SIG cases with exactly the facts issue 6 names, so anyone can check the rules:
polis sees Alva and never Bertil; skolkurator sees both; politiker, fastighet and
skatteverket see neither."""

import datetime
from decimal import Decimal

from django.utils import timezone

from cases.models import (
    InspectionKind,
    MeasureKind,
    NoteVisibility,
    Operation,
    OperationStatus,
    SigCase,
    TargetKind,
)
from cases.services import los
from cases.services import sig as services
from collaboration.models import Area
from umebra import access
from umebra.demo import demo_municipality, demo_neighbour
from umebra.models import Organisation, User

CASES = [
    {
        "name": "Alva Testsson",
        "personal_number": "20080412-2380",
        "area": "Ersboda",
        "guardians": ["Anna Testsson", "Erik Testsson"],
        "covers": ["Socialtjänsten", "Ersängsskolan", "Polisen LPO Umeå"],
        "granted": ["skolkurator", "polis"],
    },
    {
        "name": "Bertil Provsson",
        "personal_number": "20090923-4577",
        "area": "Ålidhem",
        "guardians": ["Cecilia Provsson", "David Provsson"],
        "covers": ["Socialtjänsten", "Ersängsskolan"],
        "granted": ["skolkurator"],
    },
]


def seed() -> None:
    if not SigCase.objects.filter(municipality=demo_municipality()).exists():
        _seed_cases()
    if not Operation.objects.filter(municipality=demo_municipality()).exists():
        _seed_operation()
    if not SigCase.objects.filter(municipality=demo_neighbour()).exists():
        _seed_neighbour()


def _seed_neighbour() -> None:
    """Vännäs: Cilla's case, whose consent covers Vännäs' social services and the police
    area, with ``polis`` granted; and Operation Polstjärna, led by the police with Vännäs
    kommun and Kronofogden (not Skatteverket) against a pizzeria in Vännäsby."""
    vannas = demo_neighbour()
    owner = access.actor_for(User.objects.get(username="vannas-socialsekreterare"))
    today = timezone.localdate()
    case = services.case_open(
        actor=owner, name="Cilla Exempelsson", personal_number="20100315-1238",
        area=Area.objects.get(municipality=vannas, slug="vannas-centrum"),
        guardians=["Greta Exempelsson", "Hugo Exempelsson"],
    )  # fmt: skip
    services.case_transition(actor=owner, case=case, status="awaiting_consent")
    services.consent_record(
        actor=owner, case=case,
        organisations=Organisation.objects.filter(
            name__in=["Socialtjänsten Vännäs", "Polisen LPO Umeå"]
        ),
        information="Uppgifter om skolgång och fritid som behövs för att planera stödet.",
        valid_from=today - datetime.timedelta(days=10),
        valid_to=today + datetime.timedelta(days=355),
        signed_by_person=True, guardians=case.person.guardians.all(),
    )  # fmt: skip
    services.grant_give(actor=owner, case=case, user=User.objects.get(username="polis"))
    org = {o.name: o for o in Organisation.objects.filter(municipalities=vannas)}
    police = access.actor_for(User.objects.get(username="polis"))
    operation = los.operation_create(
        actor=police, name="Operation Polstjärna", lead=org["Polisen LPO Umeå"],
        parties=[org["Vännäs kommun"], org["Kronofogden"]], municipality=vannas,
        starts_on=today - datetime.timedelta(days=7),
        objective="Motverka etablering av kriminell verksamhet i restaurangbranschen i Vännäsby.",
    )  # fmt: skip
    los.operation_transition(actor=police, operation=operation, status=OperationStatus.ACTIVE)
    los.target_create(
        actor=police, operation=operation, kind=TargetKind.BUSINESS, name="Pizzeria Vännäsby HB",
        address="Vännäsby centrum 2", area=Area.objects.get(municipality=vannas, slug="vannasby"),
    )  # fmt: skip


def _seed_operation() -> None:
    """Operation Norrsken: two targets, a Skatteverket fee, and intelligence naming K-47."""
    org = {o.name: o for o in Organisation.objects.all()}
    police = access.actor_for(User.objects.get(username="polis"))
    operation = los.operation_create(
        actor=police,
        name="Operation Norrsken",
        municipality=demo_municipality(),
        lead=org["Polisen LPO Umeå"],
        parties=[org["Umeå kommun"], org["Skatteverket"], org["Arbetsmiljöverket"]],
        starts_on=timezone.localdate() - datetime.timedelta(days=20),
        objective="Motverka etablering av kriminell verksamhet i restaurang- och "
        "biltvättsbranschen i Ålidhem och Teg.",
    )
    los.operation_transition(actor=police, operation=operation, status=OperationStatus.ACTIVE)
    restaurant = los.target_create(
        actor=police, operation=operation, kind=TargetKind.BUSINESS,
        name="Kvarterskrogen Ålidhem AB", organisation_number="556000-0027",
        address="Ålidhems centrum 4", area=Area.objects.get(municipality=demo_municipality(), name="Ålidhem"),
    )  # fmt: skip
    los.target_create(
        actor=police, operation=operation, kind=TargetKind.PREMISES, name="Biltvätt Teg HB",
        address="Tegsvägen 12", area=Area.objects.get(municipality=demo_municipality(), name="Teg"),
    )  # fmt: skip
    tax = access.actor_for(User.objects.get(username="skatteverket"))
    inspection = los.inspection_create(
        actor=tax, target=restaurant, kind=InspectionKind.CASH_REGISTERS,
        findings="Kassaregistret saknade kontrollenhet; personalliggare ej förd.",
    )  # fmt: skip
    los.measure_create(
        actor=tax, inspection=inspection, kind=MeasureKind.FEE, amount=Decimal(12500),
        description="Kontrollavgift kassaregister",
    )  # fmt: skip
    los.intelligence_create(
        actor=police,
        operation=operation,
        text="Enligt källa K-47 används krogen för att tvätta pengar från narkotikaförsäljning.",
    )


def _seed_cases() -> None:
    owner = User.objects.get(username="socialsekreterare")
    actor = access.actor_for(owner)
    today = timezone.localdate()
    for spec in CASES:
        case = services.case_open(
            actor=actor,
            name=spec["name"],
            personal_number=spec["personal_number"],
            area=Area.objects.get(municipality=demo_municipality(), name=spec["area"]),
            guardians=spec["guardians"],
        )
        services.case_transition(actor=actor, case=case, status="awaiting_consent")
        services.consent_record(
            actor=actor,
            case=case,
            organisations=Organisation.objects.filter(name__in=spec["covers"]),
            information="Uppgifter om skolgång, fritid och kontakter med polisen som behövs "
            "för att planera stödet.",
            valid_from=today - datetime.timedelta(days=30),
            valid_to=today + datetime.timedelta(days=335),
            signed_by_person=True,
            guardians=case.person.guardians.all(),
        )
        for username in spec["granted"]:
            services.grant_give(actor=actor, case=case, user=User.objects.get(username=username))
        services.note_create(
            actor=actor,
            case=case,
            visibility=NoteVisibility.CASE,
            text="Första samordningsmötet hölls. Nästa möte om två veckor.",
        )
        services.note_create(
            actor=actor,
            case=case,
            visibility=NoteVisibility.OWN_ORGANISATION,
            text="Socialtjänstens egen bedömning av hemsituationen.",
        )

"""Demo data for collaboration: Umeå's districts and a year of joint efforts."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from collaboration.models import (
    Activity,
    ActivityStatus,
    AgreementStatus,
    Area,
    Cadence,
    CollaborationGroup,
    CooperationAgreement,
    Decision,
    EffortKind,
    FeedbackChannel,
    FollowUp,
    FollowUpStatus,
    GroupLevel,
    JointEffort,
    Meeting,
    Observation,
    ObservationKind,
    ResidentFeedback,
    Target,
    TargetValue,
    Undertaking,
    UndertakingKind,
    UndertakingStatus,
)
from umebra.models import Organisation, User

# name: (population, centre of a schematic boundary as longitude, latitude). The shapes are
# drawn for the demo map, not surveyed: Holmsund in particular is placed nearer than it lies.
AREAS = {
    "Centrum": (8200, (20.255, 63.825)),
    "Ålidhem": (7100, (20.305, 63.818)),
    "Ersboda": (7600, (20.285, 63.850)),
    "Haga": (5400, (20.277, 63.830)),
    "Holmsund": (6400, (20.340, 63.795)),
    "Mariehem": (7000, (20.300, 63.835)),
    "Teg": (9300, (20.255, 63.812)),
    "Tomtebo": (4600, (20.330, 63.825)),
}
# How often something is observed in each area, relative to the others.
OBSERVATION_WEIGHT = {"Ålidhem": 5, "Centrum": 4, "Ersboda": 3, "Teg": 2}
PLACES = [
    "gångtunneln vid skolan",
    "busshållplatsen",
    "centrumhusets baksida",
    "lekplatsen",
    "parkeringen vid affären",
    "cykelparkeringen",
]
OBSERVATIONS = {
    ObservationKind.VANDALISM: ["Krossad ruta i busskuren.", "Sönderslagen belysning."],
    ObservationKind.DRUG_DEALING: ["Misstänkt langning, bil stannar kort och åker."],
    ObservationKind.GATHERING: ["Större grupp ungdomar sent på kvällen, stökigt."],
    ObservationKind.GRAFFITI: ["Ny klotter på elskåpet.", "Taggar på gångbron."],
    ObservationKind.THREAT: ["Bråk mellan två grupper, ingen skadad."],
    ObservationKind.FIRE: ["Brand i papperskorg, släckt."],
    ObservationKind.LITTERING: ["Nedskräpning efter helgen."],
}
REPORTING = ["Fritid", "Bostaden AB", "Polisen LPO Umeå", "Umebrå", "ICA Ålidhem"]

# kind: (typical organisations, descriptions, hours, people reached)
EFFORTS = {
    EffortKind.SAFETY_WALK: (
        ["Umebrå", "Polisen LPO Umeå", "Bostaden AB"],
        [
            "Trygghetsvandring kring centrumhuset med boende och fastighetsvärd.",
            "Kvällsvandring längs gång- och cykelvägen; tre trasiga belysningsstolpar noterade.",
        ],
        (6, 20),
        (10, 60),
    ),
    EffortKind.FIELD_WORK: (
        ["Fritid", "Socialtjänsten"],
        [
            "Fältarbete fredag kväll vid skolgården och köpcentret.",
            "Fältare mötte ungdomar vid busstorget, samtal om helgens planer.",
        ],
        (4, 12),
        (15, 80),
    ),
    EffortKind.PARENT_WALK: (
        ["Ersängsskolan", "Fritid"],
        ["Föräldravandring med nio vuxna från årskurs 8.", "Vuxna på stan, lördag kväll."],
        (8, 30),
        (20, 120),
    ),
    EffortKind.YOUTH_TEAM: (
        ["Fritid", "Ersängsskolan"],
        ["Ungdomsteamet öppnade gympasalen för spontanidrott.", "Kvällsöppet i fritidsgården."],
        (6, 16),
        (20, 90),
    ),
    EffortKind.LOS_ACTION: (
        ["Polisen LPO Umeå", "Skatteverket", "Arbetsmiljöverket", "Umebrå"],
        ["Gemensam kontroll av verksamheter enligt LOS-planen."],
        (12, 40),
        (0, 0),
    ),
    EffortKind.DIALOGUE: (
        ["Umebrå", "Polisen LPO Umeå"],
        ["Medborgardialog i biblioteket om tryggheten i området.", "Dialogmöte med butiksägare."],
        (4, 10),
        (10, 45),
    ),
    EffortKind.HOLIDAY_ACTIVITY: (
        ["Fritid"],
        ["Lovaktiviteter: fiske, klättring och filmkväll.", "Sportlovsläger för 13–15-åringar."],
        (10, 40),
        (30, 150),
    ),
    EffortKind.CAMERA_REVIEW: (
        ["Polisen LPO Umeå", "Bostaden AB"],
        ["Genomgång av kamerabevakningens placering vid centrumhuset."],
        (2, 6),
        (0, 0),
    ),
}


def schematic_boundary(lon: float, lat: float) -> dict:
    """A hexagon about 1 km across around the point, as a GeoJSON polygon."""
    ring = [
        [round(lon + 0.011 * dx, 5), round(lat + 0.005 * dy, 5)]
        for dx, dy in [(-1, 0), (-0.5, 1), (0.5, 1), (1, 0), (0.5, -1), (-0.5, -1), (-1, 0)]
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def seed() -> None:
    for name, (population, centre) in AREAS.items():
        Area.objects.update_or_create(
            slug=slugify(name),
            defaults={
                "name": name,
                "population": population,
                "boundary": schematic_boundary(*centre),
            },
        )
    if not JointEffort.objects.exists():
        _seed_efforts()
    if not Observation.objects.exists():
        _seed_observations()
    if not CooperationAgreement.objects.exists():
        _seed_agreements()
    if not CollaborationGroup.objects.exists():
        _seed_groups()


def _seed_groups() -> None:
    """The chain from the strategic council down, with an overlap left in on purpose."""
    org = {o.name: o for o in Organisation.objects.all()}
    area = {a.name: a for a in Area.objects.all()}
    today = timezone.localdate()
    chain = [
        ("Brottsförebyggande rådet", GroupLevel.STRATEGIC, None, Cadence.QUARTERLY,
         "Strategiskt forum: prioriterar utifrån lägesbilden och beslutar om åtgärdsplanen.",
         ["Umeå kommun", "Polisen LPO Umeå", "Bostaden AB"], []),
        ("Samverkansgrupp Ålidhem", GroupLevel.TACTICAL, "Brottsförebyggande rådet",
         Cadence.MONTHLY, "Samordnar insatser för tryggheten i Ålidhem och följer upp "
         "trygghetsöverenskommelsen.",
         ["Umebrå", "Polisen LPO Umeå", "Bostaden AB", "ICA Ålidhem", "Fritid"], ["Ålidhem"]),
        ("Operativ grupp unga", GroupLevel.OPERATIONAL, "Brottsförebyggande rådet",
         Cadence.WEEKLY, "Veckovis avstämning om unga i riskzon och helgens fältarbete.",
         ["Socialtjänsten", "Polisen LPO Umeå", "Fritid", "Ersängsskolan"], ["Ersboda"]),
        ("Trygghetsgrupp Ålidhem centrum", GroupLevel.OPERATIONAL, "Samverkansgrupp Ålidhem",
         Cadence.FORTNIGHTLY, "Samordnar insatser för tryggheten i Ålidhem och följer upp "
         "trygghetsöverenskommelsen för centrumhuset.",
         ["Umebrå", "Polisen LPO Umeå", "Bostaden AB", "ICA Ålidhem"], ["Ålidhem"]),
    ]  # fmt: skip
    groups = {}
    for name, level, parent, cadence, mandate, members, areas in chain:
        group = CollaborationGroup.objects.create(
            name=name, level=level, parent=groups.get(parent), cadence=cadence,
            mandate=mandate, owner=org["Umebrå"],
        )  # fmt: skip
        group.members.set([org[m] for m in members])
        group.areas.set([area[a] for a in areas])
        groups[name] = group
    for weeks_ago, decisions in [
        (6, [("Bostaden AB", "Se över belysningen vid gångtunneln", -14, True)]),
        (2, [("Polisen LPO Umeå", "Förstärkt närvaro fredagskvällar i november", 5, False),
             ("Fritid", "Öppna fritidsgården längre under jullovet", 10, False)]),
    ]:  # fmt: skip
        meeting = Meeting.objects.create(
            group=groups["Samverkansgrupp Ålidhem"],
            date=today - datetime.timedelta(weeks=weeks_ago),
            agenda="1. Lägesbild från EST-rapporterna\n2. Uppföljning av beslut\n3. Nya insatser",
            minutes="Händelserapporterna visar fler samlingar kvällstid vid centrumhuset.",
        )
        for owner, text, due_in, done in decisions:
            due = today + datetime.timedelta(days=due_in)
            Decision.objects.create(
                meeting=meeting, text=text, owner=org[owner], due=due,
                done_on=due if done else None,
            )  # fmt: skip


def _quarters_back(today: datetime.date, count: int) -> list[tuple[int, int]]:
    """The last ``count`` finished quarters, oldest first."""
    year, quarter = today.year, (today.month - 1) // 3 + 1
    result = []
    for _ in range(count):
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        result.append((year, quarter))
    return list(reversed(result))


def _seed_agreements() -> None:
    """The cooperation agreement, two citizen promises and the Ålidhem safety agreement."""
    org = {o.name: o for o in Organisation.objects.all()}
    area = {a.name: a for a in Area.objects.all()}
    today = timezone.localdate()
    start = today.replace(month=1, day=1) - datetime.timedelta(days=365)
    agreement = CooperationAgreement.objects.create(
        title="Samverkansöverenskommelse Umeå kommun och Polisen",
        municipality=org["Umeå kommun"],
        police=org["Polisen LPO Umeå"],
        municipality_signatory="Kommunstyrelsens ordförande",
        police_signatory="Lokalpolisområdeschef LPO Umeå",
        valid_from=start,
        valid_to=start.replace(year=start.year + 4) - datetime.timedelta(days=1),
        focus="Trygga offentliga miljöer\nUnga i riskzon\nNarkotika i centrala Umeå",
        status=AgreementStatus.ACTIVE,
    )
    promise_end = start.replace(year=start.year + 2) - datetime.timedelta(days=1)
    quarters = _quarters_back(today, 4)
    for title, problem, areas, activities, targets in [
        (
            "Tryggare kvällar i Ålidhem",
            "Boende känner sig otrygga kvällstid kring Ålidhems centrum, enligt "
            "trygghetsundersökningen och medborgardialogen hösten före.",
            ["Ålidhem"],
            [
                (
                    "Polisen LPO Umeå",
                    "Synlig polis fredag och lördag kväll",
                    ActivityStatus.ONGOING,
                ),
                ("Umebrå", "Förbättrad belysning på gångvägarna", ActivityStatus.DONE),
                ("Fritid", "Öppen fritidsgård fredagar till 23", ActivityStatus.DONE),
            ],
            [("Andel som känner sig trygga kvällstid", "%", "Trygghetsundersökning", 54, 65)],
        ),
        (
            "Minskad narkotikahandel i centrum",
            "Polisens lägesbild och rapporter från butiker visar öppen narkotikahandel "
            "vid resecentrum.",
            ["Centrum"],
            [
                ("Polisen LPO Umeå", "Riktade insatser mot öppen handel", ActivityStatus.ONGOING),
                (
                    "Socialtjänsten",
                    "Uppsökande arbete bland unga vid resecentrum",
                    ActivityStatus.PLANNED,
                ),
            ],
            [("Anmälda narkotikabrott (överlåtelse)", "st/kvartal", "Polisen", 40, 25)],
        ),
    ]:
        promise = Undertaking.objects.create(
            kind=UndertakingKind.CITIZEN_PROMISE,
            title=title,
            problem=problem,
            agreement=agreement,
            valid_from=start,
            valid_to=promise_end,
            status=UndertakingStatus.ACTIVE,
            published=True,
        )
        _fill(promise, org, [area[a] for a in areas], ["Umeå kommun", "Polisen LPO Umeå"],
              activities, targets, quarters, today)  # fmt: skip
    safety = Undertaking.objects.create(
        kind=UndertakingKind.SAFETY_AGREEMENT,
        title="Trygghetsöverenskommelse Ålidhem centrum",
        problem="Stök, snatterier och langning kring centrumhuset och busshållplatsen.",
        place="Ålidhem centrum",
        valid_from=start,
        valid_to=promise_end,
        status=UndertakingStatus.ACTIVE,
    )
    _fill(
        safety,
        org,
        [area["Ålidhem"]],
        ["Umeå kommun", "Polisen LPO Umeå", "ICA Ålidhem", "Bostaden AB"],
        [
            ("Bostaden AB", "Kameror och belysning vid centrumhusets baksida", ActivityStatus.DONE),
            ("ICA Ålidhem", "Rapportera händelser veckovis (EST)", ActivityStatus.ONGOING),
            ("Polisen LPO Umeå", "Kontaktpolis på plats varannan vecka", ActivityStatus.ONGOING),
        ],
        [
            ("Snatterier anmälda", "st/kvartal", "Polisen", 30, 18),
            ("Händelserapporter om langning", "st/kvartal", "EST", 12, 4),
        ],
        quarters,
        today,
    )
    JointEffort.objects.filter(kind=EffortKind.SAFETY_WALK, areas=area["Ålidhem"]).update(
        undertaking=safety
    )


def _fill(undertaking, org, areas, parties, activities, targets, quarters, today) -> None:
    """Areas, parties, activities, targets, four quarters of follow-up and feedback."""
    undertaking.areas.set(areas)
    undertaking.parties.set([org[name] for name in parties])
    for n, (responsible, description, status) in enumerate(activities):
        Activity.objects.create(
            undertaking=undertaking,
            description=description,
            responsible=org[responsible],
            due=today + datetime.timedelta(days=60 * n - 30),
            status=status,
        )
    made = [
        Target.objects.create(
            undertaking=undertaking,
            name=name,
            unit=unit,
            source=source,
            baseline=baseline,
            target=target,
        )
        for name, unit, source, baseline, target in targets
    ]
    for step, (year, quarter) in enumerate(quarters, start=1):
        follow_up = FollowUp.objects.create(
            undertaking=undertaking,
            year=year,
            quarter=quarter,
            status=FollowUpStatus.ON_TRACK if step % 3 else FollowUpStatus.AT_RISK,
            comment="Enligt plan." if step % 3 else "Försenat: personalbrist under sommaren.",
        )
        for target in made:
            value = target.baseline + (target.target - target.baseline) * Decimal(step) / 6
            TargetValue.objects.create(follow_up=follow_up, target=target, value=round(value, 1))
    ResidentFeedback.objects.create(
        undertaking=undertaking,
        date=today - datetime.timedelta(days=45),
        channel=FeedbackChannel.MEETING,
        description="Återkoppling på boendemöte i biblioteket om vad som gjorts hittills.",
        people_reached=35,
    )


def _seed_observations() -> None:
    """About 1,500 observations over the last year, more in some areas than others."""
    rng = random.Random(2026)
    areas = list(Area.objects.all())
    weights = [OBSERVATION_WEIGHT.get(area.name, 1) for area in areas]
    organisations = list(Organisation.objects.filter(name__in=REPORTING))
    now = timezone.now()
    Observation.objects.bulk_create(
        Observation(
            area=rng.choices(areas, weights)[0],
            place=rng.choice(PLACES),
            occurred_at=now - datetime.timedelta(minutes=rng.randint(0, 365 * 24 * 60)),
            kind=(kind := rng.choice(list(OBSERVATIONS))),
            description=rng.choice(OBSERVATIONS[kind]),
            organisation=rng.choice(organisations),
        )
        for _ in range(1500)
    )


def _seed_efforts() -> None:
    """About 500 efforts spread over the last year, the same every time (a fixed seed)."""
    rng = random.Random(2023_196)
    areas = list(Area.objects.all())
    organisations = {o.name: o for o in Organisation.objects.all()}
    coordinator = User.objects.filter(username="samordnare").first()
    today = timezone.localdate()
    efforts, links = [], []
    for days_ago in range(365):
        day = today - datetime.timedelta(days=days_ago)
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3] if day.weekday() < 5 else [0, 1, 2])):
            kind = rng.choice(list(EFFORTS))
            names, descriptions, (low, high), (least, most) = EFFORTS[kind]
            efforts.append(
                JointEffort(
                    date=day,
                    kind=kind,
                    description=rng.choice(descriptions),
                    hours=Decimal(rng.randint(low, high)),
                    cost=Decimal(rng.choice([0, 0, 500, 1200, 2500])),
                    people_reached=rng.randint(least, most),
                    created_by=coordinator,
                )
            )
            links.append((rng.sample(areas, rng.choice([1, 1, 2])), names))
    JointEffort.objects.bulk_create(efforts)
    area_links = JointEffort.areas.through
    organisation_links = JointEffort.organisations.through
    area_links.objects.bulk_create(
        area_links(jointeffort_id=effort.pk, area_id=area.pk)
        for effort, (effort_areas, _names) in zip(efforts, links, strict=True)
        for area in effort_areas
    )
    organisation_links.objects.bulk_create(
        organisation_links(jointeffort_id=effort.pk, organisation_id=organisations[name].pk)
        for effort, (_areas, names) in zip(efforts, links, strict=True)
        for name in names
        if name in organisations
    )

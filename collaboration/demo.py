"""Demo data for collaboration: Umeå's districts and a year of joint efforts."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from collaboration.models import Area, EffortKind, JointEffort
from umebra.models import Organisation, User

AREAS = {
    "Centrum": 8200,
    "Ålidhem": 7100,
    "Ersboda": 7600,
    "Haga": 5400,
    "Holmsund": 6400,
    "Mariehem": 7000,
    "Teg": 9300,
    "Tomtebo": 4600,
}

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


def seed() -> None:
    for name, population in AREAS.items():
        Area.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "population": population}
        )
    if not JointEffort.objects.exists():
        _seed_efforts()


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

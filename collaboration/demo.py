"""Demo data for collaboration: Umeå's districts and a year of joint efforts."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from collaboration.models import (
    ActionPlan,
    ActionRow,
    Activity,
    ActivityStatus,
    AgreementStatus,
    Area,
    BudgetLine,
    Cadence,
    CollaborationGroup,
    CooperationAgreement,
    Decision,
    DocumentStatus,
    EffortKind,
    EffortParty,
    FeedbackChannel,
    FollowUp,
    FollowUpStatus,
    Frequency,
    Fund,
    GrantApplication,
    GrantStatus,
    GroupLevel,
    Indicator,
    IndicatorSource,
    IndicatorValue,
    JointEffort,
    Meeting,
    Observation,
    ObservationKind,
    Problem,
    ResidentFeedback,
    RowStatus,
    SituationPicture,
    Spending,
    Target,
    TargetValue,
    Undertaking,
    UndertakingKind,
    UndertakingStatus,
    ValueStatus,
)
from umebra.demo import VANNAS_KOMMUN, demo_municipality, demo_neighbour
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
    umea = demo_municipality()
    for name, (population, centre) in AREAS.items():
        Area.objects.update_or_create(
            municipality=umea,
            slug=slugify(name),
            defaults={
                "name": name,
                "population": population,
                "boundary": schematic_boundary(*centre),
            },
        )
    if not JointEffort.objects.filter(municipality=umea).exists():
        _seed_efforts()
    if not Observation.objects.filter(municipality=umea).exists():
        _seed_observations()
    if not CooperationAgreement.objects.filter(municipality=umea).exists():
        _seed_agreements()
    if not CollaborationGroup.objects.filter(municipality=umea).exists():
        _seed_groups()
    if not Indicator.objects.filter(municipality=umea).exists():
        _seed_indicators()
    if not SituationPicture.objects.filter(municipality=umea).exists():
        _seed_picture_and_plan()
    if not Fund.objects.filter(municipality=umea).exists():
        _seed_fund()
    _seed_neighbour()


# Vännäs' districts: (population, centre), roughly.
NEIGHBOUR_AREAS = {"Vännäs centrum": (4800, (19.755, 63.908)), "Vännäsby": (2100, (19.81, 63.92))}


def _seed_neighbour() -> None:
    """Vännäs: two districts, an effort of a walk round the square, and a published citizen
    promise under its agreement with the police, which no one of Umeå sees (bar the police,
    who work in both)."""
    vannas = demo_neighbour()
    for name, (population, centre) in NEIGHBOUR_AREAS.items():
        Area.objects.update_or_create(
            municipality=vannas,
            slug=slugify(name),
            defaults={"name": name, "population": population,
                      "boundary": schematic_boundary(*centre)},
        )  # fmt: skip
    if JointEffort.objects.filter(municipality=vannas).exists():
        return
    org = {o.name: o for o in Organisation.objects.filter(municipalities=vannas)}
    square = Area.objects.get(municipality=vannas, slug="vannas-centrum")
    today = timezone.localdate()
    effort = JointEffort.objects.create(
        municipality=vannas, date=today - datetime.timedelta(days=3), kind=EffortKind.SAFETY_WALK,
        description="Vännäs torgvandring: trygghetsvandring kring torget och stationen med "
        "föreningarna och polisen.", hours=Decimal(6), people_reached=40,
    )  # fmt: skip
    effort.areas.set([square])
    effort.organisations.set(
        [org[VANNAS_KOMMUN], org["Polisen LPO Umeå"]],
        through_defaults={"municipality": effort.municipality},
    )
    start = today.replace(month=1, day=1)
    agreement = CooperationAgreement.objects.create(
        municipality=vannas, title="Samverkansöverenskommelse Vännäs kommun och Polisen",
        municipal_party=org[VANNAS_KOMMUN], police=org["Polisen LPO Umeå"],
        valid_from=start, valid_to=start.replace(year=start.year + 4) - datetime.timedelta(days=1),
        focus="Trygg centrummiljö", status=AgreementStatus.ACTIVE,
    )  # fmt: skip
    promise = Undertaking.objects.create(
        municipality=vannas, kind=UndertakingKind.CITIZEN_PROMISE, title="Tryggare Vännäs centrum",
        problem="Boende upplever otrygghet kring torget och stationen kvällstid.",
        agreement=agreement, valid_from=start,
        valid_to=start.replace(year=start.year + 2) - datetime.timedelta(days=1),
        status=UndertakingStatus.ACTIVE, published=True,
    )  # fmt: skip
    promise.areas.set([square])
    promise.parties.set([org[VANNAS_KOMMUN], org["Polisen LPO Umeå"]])


# name: (unit, source, frequency, level per 1,000 residents a month, higher is better)
INDICATORS = {
    "Anmälda skadegörelsebrott": ("st", IndicatorSource.POLICE_STATISTICS, Frequency.MONTHLY, 1.2, False),
    "Anmälda narkotikabrott": ("st", IndicatorSource.POLICE_STATISTICS, Frequency.MONTHLY, 0.6, False),
    "Anmälda stölder i butik": ("st", IndicatorSource.POLICE_STATISTICS, Frequency.MONTHLY, 0.9, False),
    "Händelserapporter (EST)": ("st", IndicatorSource.OBSERVATIONS, Frequency.MONTHLY, 2.0, False),
    "Andel trygga kvällstid": ("%", IndicatorSource.SAFETY_SURVEY, Frequency.QUARTERLY, None, True),
}  # fmt: skip


def _seed_indicators() -> None:
    """A year of values for every area: monthly counts and a quarterly survey share."""
    umea = demo_municipality()
    rng = random.Random(196)
    areas = list(Area.objects.filter(municipality=umea))
    first_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=365)).replace(
        day=1
    )
    months = []
    month = first_month
    for _ in range(12):
        month = (month + datetime.timedelta(days=32)).replace(day=1)
        months.append(month)
    values = []
    for name, (unit, source, frequency, rate, higher) in INDICATORS.items():
        indicator = Indicator.objects.create(
        municipality=umea,
            name=name, unit=unit, source=source, frequency=frequency, higher_is_better=higher,
            uncertain=source == IndicatorSource.SAFETY_SURVEY,
        )  # fmt: skip
        for area in areas:
            weight = OBSERVATION_WEIGHT.get(area.name, 1)
            for n, period in enumerate(months):
                if frequency == Frequency.QUARTERLY and period.month % 3 != 1:
                    continue
                if rate is None:
                    value = Decimal(round(72 - 4 * weight + rng.uniform(-3, 3) + n * 0.3, 1))
                else:
                    expected = rate * weight * area.population / 1000 / 2
                    value = Decimal(max(0, round(rng.gauss(expected, expected / 4))))
                values.append(
                    IndicatorValue(
                        indicator=indicator,
                        area=area,
                        period=period,
                        value=value,
                        status=ValueStatus.PRELIMINARY if n >= 10 else ValueStatus.FINAL,
                    )
                )
    IndicatorValue.objects.bulk_create(values)


def _seed_picture_and_plan() -> None:
    umea = demo_municipality()
    today = timezone.localdate()
    adopted = today - datetime.timedelta(days=240)
    picture = SituationPicture.objects.create(
        municipality=umea,
        title=f"Lägesbild Umeå {adopted.year}",
        mapping="Skadegörelse och narkotikabrott är vanligast i Ålidhem och centrum. "
        "Anmälningarna har ökat kvällstid kring centrumhusen.",
        other_information="Skolans elevhälsa rapporterar fler unga som söker sig till "
        "centrum kvällstid. Fritidsgårdarnas besökstal har minskat.",
        analysis="Brist på vuxennärvaro kvällstid, platser som är mörka och oövervakade, och "
        "en liten grupp unga som rekryteras till narkotikaförsäljning.",
        sources="Polisens anmälningsstatistik, NTU, Umeå kommuns trygghetsundersökning, "
        "händelserapporter (EST), elevhälsan.",
        source_limits="NTU-siffror är osäkra på kommunnivå; polisens siffror för de senaste "
        "två månaderna är preliminära.",
        status=DocumentStatus.ADOPTED,
        adopted_by="Kommunfullmäktige",
        adopted_on=adopted,
        case_number=f"KS-{adopted.year}/00196",
    )
    picture.indicators.set(Indicator.objects.filter(municipality=umea))
    area = {a.name: a for a in Area.objects.filter(municipality=umea)}
    problems = []
    for priority, title, offender, target, place, areas in [
        (1, "Öppen narkotikaförsäljning i centrum", "En liten grupp äldre som rekryterar unga",
         "Unga i riskzon; butiker", "Resecentrum, kvällstid", ["Centrum"]),
        (2, "Otrygghet kvällstid i Ålidhem", "Grupper av unga utan vuxennärvaro",
         "Boende, butikspersonal", "Centrumhusets baksida, dålig belysning", ["Ålidhem"]),
    ]:  # fmt: skip
        problem = Problem.objects.create(
            picture=picture, priority=priority, title=title, description=title + ".",
            offender=offender, victim_target=target, place=place,
        )  # fmt: skip
        problem.areas.set([area[a] for a in areas])
        problems.append(problem)
    plan = ActionPlan.objects.create(
        municipality=umea,
        title=f"Åtgärdsplan {adopted.year}–{adopted.year + 1}",
        picture=picture,
        status=DocumentStatus.ADOPTED,
        adopted_by="Kommunfullmäktige",
        adopted_on=adopted + datetime.timedelta(days=30),
        case_number=f"KS-{adopted.year}/00197",
    )
    org = {o.name: o for o in Organisation.objects.all()}
    promises = {u.title: u for u in Undertaking.objects.all()}
    for problem, cause, measure, goal, who, status, promise in [
        (problems[0], "Rekrytering av unga", "Uppsökande arbete och riktade polisinsatser",
         "Anmälda överlåtelsebrott minskar från 40 till 25 per kvartal inom två år",
         "Polisen LPO Umeå", RowStatus.YELLOW, "Minskad narkotikahandel i centrum"),
        (problems[1], "Mörka platser utan vuxennärvaro", "Belysning, kameror och vuxna på stan",
         "Andelen trygga kvällstid ökar från 54 till 65 % till nästa trygghetsundersökning",
         "Bostaden AB", RowStatus.GREEN, "Tryggare kvällar i Ålidhem"),
        (problems[1], "Få fritidsaktiviteter kvällstid", "Fritidsgården öppen fredagar till 23",
         "Minst 60 besökare per fredag under terminerna",
         "Fritid", RowStatus.RED, None),
    ]:  # fmt: skip
        row = ActionRow.objects.create(
            plan=plan, cause=cause, measure=measure, goal=goal, when="Löpande, följs upp kvartalsvis",
            responsible=org[who], follow_up="Kvartalsvis i brottsförebyggande rådet", status=status,
        )  # fmt: skip
        row.problems.set([problem])
        if promise:
            row.undertakings.set([promises[promise]])


DECISION_NOTES = {
    GrantStatus.REJECTED: "Ligger utanför anslagets syfte.",
    GrantStatus.SUPPLEMENT_REQUESTED: "Komplettera med budget per aktivitet.",
}


def _seed_fund() -> None:
    """The 6 MSEK yearly safety fund with applications in different states."""
    umea = demo_municipality()
    org = {o.name: o for o in Organisation.objects.all()}
    fund = Fund.objects.create(
        municipality=umea,
        name="Trygghetsanslaget",
        year=timezone.localdate().year,
        amount=Decimal(6_000_000),
        description="Kommunens årliga anslag för trygghetsskapande och brottsförebyggande "
        "åtgärder, som förvaltningar och bolag söker.",
    )
    today = timezone.localdate()
    for applicant, title, requested, status, granted, outcome, spent in [
        ("Fritid", "Kvällsöppen fritidsgård Ålidhem", 450_000, GrantStatus.FINAL_REPORTED,
         450_000, (2400, "besök"), 430_000),
        ("Bostaden AB", "Belysning och kameror vid centrumhuset", 800_000,
         GrantStatus.PROGRESS_REPORTED, 600_000, None, 350_000),
        ("Ersängsskolan", "Vuxna i skolan på kvällstid", 300_000, GrantStatus.GRANTED,
         300_000, None, 60_000),
        ("Socialtjänsten", "Föräldrastöd för unga i riskzon", 500_000,
         GrantStatus.SUPPLEMENT_REQUESTED, None, None, 0),
        ("Fritid", "Sommarlovsaktiviteter", 200_000, GrantStatus.RECEIVED, None, None, 0),
        ("ICA Ålidhem", "Väktare i butiken", 250_000, GrantStatus.REJECTED, None, None, 0),
    ]:  # fmt: skip
        application = GrantApplication.objects.create(
            fund=fund, applicant=org[applicant], title=title, problem="Se lägesbilden.",
            measure=title + ".", goals="Mätbara mål enligt ansökan.",
            evaluation="Följs upp med besöksstatistik och trygghetsundersökningen.",
            amount_requested=Decimal(requested), status=status,
            amount_granted=Decimal(granted) if granted else None,
            outcome=Decimal(outcome[0]) if outcome else None,
            outcome_unit=outcome[1] if outcome else "",
            decision_note=DECISION_NOTES.get(status, ""),
        )  # fmt: skip
        BudgetLine.objects.create(
            application=application, item="Personal", amount=Decimal(requested * 0.7)
        )
        BudgetLine.objects.create(
            application=application, item="Material", amount=Decimal(requested * 0.3)
        )
        if spent:
            Spending.objects.create(
                application=application, date=today - datetime.timedelta(days=60),
                amount=Decimal(spent), description="Personal och material enligt budget",
            )  # fmt: skip


def _seed_groups() -> None:
    """The chain from the strategic council down, with an overlap left in on purpose."""
    umea = demo_municipality()
    org = {o.name: o for o in Organisation.objects.all()}
    area = {a.name: a for a in Area.objects.filter(municipality=umea)}
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
        municipality=umea,
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
    umea = demo_municipality()
    org = {o.name: o for o in Organisation.objects.all()}
    area = {a.name: a for a in Area.objects.filter(municipality=umea)}
    today = timezone.localdate()
    start = today.replace(month=1, day=1) - datetime.timedelta(days=365)
    agreement = CooperationAgreement.objects.create(
        municipality=umea,
        title="Samverkansöverenskommelse Umeå kommun och Polisen",
        municipal_party=org["Umeå kommun"],
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
            municipality=umea,
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
        municipality=umea,
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


# Who answers for the demo's activities of these organisations: the police's overdue one
# is in `polis`'s morning reminder.
RESPONSIBLE = {"Polisen LPO Umeå": "polis", "Socialtjänsten": "socialsekreterare"}


def _fill(undertaking, org, areas, parties, activities, targets, quarters, today) -> None:
    """Areas, parties, activities, targets, four quarters of follow-up and feedback."""
    undertaking.areas.set(areas)
    undertaking.parties.set([org[name] for name in parties])
    people = {
        user.username: user for user in User.objects.filter(username__in=RESPONSIBLE.values())
    }
    for n, (responsible, description, status) in enumerate(activities):
        Activity.objects.create(
            undertaking=undertaking,
            description=description,
            responsible=org[responsible],
            responsible_person=people.get(RESPONSIBLE.get(responsible, "")),
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
            # Each quarter was previewed and published as it was reported.
            published_at=timezone.now(),
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
    umea = demo_municipality()
    areas = list(Area.objects.filter(municipality=umea))
    weights = [OBSERVATION_WEIGHT.get(area.name, 1) for area in areas]
    organisations = list(Organisation.objects.filter(name__in=REPORTING))
    now = timezone.now()
    Observation.objects.bulk_create(
        Observation(
            municipality=umea,
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
    umea = demo_municipality()
    areas = list(Area.objects.filter(municipality=umea))
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
                    municipality=umea,
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
    area_links.objects.bulk_create(
        area_links(jointeffort_id=effort.pk, area_id=area.pk)
        for effort, (effort_areas, _names) in zip(efforts, links, strict=True)
        for area in effort_areas
    )
    EffortParty.objects.bulk_create(
        EffortParty(
            jointeffort_id=effort.pk,
            organisation_id=organisations[name].pk,
            municipality_id=effort.municipality_id,
        )
        for effort, (_areas, names) in zip(efforts, links, strict=True)
        for name in names
        if name in organisations
    )

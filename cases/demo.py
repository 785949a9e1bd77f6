"""Demo SIG cases with exactly the facts issue 6 names, so anyone can check the rules:
polis sees Alva and never Bertil; skolkurator sees both; politiker, fastighet and
skatteverket see neither."""

import datetime

from django.utils import timezone

from cases.models import NoteVisibility, SigCase
from cases.services import sig as services
from collaboration.models import Area
from umebra import access
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
    if SigCase.objects.exists():
        return
    owner = User.objects.get(username="socialsekreterare")
    actor = access.actor_for(owner)
    today = timezone.localdate()
    for spec in CASES:
        case = services.case_open(
            actor=actor,
            name=spec["name"],
            personal_number=spec["personal_number"],
            area=Area.objects.get(name=spec["area"]),
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
        services.note_add(
            actor=actor,
            case=case,
            visibility=NoteVisibility.CASE,
            text="Första samordningsmötet hölls. Nästa möte om två veckor.",
        )
        services.note_add(
            actor=actor,
            case=case,
            visibility=NoteVisibility.OWN_ORGANISATION,
            text="Socialtjänstens egen bedömning av hemsituationen.",
        )

"""The demo's accessibility statement, true of this installation as shipped, and one
reader's report for the coordinator's list. Seeded once: what an administrator has since
written in the admin is kept."""

import datetime

from umebra.accessibility.models import THE_STATEMENT, AccessibilityReport, AccessibilityStatement
from umebra.demo import MUNICIPALITY

# The municipality's own words, so in Swedish, the language it publishes in.
KNOWN_GAPS = """\
Administrationsgränssnittet (/admin/), där systemadministratören sköter konton, \
organisationer och den här redogörelsen, är Djangos inbyggda administration. Det har inte \
testats för tillgänglighet, varken med automatiska verktyg eller i vår självskattning.

Diagrammen och kartan i rapporterna (PDF) är bilder. De har textalternativ, och samma \
siffror står i tabeller bredvid dem. Filerna är taggade för skärmläsare (PDF/A-3a), men den \
automatiska kontrollen med axe-core gäller bara webbsidorna, inte PDF-filerna.

Alla sidor ingår inte i den automatiska kontrollen med axe-core: den omfattar sidorna utan \
inloggning, varje rolls startsida och de mest använda listorna, formulären och detaljsidorna. \
Övriga sidor, till exempel formulären för enskilda delar av ett ärende eller en operation, \
har bara bedömts i självskattningen."""

ASSESSED_ON = datetime.date(2026, 12, 3)


def seed() -> None:
    AccessibilityStatement.objects.get_or_create(
        id=THE_STATEMENT,
        defaults={
            "organisation_name": MUNICIPALITY,
            # A reserved domain: the demo mails no one; a municipality writes its own.
            "contact_email": "tillganglighet@umea.example",
            "assessed_on": ASSESSED_ON,
            "known_gaps": KNOWN_GAPS,
        },
    )
    AccessibilityReport.objects.get_or_create(
        page="Rapporter",
        defaults={
            "problem": "Diagrammet i kvartalsuppföljningen är svårt att läsa med förstoring.",
            "contact_email": "lasare@umea.example",
        },
    )

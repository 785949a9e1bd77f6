"""Reports on the home page: what a reader may download, and the latest key figures."""

from django.http import HttpRequest

from reports.models import ReportKind
from reports.policy import READERS
from reports.selectors import reports_ready
from reports.summary import HOME_FIGURES
from umebra import home
from umebra.models import Membership

RECENT = 5


def _reports(request: HttpRequest, membership: Membership) -> dict:
    ready = reports_ready(user=request.user)
    latest = ready.filter(kind=ReportKind.QUARTERLY).order_by("-period_end", "-id").first()
    return {
        "reports": ready[:RECENT],
        # A report stores every key figure it printed; the home page shows the few it names.
        "figures": [f for f in latest.figures if f[0] in HOME_FIGURES] if latest else [],
        "period": latest.period if latest else None,
        # Beside each figure when the quarter had not ended: "preliminär, data t.o.m. …".
        "preliminary": latest.preliminary_label if latest else "",
    }


def register() -> None:
    home.register_panel(
        template="reports/panels/reports.html", context=_reports, roles=READERS, order=5
    )

"""Who may see and ask for reports (registered with ``umebra.access``).

Reports hold aggregates only (``reports.suppression``), so they go to the people who decide:
coordinators ask for them and read them, politicians read them, the auditor checks them.
"""

from reports.models import ReportFile, ReportRun
from umebra import access
from umebra.access import Action, ParentPolicy, RolePolicy
from umebra.roles import Role

READERS = frozenset({Role.COORDINATOR, Role.POLITICIAN, Role.AUDITOR})


@access.register(ReportRun)
class ReportRunPolicy(RolePolicy):
    roles = {Action.VIEW: READERS}
    add = frozenset({Role.COORDINATOR})


@access.register(ReportFile)
class ReportFilePolicy(ParentPolicy):
    parent = "run"

"""Who reads and keeps the accessibility statement and its reports (registered with
``umebra.access``)."""

from django.db.models import QuerySet

from umebra import access
from umebra.access import Action, RolePolicy
from umebra.accessibility.models import AccessibilityReport, AccessibilityStatement
from umebra.roles import Role

# The register extract's action, as the cases' policy names it (``cases.policy.EXTRACT``),
# which the core may not import.
EXTRACT = "extract"


@access.register(AccessibilityStatement)
class AccessibilityStatementPolicy(RolePolicy):
    """The law makes the statement public; the administrator keeps it, in the admin. It is
    never deleted: the service must have one at all times."""

    # Still the installation's, seen by every municipality's holders of the role: scoping it
    # to the municipality is the next step of issue 20.
    tenant = None

    roles = {Action.VIEW: frozenset({Role.ADMIN}), Action.CHANGE: frozenset({Role.ADMIN})}
    add = frozenset({Role.ADMIN})

    def public(self, queryset: QuerySet) -> QuerySet:
        return queryset


@access.register(AccessibilityReport)
class AccessibilityReportPolicy(RolePolicy):
    """Coordinators answer for the service towards its readers, so they read the reports;
    the administrator too, who fixes what is technical. Anyone may send one, logged in or
    not, so sending is no rule of the policy (``accessibility_report_create``).

    A report may hold the sender's e-mail, or a name in its text: reads are logged, and the
    auditor puts a sender's reports in their register extract (docs/rules.md, rule 4), found
    by the address they gave; the auditor does not list them otherwise.
    """

    # Still the installation's, seen by every municipality's holders of the role: scoping it
    # to the municipality is the next step of issue 20.
    tenant = None

    personal_data = True
    roles = {
        Action.VIEW: frozenset({Role.COORDINATOR, Role.ADMIN}),
        EXTRACT: frozenset({Role.AUDITOR}),
    }

"""The accessibility statement's editable parts, and readers' reports of problems."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

#: The statement is one row: the law asks for one statement of the service, not a history.
THE_STATEMENT = 1


class AccessibilityStatement(models.Model):
    """What the municipality says in its own words; the headings and the fixed text of DIGG's
    model statement are in the template, translated, since they are true of every
    installation."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=THE_STATEMENT, editable=False)
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        help_text=_("Who is responsible for the service, as in: Umeå kommun."),
    )
    contact_email = models.EmailField(
        _("contact e-mail"), help_text=_("Where readers write about accessibility.")
    )
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    assessed_on = models.DateField(
        _("latest assessment"),
        help_text=_("The day the service's accessibility was last reviewed."),
    )
    known_gaps = models.TextField(
        _("known gaps"),
        help_text=_("The content that is not accessible, and why. One paragraph per blank line."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statement")
        constraints = [
            models.CheckConstraint(
                condition=Q(id=THE_STATEMENT), name="one_accessibility_statement"
            )
        ]

    def __str__(self) -> str:
        return str(_("Accessibility statement of %(organisation)s")) % {
            "organisation": self.organisation_name
        }


class AccessibilityReport(models.Model):
    """A reader's report of a problem: anyone may send one, logged in or not.

    Once it has been kept for ``UMEBRA_ACCESSIBILITY_REPORT_RETENTION_MONTHS`` its words,
    address and sender are purged (``accessibility_reports_purge``); the row stays with its
    dates, so the access log's events still name a report, as a purged SIG case stays.
    """

    page = models.CharField(
        _("page"),
        max_length=300,
        help_text=_("The page's address or name, for example: the observation form."),
    )
    problem = models.TextField(_("problem"), max_length=2000)
    contact_email = models.EmailField(
        _("e-mail for an answer"),
        blank=True,
        help_text=_("Optional. Only if you want an answer."),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True, db_index=True)
    purged_at = models.DateTimeField(_("purged"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("accessibility report")
        verbose_name_plural = _("accessibility reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(purged_at=None)
                | Q(page="", problem="", contact_email="", reported_by=None),
                name="purged_accessibility_report_holds_nothing",
            )
        ]

    def __str__(self) -> str:
        return self.page

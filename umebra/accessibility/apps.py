from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    """The public accessibility statement, which the municipality keeps in the admin, and the
    problems readers report on it, which coordinators read (``policy.py``)."""

    name = "umebra.accessibility"
    label = "accessibility"
    verbose_name = _("Accessibility")

    def ready(self) -> None:
        from umebra import roles
        from umebra.accessibility.subjects import senders_find, senders_of
        from umebra.audit import subjects
        from umebra.roles import Role

        # A reader's reports are found by the address they gave, for the auditor's search
        # of the log and the register extract.
        subjects.register(find=senders_find, owners=senders_of)

        # The administrator keeps the statement's own words in the admin; it is one row,
        # made once and never deleted (the law wants a statement at all times).
        roles.grant(
            Role.ADMIN,
            "accessibility.view_accessibilitystatement",
            "accessibility.add_accessibilitystatement",
            "accessibility.change_accessibilitystatement",
        )

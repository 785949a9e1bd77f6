"""The accessibility statement in the admin: the administrator keeps the municipality's own
words there, as organisations and accounts are kept."""

from django.contrib import admin

from umebra.accessibility.models import AccessibilityStatement
from umebra.admin_access import AccessRestrictedAdmin


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(AccessRestrictedAdmin):
    list_display = ("organisation_name", "assessed_on", "updated_at")
    fields = (
        "organisation_name", "contact_email", "contact_phone", "assessed_on", "known_gaps"
    )  # fmt: skip

    def has_add_permission(self, request) -> bool:
        """One statement: once written, it is changed, not added to."""
        exists = AccessibilityStatement.objects.exists()
        return not exists and super().has_add_permission(request)

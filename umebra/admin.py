"""Django admin for administrators: users, organisations and memberships.

A saved membership re-syncs its user's role group, as the services do.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group

from umebra import services
from umebra.admin_access import AccessRestrictedAdmin
from umebra.models import Membership, Organisation, User, WorkerPing


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("organisation", "role", "valid_from", "valid_to")
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(User)
class UserAdmin(AccessRestrictedAdmin, DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ("username", "first_name", "last_name", "email", "is_active")
    # Roles are held through memberships; groups and superuser status are not edited by hand.
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (DjangoUserAdmin.fieldsets[1][0], {"fields": ("first_name", "last_name", "email")}),
        (DjangoUserAdmin.fieldsets[3][0], {"fields": ("last_login", "date_joined")}),
        (None, {"fields": ("is_active",)}),
    )
    readonly_fields = ("last_login", "date_joined")


@admin.register(Organisation)
class OrganisationAdmin(AccessRestrictedAdmin):
    list_display = ("name", "kind", "organisation_number", "is_public_authority", "parent")
    list_filter = ("kind", "is_public_authority")
    search_fields = ("name", "organisation_number")


@admin.register(Membership)
class MembershipAdmin(AccessRestrictedAdmin):
    list_display = ("user", "organisation", "role", "valid_from", "valid_to")
    list_filter = ("role", "organisation")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    autocomplete_fields = ("organisation",)
    list_select_related = ("user", "organisation")

    def get_readonly_fields(self, request, obj=None):
        # An existing membership is only ended, never moved to another person or role.
        return ("user", "organisation", "role", "valid_from") if obj else ()

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        services.user_sync_groups(user=obj.user)


@admin.register(WorkerPing)
class WorkerPingAdmin(AccessRestrictedAdmin):
    list_display = ("queued_at", "status", "answered_by", "finished_at", "requested_by")
    readonly_fields = [field.name for field in WorkerPing._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


# Roles are defined in code (umebra/roles.py) and their groups kept in step with it.
admin.site.unregister(Group)

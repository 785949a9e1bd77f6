"""Django admin for administrators: accounts, organisations, lock-outs; memberships to read.

Memberships are given, asked for and approved on the organisation pages, where the four
eyes rule applies (``MembershipPolicy``); the admin only shows them.
"""

from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from umebra.admin_access import AccessRestrictedAdmin
from umebra.audit.services import alert_raise
from umebra.models import Membership, MembershipStatus, Organisation, User, WorkerPing
from umebra.reauth import sensitive_step


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    fields = ("organisation", "role", "status", "valid_from", "valid_to", "administers_members")
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

    @method_decorator(sensitive_step)
    def user_change_password(self, request, id, form_url=""):
        """Setting the password of an account in use (it has logged in, or holds or waits
        for a role) is taking it over, for as long as its owner does not notice (an account
        with one factor, wholly): the password is asked again first, and the auditor is
        told."""
        account = User.objects.filter(pk=unquote(id)).first()
        response = super().user_change_password(request, id, form_url)
        in_use = account is not None and (
            account.last_login is not None
            or account.memberships.exclude(status=MembershipStatus.REFUSED).exists()
        )
        if not in_use:  # a new account's first password, before any role
            return response
        if User.objects.filter(pk=account.pk).exclude(password=account.password).exists():
            alert_raise(
                user=account,
                description=_("Password of %(user)s, an account in use, set by %(by)s")
                % {"user": account.get_username(), "by": request.user.get_username()},
            )
        return response


@admin.register(Organisation)
class OrganisationAdmin(AccessRestrictedAdmin):
    list_display = ("name", "kind", "organisation_number", "is_public_authority", "parent")
    list_filter = ("kind", "is_public_authority")
    search_fields = ("name", "organisation_number")


@admin.register(Membership)
class MembershipAdmin(AccessRestrictedAdmin):
    list_display = ("user", "organisation", "role", "status", "valid_from", "valid_to")
    list_filter = ("role", "status", "organisation")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    list_select_related = ("user", "organisation")


@admin.register(WorkerPing)
class WorkerPingAdmin(AccessRestrictedAdmin):
    list_display = ("queued_at", "status", "answered_by", "finished_at", "requested_by")
    readonly_fields = [field.name for field in WorkerPing._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


# Lock-outs (django-axes): an administrator lifts one by deleting its record of failures.
admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AccessRestrictedAdmin, AxesAccessAttemptAdmin):
    deletion_reason = "lock-out lifted"


# Roles are defined in code (umebra/roles.py) and their groups kept in step with it. Login
# histories and authenticator apps are not the administrator's to read or change here.
for model in (Group, AccessLog, AccessFailureLog, TOTPDevice):
    admin.site.unregister(model)

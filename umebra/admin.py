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
from django.core.exceptions import PermissionDenied
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from umebra import access
from umebra.admin_access import AccessRestrictedAdmin
from umebra.audit.services import alert_raise
from umebra.forms import MunicipalityAddForm
from umebra.models import (
    Membership,
    MembershipStatus,
    Municipality,
    Organisation,
    User,
    WorkerPing,
    active_q,
)
from umebra.reauth import sensitive_step
from umebra.roles import OVERSIGHT_ROLES
from umebra.services import municipality_create
from umebra.tenancy import municipality_for


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

    @staticmethod
    def _oversees(request, account) -> bool:
        """Another's account in an auditor's or administrator's role. The administrator
        neither switches it off, renames it nor sets its password: one person would take
        the oversight away, which takes two administrators ending the role."""
        return (
            account is not None
            and account.pk != request.user.pk
            and account.memberships.filter(active_q(), role__in=OVERSIGHT_ROLES).exists()
        )

    @staticmethod
    def _in_use(account) -> bool:
        """It has logged in, or holds or waits for a role: not a new account's set-up."""
        return account.last_login is not None or (
            account.memberships.exclude(status=MembershipStatus.REFUSED).exists()
        )

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return (*fields, "username", "is_active") if self._oversees(request, obj) else fields

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active and self._in_use(obj):
            self._alert(request, obj, _("Account of %(user)s, in use, switched off by %(by)s"))

    @method_decorator(sensitive_step)
    def user_change_password(self, request, id, form_url=""):
        """Setting (or removing) the password of an account in use is taking it over, or
        shutting its owner out, for as long as they do not notice: the password is asked
        again first, and the auditor is told."""
        account = User.objects.filter(pk=unquote(id)).first()
        if self._oversees(request, account):
            raise PermissionDenied
        response = super().user_change_password(request, id, form_url)
        if account is None or not self._in_use(account):
            return response
        if User.objects.filter(pk=account.pk).exclude(password=account.password).exists():
            self._alert(
                request, account, _("Password of %(user)s, an account in use, changed by %(by)s")
            )
        return response

    @staticmethod
    def _alert(request, account, description: str) -> None:
        alert_raise(
            user=account,
            description=description
            % {"user": account.get_username(), "by": request.user.get_username()},
        )


@admin.register(Organisation)
class OrganisationAdmin(AccessRestrictedAdmin):
    list_display = ("name", "kind", "organisation_number", "is_public_authority", "parent")
    list_filter = ("kind", "is_public_authority", "regional")
    search_fields = ("name", "organisation_number")

    # Where an organisation works is not changed here: a municipality's administrator sees
    # only their own municipalities, and saving the form would take the organisation out of
    # the others. An organisation added here works in the administrator's municipality;
    # ``manage.py municipality_add --regional`` lets a regional one work in a new one.
    readonly_fields = ("regional", "municipalities")

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            obj.municipalities.set([municipality_for(access.actor_for(request.user))])

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = access.restrict(request.user, Organisation.objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    """The installation's administrator adds a municipality here, as with ``manage.py
    municipality_add``: with its organisation and first coordinator, all or nothing
    (``municipality_create``). Only they see this page; a municipality is never changed or
    deleted here, for everything of its people names it."""

    form = MunicipalityAddForm
    list_display = ("name", "code", "slug")
    search_fields = ("name", "code")

    def _keeps(self, request) -> bool:
        return access.installation_administrator(access.actor_for(request.user))

    def has_module_permission(self, request) -> bool:
        return self._keeps(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._keeps(request)

    def has_add_permission(self, request) -> bool:
        return self._keeps(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        data = form.cleaned_data
        added = municipality_create(
            actor=access.actor_for(request.user),
            name=data["name"],
            slug=data["slug"],
            code=data["code"],
            organisation_name=data["organisation_name"],
            organisation_number=data["organisation_number"],
            coordinator=data["coordinator"],
            regional=data["regional"],
        )
        obj.pk = added.pk  # the admin's message and redirect name the one added

    def save_related(self, request, form, formsets, change) -> None:
        """Nothing more: the service made all of it."""


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

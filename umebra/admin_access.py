"""Django admin under the access layer: what the admin shows, links to and changes is what
the access layer allows, and every change made through it is in the access log."""

import json

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils import translation

from umebra import access
from umebra.audit.models import AccessAction


class AdminSite(admin.AdminSite):
    """Django's admin site, with "view on site" asking the access layer.

    Django's own shortcut (``/admin/r/<type>/<id>/``) looks any object up directly: it
    redirected for a case that exists and answered 404 for one that does not, while the
    case itself answered 404 to the administrator. Here both answer 404 alike.
    """

    def get_urls(self):
        urls = [url for url in super().get_urls() if getattr(url, "name", "") != "view_on_site"]
        return [
            path(
                "r/<path:content_type_id>/<path:object_id>/",
                self.admin_view(self.view_on_site),
                name="view_on_site",
            ),
            *urls,
        ]

    def view_on_site(self, request: HttpRequest, content_type_id, object_id) -> HttpResponse:
        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
            access.policy_for(model)
        except (ValueError, ContentType.DoesNotExist, ImproperlyConfigured, AttributeError):
            raise Http404 from None
        try:
            obj = access.get_object_or_404(request, model, pk=object_id)
        except (ValueError, ValidationError):
            raise Http404 from None
        if not hasattr(obj, "get_absolute_url"):
            raise Http404
        return redirect(obj.get_absolute_url())


def _in_words(message) -> str:
    """The admin's change message as its history page words it, in the site's language
    (the log's text is kept as written, under its hash chain)."""
    stored = json.dumps(message) if isinstance(message, list) else str(message)
    with translation.override(settings.LANGUAGE_CODE):
        return LogEntry(change_message=stored).get_change_message()


class AccessRestrictedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose rows and permissions come from the model's access policy, and
    whose every addition, change and deletion is written to the access log.

    Model permissions still open the admin's pages; the policy decides which objects appear
    in them and which may be changed.
    """

    #: The access log's reason for a deletion made here (what deleting means for the model).
    deletion_reason = "deleted through the admin"

    def get_queryset(self, request):
        return access.restrict(request.user, super().get_queryset(request))

    def has_view_permission(self, request, obj=None) -> bool:
        return super().has_view_permission(request, obj) and self._allows(
            request, obj, access.Action.VIEW
        )

    def has_change_permission(self, request, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and self._allows(request, obj, access.Action.CHANGE)

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and access.may_add(request.user, self.model)

    def has_delete_permission(self, request, obj=None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and self._allows(request, obj, access.Action.DELETE)

    def _allows(self, request, obj, action: str) -> bool:
        return obj is None or access.allows(request.user, obj, action)

    def log_addition(self, request, obj, message):
        reason = f"admin: {_in_words(message)}"
        access.log(request, AccessAction.CREATE, type(obj), str(obj.pk), reason=reason)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        reason = f"admin: {_in_words(message)}"
        access.log(request, AccessAction.CHANGE, type(obj), str(obj.pk), reason=reason)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            access.log(
                request, AccessAction.DELETE, type(obj), str(obj.pk), reason=self.deletion_reason
            )
        return super().log_deletions(request, queryset)

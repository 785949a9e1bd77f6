"""Django admin under the access layer: change lists and forms show only what it allows."""

from django.contrib import admin

from umebra import access


class AccessRestrictedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose rows and permissions come from the model's access policy.

    Model permissions still open the admin's pages; the policy decides which objects appear
    in them and which may be changed.
    """

    def get_queryset(self, request):
        return access.restrict(request.user, super().get_queryset(request))

    def has_view_permission(self, request, obj=None) -> bool:
        return super().has_view_permission(request, obj) and self._allows(request, obj, access.VIEW)

    def has_change_permission(self, request, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and self._allows(request, obj, access.CHANGE)

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and access.may_add(request.user, self.model)

    def has_delete_permission(self, request, obj=None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and self._allows(request, obj, access.DELETE)

    def _allows(self, request, obj, action: str) -> bool:
        return obj is None or access.allows(request.user, obj, action)

from django.contrib import admin

from collaboration.models import Area
from umebra.admin_access import AccessRestrictedAdmin


@admin.register(Area)
class AreaAdmin(AccessRestrictedAdmin):
    list_display = ("name", "population")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)

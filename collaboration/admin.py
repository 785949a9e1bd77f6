from django.contrib import admin

from collaboration.models import Area


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("name", "population")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)

from django.urls import path, re_path

from collaboration.views import efforts

app_name = "collaboration"
urlpatterns = [
    path("efforts/", efforts.effort_list_view, name="effort-list"),
    path("efforts/new/", efforts.effort_create_view, name="effort-create"),
    path("efforts/<int:pk>/", efforts.effort_detail_view, name="effort-detail"),
    path("efforts/<int:pk>/edit/", efforts.effort_update_view, name="effort-update"),
    re_path(
        r"^efforts/export\.(?P<file_format>csv|xlsx)$",
        efforts.effort_export_view,
        name="effort-export",
    ),
]

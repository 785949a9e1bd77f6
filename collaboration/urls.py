from django.urls import path, re_path

from collaboration.views import efforts, observations

app_name = "collaboration"
urlpatterns = [
    path("observations/", observations.observation_list_view, name="observation-list"),
    path("observations/new/", observations.observation_create_view, name="observation-create"),
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

from django.urls import path, re_path

from collaboration.views import agreements, areas, efforts, groups, observations

app_name = "collaboration"
urlpatterns = [
    path("areas/", areas.area_list_view, name="area-list"),
    path("areas/new/", areas.area_form_view, name="area-create"),
    path("areas/<int:pk>/edit/", areas.area_form_view, name="area-update"),
    path("groups/", groups.group_list_view, name="group-list"),
    path("groups/new/", groups.group_form_view, name="group-create"),
    path("groups/<int:pk>/", groups.group_detail_view, name="group-detail"),
    path("groups/<int:pk>/edit/", groups.group_form_view, name="group-update"),
    path("groups/<int:group_pk>/meetings/new/", groups.meeting_form_view, name="meeting-create"),
    path("meetings/<int:pk>/edit/", groups.meeting_form_view, name="meeting-update"),
    path("meetings/<int:pk>/decisions/new/", groups.decision_create_view, name="decision-create"),
    path("decisions/<int:pk>/done/", groups.decision_done_view, name="decision-done"),
    path("promises/", agreements.public_promises_view, name="public-promises"),
    path("agreements/", agreements.agreement_list_view, name="agreement-list"),
    path("agreements/new/", agreements.agreement_form_view, name="agreement-create"),
    path("agreements/<int:pk>/", agreements.agreement_detail_view, name="agreement-detail"),
    path("agreements/<int:pk>/edit/", agreements.agreement_form_view, name="agreement-update"),
    path("undertakings/new/", agreements.undertaking_form_view, name="undertaking-create"),
    path("undertakings/<int:pk>/", agreements.undertaking_detail_view, name="undertaking-detail"),
    path(
        "undertakings/<int:pk>/edit/", agreements.undertaking_form_view, name="undertaking-update"
    ),
    path(
        "undertakings/<int:pk>/activities/new/",
        agreements.activity_create_view,
        name="activity-create",
    ),
    path("activities/<int:pk>/edit/", agreements.activity_update_view, name="activity-update"),
    path(
        "undertakings/<int:pk>/indicators/new/",
        agreements.target_create_view,
        name="target-create",
    ),
    path(
        "undertakings/<int:pk>/follow-ups/new/",
        agreements.follow_up_create_view,
        name="follow-up-create",
    ),
    path(
        "undertakings/<int:pk>/feedback/new/",
        agreements.feedback_create_view,
        name="feedback-create",
    ),
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

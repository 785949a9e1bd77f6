from django.urls import path, re_path

from collaboration.views import (
    agreements,
    areas,
    efforts,
    funds,
    groups,
    indicators,
    observations,
    open_data,
    situation,
)

app_name = "collaboration"
urlpatterns = [
    path("indicators/", indicators.indicator_list_view, name="indicator-list"),
    path("indicators/new/", indicators.indicator_form_view, name="indicator-create"),
    path("indicators/import/", indicators.indicator_import_view, name="indicator-import"),
    path("indicators/<int:pk>/", indicators.indicator_detail_view, name="indicator-detail"),
    path("indicators/<int:pk>/edit/", indicators.indicator_form_view, name="indicator-update"),
    path(
        "indicator-values/<int:pk>/edit/",
        indicators.indicator_value_update_view,
        name="indicator-value-update",
    ),
    path(
        "indicators/<int:pk>/values/new/",
        indicators.indicator_value_create_view,
        name="indicator-value-create",
    ),
    path("situation/", situation.cycle_overview_view, name="cycle-overview"),
    path("situation/pictures/new/", situation.picture_form_view, name="picture-create"),
    path("situation/pictures/<int:pk>/", situation.picture_detail_view, name="picture-detail"),
    path("situation/pictures/<int:pk>/edit/", situation.picture_form_view, name="picture-update"),
    path(
        "situation/pictures/<int:pk>/problems/new/",
        situation.problem_create_view,
        name="problem-create",
    ),
    path(
        "situation/pictures/<int:pk>/status/",
        situation.document_transition_view,
        {"kind": "picture"},
        name="picture-transition",
    ),
    path("situation/plans/new/", situation.plan_form_view, name="plan-create"),
    path("situation/plans/<int:pk>/", situation.plan_detail_view, name="plan-detail"),
    path("situation/plans/<int:pk>/edit/", situation.plan_form_view, name="plan-update"),
    path(
        "situation/plans/<int:pk>/status/",
        situation.document_transition_view,
        {"kind": "plan"},
        name="plan-transition",
    ),
    path("situation/plans/<int:plan_pk>/rows/new/", situation.row_form_view, name="row-create"),
    path("situation/rows/<int:pk>/edit/", situation.row_form_view, name="row-update"),
    path("funds/", funds.fund_list_view, name="fund-list"),
    path("funds/new/", funds.fund_form_view, name="fund-create"),
    path("funds/<int:pk>/", funds.fund_detail_view, name="fund-detail"),
    path("funds/<int:pk>/edit/", funds.fund_form_view, name="fund-update"),
    path(
        "funds/<int:fund_pk>/applications/new/",
        funds.application_form_view,
        name="application-create",
    ),
    path("applications/<int:pk>/", funds.application_detail_view, name="application-detail"),
    path("applications/<int:pk>/edit/", funds.application_form_view, name="application-update"),
    path(
        "applications/<int:pk>/status/",
        funds.application_transition_view,
        name="application-transition",
    ),
    path(
        "applications/<int:pk>/budget/new/",
        funds.budget_line_create_view,
        name="budget-line-create",
    ),
    path(
        "applications/<int:pk>/spending/new/",
        funds.spending_create_view,
        name="spending-create",
    ),
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
    path(
        "<slug:slug>/promises/", agreements.municipality_promises_view, name="municipality-promises"
    ),
    path(
        "<slug:slug>/promises/data/promises.json",
        open_data.open_data_json_view,
        name="municipality-open-data-json",
    ),
    re_path(
        rf"^(?P<slug>[-a-z0-9]+)/promises/data/(?P<table>{'|'.join(open_data.TABLES)})\.csv$",
        open_data.open_data_csv_view,
        name="municipality-open-data-csv",
    ),
    path("promises/data/", open_data.open_data_view, name="open-data"),
    path("promises/data/promises.json", open_data.open_data_json_view, name="open-data-json"),
    re_path(
        rf"^promises/data/(?P<table>{'|'.join(open_data.TABLES)})\.csv$",
        open_data.open_data_csv_view,
        name="open-data-csv",
    ),
    path("agreements/", agreements.agreement_list_view, name="agreement-list"),
    path("agreements/new/", agreements.agreement_form_view, name="agreement-create"),
    path("agreements/<int:pk>/", agreements.agreement_detail_view, name="agreement-detail"),
    path("agreements/<int:pk>/edit/", agreements.agreement_form_view, name="agreement-update"),
    path("undertakings/new/", agreements.undertaking_form_view, name="undertaking-create"),
    path("undertakings/<int:pk>/", agreements.undertaking_detail_view, name="undertaking-detail"),
    path(
        "undertakings/<int:pk>/preview/",
        agreements.undertaking_preview_view,
        name="undertaking-preview",
    ),
    path(
        "undertakings/<int:pk>/publish/",
        agreements.undertaking_publish_view,
        {"publish": True},
        name="undertaking-publish",
    ),
    path(
        "undertakings/<int:pk>/withdraw/",
        agreements.undertaking_publish_view,
        {"publish": False},
        name="undertaking-withdraw",
    ),
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
    path("follow-ups/<int:pk>/edit/", agreements.follow_up_update_view, name="follow-up-update"),
    path(
        "follow-ups/<int:pk>/preview/", agreements.follow_up_preview_view, name="follow-up-preview"
    ),
    path(
        "follow-ups/<int:pk>/publish/", agreements.follow_up_publish_view, name="follow-up-publish"
    ),
    path(
        "undertakings/<int:pk>/feedback/new/",
        agreements.feedback_create_view,
        name="feedback-create",
    ),
    path("observations/", observations.observation_list_view, name="observation-list"),
    path("observations/new/", observations.observation_create_view, name="observation-create"),
    path(
        "observations/<int:pk>/edit/",
        observations.observation_update_view,
        name="observation-update",
    ),
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

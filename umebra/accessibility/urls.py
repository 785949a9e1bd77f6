"""Included without a namespace: the statement's address and name are fixed by the task
that links to it from every page (``accessibility-statement``)."""

from django.urls import path

from umebra.accessibility import views

urlpatterns = [
    path("tillganglighet/", views.accessibility_statement_view, name="accessibility-statement"),
    path(
        "accessibility-reports/",
        views.accessibility_report_list_view,
        name="accessibility-report-list",
    ),
]

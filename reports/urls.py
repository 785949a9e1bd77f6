from django.urls import path

from reports import views

app_name = "reports"
urlpatterns = [
    path("reports/", views.report_list_view, name="report-list"),
    path("reports/new/", views.report_request_view, name="report-request"),
    path("reports/<int:pk>/", views.report_detail_view, name="report-detail"),
    path("reports/<int:pk>/retry/", views.report_retry_view, name="report-retry"),
    path("reports/<int:pk>/pdf/", views.report_download_view, name="report-download"),
    path("reports/verify/", views.report_verify_view, name="report-verify"),
    path("reports/cycle/", views.cycle_view, name="cycle"),
]

from django.urls import path

from cases.views import emergency, extract, los, sig

app_name = "cases"
urlpatterns = [
    path("cases/emergency/", emergency.emergency_open_view, name="emergency-open"),
    path("emergency-access/", emergency.emergency_list_view, name="emergency-list"),
    path(
        "emergency-access/<int:pk>/review/",
        emergency.emergency_review_view,
        name="emergency-review",
    ),
    path("register-extract/", extract.register_extract_view, name="register-extract"),
    path("operations/", los.operation_list_view, name="operation-list"),
    path("operations/new/", los.operation_form_view, name="operation-create"),
    path("operations/<int:pk>/", los.operation_detail_view, name="operation-detail"),
    path("operations/<int:pk>/edit/", los.operation_form_view, name="operation-update"),
    path("operations/<int:pk>/status/", los.operation_status_view, name="operation-status"),
    path("operations/<int:pk>/targets/new/", los.target_create_view, name="target-create"),
    path("targets/<int:pk>/inspections/new/", los.inspection_create_view, name="inspection-create"),
    path("inspections/<int:pk>/measures/new/", los.measure_create_view, name="measure-create"),
    path(
        "operations/<int:pk>/intelligence/new/",
        los.intelligence_create_view,
        name="intelligence-create",
    ),
    path("cases/", sig.case_list_view, name="case-list"),
    path("cases/new/", sig.case_open_view, name="case-open"),
    path("cases/<int:pk>/", sig.case_detail_view, name="case-detail"),
    path("cases/<int:pk>/status/", sig.case_status_view, name="case-status"),
    path("cases/<int:pk>/consents/new/", sig.consent_create_view, name="consent-create"),
    path("consents/<int:pk>/revoke/", sig.consent_revoke_view, name="consent-revoke"),
    path("cases/<int:pk>/consent-form.pdf", sig.consent_form_pdf_view, name="consent-form-pdf"),
    path("cases/<int:pk>/grants/new/", sig.grant_create_view, name="grant-create"),
    path(
        "cases/<int:pk>/grants/<int:user_pk>/withdraw/",
        sig.grant_withdraw_view,
        name="grant-withdraw",
    ),
    path("cases/<int:pk>/notes/new/", sig.note_create_view, name="note-create"),
    path("cases/<int:pk>/actions/new/", sig.action_create_view, name="action-create"),
    path("cases/<int:pk>/disclosures/new/", sig.disclosure_create_view, name="disclosure-create"),
]

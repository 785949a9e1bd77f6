from django.urls import path

from cases.views import sig

app_name = "cases"
urlpatterns = [
    path("cases/", sig.case_list_view, name="case-list"),
    path("cases/new/", sig.case_open_view, name="case-open"),
    path("cases/<int:pk>/", sig.case_detail_view, name="case-detail"),
    path("cases/<int:pk>/status/", sig.case_status_view, name="case-status"),
    path("cases/<int:pk>/consents/new/", sig.consent_create_view, name="consent-create"),
    path("consents/<int:pk>/revoke/", sig.consent_revoke_view, name="consent-revoke"),
    path("cases/<int:pk>/grants/new/", sig.grant_create_view, name="grant-create"),
    path(
        "cases/<int:pk>/grants/<int:user_pk>/withdraw/",
        sig.grant_withdraw_view,
        name="grant-withdraw",
    ),
    path("cases/<int:pk>/notes/new/", sig.note_create_view, name="note-create"),
    path("cases/<int:pk>/actions/new/", sig.action_create_view, name="action-create"),
]

from django.urls import path

from umebra.two_factor import views

urlpatterns = [
    path("verify/", views.verify_view, name="two-factor-verify"),
    path("enrol/", views.enrol_view, name="two-factor-enrol"),
    path("backup-codes/", views.backup_codes_view, name="two-factor-backup-codes"),
    path("confirm/", views.password_confirm_view, name="password-confirm"),
]

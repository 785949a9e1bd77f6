from django.contrib import admin
from django.urls import include, path

from umebra import membership_views, organisation_views, views
from umebra.sso import views as sso_views

urlpatterns = [
    path("", views.home_view, name="home"),
    path("login/", sso_views.LoginView.as_view(), name="login"),
    path("login/", include("umebra.two_factor.urls")),
    path("logout/", sso_views.logout_view, name="logout"),
    path("sso/", include("umebra.sso.urls")),
    path("audit/", include("umebra.audit.urls")),
    path("organisations/", organisation_views.organisation_list_view, name="organisation-list"),
    path(
        "organisations/new/", organisation_views.organisation_form_view, name="organisation-create"
    ),
    path(
        "organisations/<int:pk>/",
        organisation_views.organisation_detail_view,
        name="organisation-detail",
    ),
    path(
        "organisations/<int:pk>/edit/",
        organisation_views.organisation_form_view,
        name="organisation-update",
    ),
    path(
        "organisations/<int:pk>/members/new/",
        membership_views.membership_create_view,
        name="membership-create",
    ),
    path("memberships/<int:pk>/end/", membership_views.membership_end_view, name="membership-end"),
    path(
        "memberships/<int:pk>/approve/",
        membership_views.membership_approve_view,
        name="membership-approve",
    ),
    path(
        "memberships/<int:pk>/refuse/",
        membership_views.membership_refuse_view,
        name="membership-refuse",
    ),
    path(
        "memberships/<int:pk>/appoint/",
        membership_views.member_administrator_appoint_view,
        name="member-administrator-appoint",
    ),
    path(
        "memberships/<int:pk>/dismiss/",
        membership_views.member_administrator_dismiss_view,
        name="member-administrator-dismiss",
    ),
    path("roles/", membership_views.role_review_view, name="role-review"),
    path("", include("umebra.accessibility.urls")),
    path("account/mail/", views.mail_preferences_view, name="mail-preferences"),
    path("", include("collaboration.urls")),
    path("", include("cases.urls")),
    path("", include("reports.urls")),
    path("system/worker-check/", views.worker_ping_view, name="worker-ping"),
    path("healthz", views.healthz_view, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler500 = "umebra.views.server_error_view"

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from umebra import organisation_views, views

urlpatterns = [
    path("", views.home_view, name="home"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("login/", include("umebra.two_factor.urls")),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
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
        organisation_views.membership_create_view,
        name="membership-create",
    ),
    path(
        "memberships/<int:pk>/end/", organisation_views.membership_end_view, name="membership-end"
    ),
    path("", include("collaboration.urls")),
    path("", include("cases.urls")),
    path("", include("reports.urls")),
    path("system/worker-check/", views.worker_ping_view, name="worker-ping"),
    path("healthz", views.healthz_view, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler500 = "umebra.views.server_error_view"

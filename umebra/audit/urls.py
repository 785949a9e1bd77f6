from django.urls import path

from umebra.audit import views

app_name = "audit"
urlpatterns = [
    path("events/", views.event_list_view, name="event-list"),
    path("events/<int:pk>/", views.event_detail_view, name="event-detail"),
    path("samples/", views.sample_list_view, name="sample-list"),
    path("samples/draw/", views.sample_draw_view, name="sample-draw"),
    path("samples/<int:pk>/", views.sample_detail_view, name="sample-detail"),
    path(
        "samples/items/<int:pk>/review/", views.sample_item_review_view, name="sample-item-review"
    ),
    path("alerts/", views.alert_list_view, name="alert-list"),
    path("alerts/<int:pk>/review/", views.alert_review_view, name="alert-review"),
]

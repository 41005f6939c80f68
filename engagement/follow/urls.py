from django.urls import path

from engagement.follow import views
from engagement.follow.feeds import SearchFeed

urlpatterns = [
    path("volgen/", views.follow, name="follow"),
    path("volgen/verstuurd/", views.follow_sent, name="follow_sent"),
    path("volgen/bevestigen/<str:token>/", views.confirm, name="follow_confirm"),
    path("volgen/afmelden/<str:token>/", views.unsubscribe, name="follow_unsubscribe"),
    path("feeds/zoeken/", SearchFeed(), name="search_feed"),
]

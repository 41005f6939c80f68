from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from knowledge import views
from knowledge.feeds import NewCasesFeed

urlpatterns = [
    path("feeds/nieuw/", NewCasesFeed(), name="feed_new"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

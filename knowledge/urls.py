from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from knowledge import views
from knowledge.feeds import NewCasesFeed
from knowledge.submission import views as submission_views

urlpatterns = [
    path("feeds/nieuw/", NewCasesFeed(), name="feed_new"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("delen/", submission_views.submit_case, name="submit_case"),
    path("delen/bedankt/", submission_views.submission_thanks, name="submission_thanks"),
]

from django.urls import path

from search import views

urlpatterns = [
    path("zoeken/", views.search_page, name="search"),
    path("api/search/", views.search_api, name="search_api"),
    path("api/autocomplete/", views.autocomplete_api, name="autocomplete_api"),
]

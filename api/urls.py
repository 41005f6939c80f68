from django.urls import path

from api import views
from api.pages_api import api_router

urlpatterns = [
    path("api/search/", views.search_api, name="search_api"),
    path("api/autocomplete/", views.autocomplete_api, name="autocomplete_api"),
    path("api/schema/", views.schema, name="api_schema"),
    path("api/docs/", views.docs, name="api_docs"),
    path("api/export.csv", views.export_csv, name="export_csv"),
    path("api/export.json", views.export_json, name="export_json"),
    path("api/v2/", api_router.urls),
]

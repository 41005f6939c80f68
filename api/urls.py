from django.urls import path

from api import views
from api.pages_api import api_router

urlpatterns = [
    path("api/search/", views.SearchView.as_view(), name="search_api"),
    path("api/autocomplete/", views.AutocompleteView.as_view(), name="autocomplete_api"),
    path("api/schema/", views.SchemaView.as_view(), name="api_schema"),
    path("api/docs/", views.DocsView.as_view(), name="api_docs"),
    path("api/export.csv", views.CsvExportView.as_view(), name="export_csv"),
    path("api/export.json", views.JsonExportView.as_view(), name="export_json"),
    path("api/v2/", api_router.urls),
]

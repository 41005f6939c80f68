from django.urls import path

from knowledge.opendata import views
from knowledge.opendata.pages_api import api_router

urlpatterns = [
    path("api/schema/", views.schema, name="api_schema"),
    path("api/docs/", views.docs, name="api_docs"),
    path("api/export.csv", views.export_csv, name="export_csv"),
    path("api/export.json", views.export_json, name="export_json"),
    path("api/v2/", api_router.urls),
]

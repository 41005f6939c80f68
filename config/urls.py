from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api import urls as api_urls
from engagement import urls as engagement_urls
from home import views as home_views
from knowledge import urls as knowledge_urls
from knowledge.editorial.bulk_access import bulk_action
from knowledge.editorial.chooser_access import chooser_urls
from knowledge.editorial.password_reset import LimitedPasswordResetView
from search import urls as search_urls

urlpatterns = [
    path("admin/password_reset/", LimitedPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    # Before Wagtail's own: bulk actions on the objects the user may touch (knowledge.editorial.bulk_access).
    path("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", bulk_action),
    # Before Wagtail's own: the choosers' answers for chosen ids, for what the user may choose.
    path("admin/", include(chooser_urls())),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("toegankelijkheid/", home_views.accessibility_statement, name="accessibility_statement"),
    path("privacy/", home_views.privacy_statement, name="privacy_statement"),
    path("", include(search_urls)),
    path("", include(api_urls)),
    path("", include(engagement_urls)),
    path("", include(knowledge_urls)),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "config.errors.server_error"

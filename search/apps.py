from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "wijkwijs_search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import signals  # noqa: F401 - connects the receivers

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    """What brings a practitioner back and in touch: following searches by mail, asking the people behind a case."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "engagement"
    verbose_name = _("Volgen en vragen")

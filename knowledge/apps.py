from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Kennisbank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from knowledge import checks, signals  # noqa: F401
        from knowledge.editorial.approval_mail import replace_wagtail_notifiers
        from knowledge.editorial.media_permissions import register_policies

        register_policies()
        replace_wagtail_notifiers()

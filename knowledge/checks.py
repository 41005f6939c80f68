"""Deployment checks of Wijkwijs's own settings (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", ""}


@register(deploy=True)
def site_base_url_is_public(app_configs, **kwargs):
    if urlsplit(settings.SITE_BASE_URL).hostname not in LOCAL_HOSTS:
        return []
    return [
        Warning(
            f"SITE_BASE_URL is {settings.SITE_BASE_URL!r}: links in the mails to contributors and submitters would "
            "lead to this machine.",
            hint="Set SITE_BASE_URL to the public address of the site, e.g. https://wijkwijs.nl.",
            id="wijkwijs.W001",
        )
    ]

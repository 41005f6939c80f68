from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

MAIN_SECTIONS = [
    ("/praktijkvoorbeelden/", _("Praktijkvoorbeelden")),
    ("/themas/", _("Thema's")),
    ("/dossiers/", _("Dossiers")),
    ("/congres/", _("Congres")),
]


def current_state(path, url):
    """aria-current for a menu link: "page" on the section's own page, "true" anywhere inside the section."""
    if path == url:
        return "page"
    if path.startswith(url):
        return "true"
    return ""


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    path = request.path if request else ""
    sections = MAIN_SECTIONS + [(reverse("search"), _("Zoeken"))]
    return {"items": [{"url": url, "label": label, "current": current_state(path, url)} for url, label in sections]}

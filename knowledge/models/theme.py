from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Theme(index.Indexed, TagBase):
    """A theme of the curated taxonomy: editors manage it, contributors pick from it."""

    free_tagging = False

    description = models.TextField(
        _("beschrijving"),
        blank=True,
        help_text=_("Korte uitleg van het thema, getoond op de themapagina en in de zoekfilters."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]

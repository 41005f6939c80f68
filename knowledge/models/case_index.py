from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from knowledge.models.municipality import MunicipalityPage


class CaseIndexPage(Page):
    """'Praktijkvoorbeelden': the root of all municipalities and their cases."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.MunicipalityPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht praktijkvoorbeelden")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipalities"] = (
            MunicipalityPage.objects.child_of(self)
            .live()
            .order_by("title")
            .annotate(case_count=models.Count("cases", filter=models.Q(cases__live=True)))
        )
        return context

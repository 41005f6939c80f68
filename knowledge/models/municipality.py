from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from core.text import CleanTextMixin
from knowledge.provinces import Province

CBS_CODE_HELP = _("Gemeentecode van het CBS, bijvoorbeeld GM0855 voor Tilburg.")


def validate_cbs_code(value):
    if value and not (len(value) == 6 and value.startswith("GM") and value[2:].isdigit()):
        raise ValidationError(_("Een CBS-gemeentecode heeft de vorm GM0000."))


class MunicipalityPage(CleanTextMixin, Page):
    """A municipality; its case studies live below it, so page permissions follow the municipality."""

    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices)
    cbs_code = models.CharField(_("CBS-code"), max_length=6, blank=True, validators=[validate_cbs_code], help_text=CBS_CODE_HELP)
    website = models.URLField(_("website"), blank=True, help_text=_("Website van de gemeente."))
    intro = models.TextField(_("inleiding"), blank=True, help_text=_("Korte schets van het wijkgericht werken in deze gemeente."))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("province"), FieldPanel("cbs_code"), FieldPanel("website")],
            heading=_("Gegevens van de gemeente"),
        ),
        FieldPanel("intro"),
    ]

    search_fields = Page.search_fields + [
        index.FilterField("province"),
    ]

    api_fields = [APIField("province"), APIField("province_label"), APIField("cbs_code"), APIField("website"), APIField("intro")]

    parent_page_types = ["knowledge.CaseIndexPage"]
    subpage_types = ["knowledge.CaseStudyPage"]

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    @property
    def province_label(self):
        return Province(self.province).label if self.province else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cases"] = self.cases.published().for_cards().order_by("-year_start", "title")
        return context

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from knowledge.models import CaseStudyPage
from knowledge.models.congress import latest_edition, next_edition
from knowledge.models.theme_index import themes_with_counts

NEWEST_CASES = 6


class HomePage(Page):
    """The start page for a returning practitioner: search, themes, dossiers, newest cases, the congress."""

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Korte welkomsttekst boven het zoekvak."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_dossiers", heading=_("Uitgelichte dossiers"), label=_("dossier"), max_num=6),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "knowledge.CaseIndexPage",
        "knowledge.CongressIndexPage",
        "knowledge.ThemeIndexPage",
        "knowledge.DossierIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["newest_cases"] = CaseStudyPage.objects.published().for_cards().order_by("-first_published_at")[:NEWEST_CASES]
        context["themes"] = [theme for theme in themes_with_counts() if theme.case_count]
        context["dossiers"] = [item.dossier for item in self.featured_dossiers.select_related("dossier") if item.dossier.live]
        context["latest_edition"] = latest_edition()
        context["next_edition"] = next_edition()
        return context


class FeaturedDossier(Orderable):
    page = ParentalKey(HomePage, related_name="featured_dossiers", on_delete=models.CASCADE)
    dossier = models.ForeignKey("knowledge.DossierPage", verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("dossier")]

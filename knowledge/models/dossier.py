from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge.models.case import relation_prefetches


class DossierIndexPage(Page):
    """'Dossiers': the editors' curated collections."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.DossierPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht dossiers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dossiers"] = DossierPage.objects.child_of(self).live().public().order_by("-first_published_at")
        return context


class DossierPage(Page):
    """An ordered collection of cases around one question, with an introduction and a note per case."""

    intro = RichTextField(
        _("inleiding"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("Waarom deze verzameling, en wat kan de lezer ermee?"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("items", heading=_("Praktijkvoorbeelden in dit dossier"), label=_("praktijkvoorbeeld"), min_num=1),
    ]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["knowledge.DossierIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")

    def live_items(self):
        return [
            item
            for item in self.items.select_related("case", "case__municipality").prefetch_related(
                *relation_prefetches("themes", prefix="case__")
            )
            if item.case.live
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.live_items()
        return context


class DossierItem(Orderable):
    page = ParentalKey(DossierPage, related_name="items", on_delete=models.CASCADE)
    case = models.ForeignKey(
        "knowledge.CaseStudyPage", verbose_name=_("praktijkvoorbeeld"), on_delete=models.CASCADE, related_name="dossier_items"
    )
    note = models.TextField(
        _("toelichting van de redactie"),
        blank=True,
        help_text=_("Een of twee zinnen: waarom staat dit voorbeeld in het dossier?"),
    )

    panels = [FieldPanel("case"), FieldPanel("note")]

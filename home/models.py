from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The start page: search, themes, newest cases and the congress editions."""

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Korte welkomsttekst boven het zoekvak."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["knowledge.CaseIndexPage", "knowledge.CongressIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Count, Q

        from knowledge.models import CaseStudyPage, CongressEditionPage, Theme

        context = super().get_context(request, *args, **kwargs)
        context["newest_cases"] = (
            CaseStudyPage.objects.live().public().select_related("municipality")
            .prefetch_related("themes").order_by("-first_published_at")[:6]
        )
        context["themes"] = (
            Theme.objects.annotate(case_count=Count("tagged_cases", filter=Q(tagged_cases__content_object__live=True)))
            .filter(case_count__gt=0).order_by("name")
        )
        context["editions"] = CongressEditionPage.objects.live().order_by("-year")[:3]
        return context

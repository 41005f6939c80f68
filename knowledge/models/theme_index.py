from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.library_cache import cached
from knowledge.feeds import ThemeFeed
from knowledge.models.dossier import DossierPage
from knowledge.models.theme import Theme


def themes_with_counts():
    """Every theme with the number of its published cases."""
    return cached(
        "themes-with-counts",
        lambda: list(
            Theme.objects.annotate(
                case_count=Count("tagged_cases", filter=Q(tagged_cases__content_object__live=True), distinct=True)
            ).order_by("name")
        ),
    )


class ThemeIndexPage(RoutablePageMixin, Page):
    """'Thema's': the theme taxonomy, one page per theme at /themas/<slug>/ with its own feed."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("overzicht thema's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = [theme for theme in themes_with_counts() if theme.case_count]
        return context

    @path("<slug:slug>/", name="theme")
    def theme_view(self, request, slug):
        theme = get_object_or_404(Theme, slug=slug)
        dossiers = DossierPage.objects.live().public().filter(items__case__themed_items__tag=theme).distinct()
        return self.render(
            request,
            context_overrides={"theme": theme, "dossiers": dossiers},
            template="knowledge/theme_page.html",
        )

    @path("<slug:slug>/feed/", name="theme_feed")
    def theme_feed(self, request, slug):
        if not Theme.objects.filter(slug=slug).exists():
            raise Http404
        return ThemeFeed()(request, slug=slug)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for theme in Theme.objects.filter(tagged_cases__content_object__live=True).distinct().only("slug"):
            urls.append({"location": f"{base}{theme.slug}/", "lastmod": self.last_published_at})
        return urls

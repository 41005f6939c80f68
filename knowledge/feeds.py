"""Atom feeds: the newest cases, and the newest cases of one theme."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from knowledge.models.case import CaseStudyPage
from knowledge.models.theme import Theme

FEED_SIZE = 30


def newest_cases():
    return CaseStudyPage.objects.published().for_cards().order_by("-first_published_at")


class NewCasesFeed(Feed):
    feed_type = Atom1Feed
    link = "/praktijkvoorbeelden/"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Wijkwijs: nieuwe praktijkvoorbeelden")

    def subtitle(self):
        return _("De nieuwste praktijkvoorbeelden van wijkgericht werken")

    def items(self):
        return newest_cases()[:FEED_SIZE]

    def item_title(self, case):
        return case.title

    def item_description(self, case):
        return case.summary

    def item_link(self, case):
        return case.get_url(self.request)

    def item_pubdate(self, case):
        return case.first_published_at

    def item_updateddate(self, case):
        return case.last_published_at

    def item_author_name(self, case):
        return case.municipality_name

    def item_categories(self, case):
        return [theme.name for theme in case.related("themes")]


class ThemeFeed(NewCasesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Theme, slug=slug)

    def title(self, theme):
        return _("Wijkwijs: %(theme)s") % {"theme": theme.name}

    def subtitle(self, theme):
        return theme.description or _("Nieuwe praktijkvoorbeelden over %(theme)s") % {"theme": theme.name}

    def link(self, theme):
        return f"/themas/{theme.slug}/"

    def items(self, theme):
        return newest_cases().filter(themed_items__tag=theme)[:FEED_SIZE]

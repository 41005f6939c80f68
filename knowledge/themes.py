"""One theme list: finding a theme by name whatever its case or accents, and merging two themes into one."""

import difflib
import unicodedata

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect

from core.indexing import index_in_bulk
from knowledge.models import CaseStudyPage, Theme
from knowledge.models.case import ThemedCase
from knowledge.models.theme_index import ThemeIndexPage


def theme_key(name):
    """'Participatie', 'participatie' and 'PARTICIPATIË' are one theme: lowercase, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(character for character in decomposed if not unicodedata.combining(character)).split())


class UnknownTheme(LookupError):
    def __init__(self, name, suggestions):
        self.name, self.suggestions = name, suggestions
        super().__init__(name)


class ThemeFinder:
    """The existing themes by name (any case or accents) and by slug, read once."""

    def __init__(self):
        self.by_key = {}
        for theme in Theme.objects.order_by("pk"):
            self.by_key.setdefault(theme_key(theme.name), theme)
            self.by_key.setdefault(theme.slug, theme)

    def find(self, name):
        """The theme called `name`, or UnknownTheme with the names it most resembles."""
        theme = self.by_key.get(theme_key(name)) or self.by_key.get(slugify(name))
        if theme is None:
            raise UnknownTheme(name, self.resembling(name))
        return theme

    def add(self, theme):
        self.by_key.setdefault(theme_key(theme.name), theme)
        self.by_key.setdefault(theme.slug, theme)

    def resembling(self, name, limit=3):
        key = theme_key(name)
        names = {theme_key(theme.name): theme.name for theme in self.by_key.values()}
        starting = [names[other] for other in names if other.startswith(key) or key.startswith(other)]
        close = [names[other] for other in difflib.get_close_matches(key, names, n=limit, cutoff=0.6)]
        return list(dict.fromkeys(starting + close))[:limit]


def theme_url(slug):
    index = ThemeIndexPage.objects.first()
    if index is None:
        return None
    return f"{index.url.rstrip('/')}/{slug}/"


@transaction.atomic
def merge_themes(source, target):
    """Move every case of `source` to `target`, delete `source`, and send its old addresses to `target`.

    Drafts keep their themes too: the newest revision of each case names `target` where it named `source`.
    Returns the number of cases that moved.
    """
    if source.pk == target.pk:
        raise ValueError("a theme cannot be merged into itself")
    case_ids = set(ThemedCase.objects.filter(tag=source).values_list("content_object_id", flat=True))
    already = set(
        ThemedCase.objects.filter(tag=target, content_object_id__in=case_ids).values_list("content_object_id", flat=True)
    )
    ThemedCase.objects.filter(tag=source, content_object_id__in=already).delete()
    ThemedCase.objects.filter(tag=source).update(tag=target)
    # The revisions that can name `source`: those of its cases, and drafts (which may have ticked it since).
    holders = CaseStudyPage.objects.filter(Q(pk__in=case_ids) | Q(has_unpublished_changes=True))
    for case in holders.filter(latest_revision__isnull=False).select_related("latest_revision"):
        if _retarget_revision(case.latest_revision, source.pk, target.pk):
            case_ids.add(case.pk)
    old_url, new_url = theme_url(source.slug), theme_url(target.slug)
    if old_url and new_url:
        Redirect.objects.filter(redirect_link__in=[old_url, f"{old_url}feed/"]).update(redirect_link=new_url)
        Redirect.add_redirect(old_url, new_url, is_permanent=True)
        Redirect.add_redirect(f"{old_url}feed/", f"{new_url}feed/", is_permanent=True)
    source.delete()
    transaction.on_commit(lambda: index_in_bulk(CaseStudyPage, case_ids))
    return len(case_ids)


def _retarget_revision(revision, source_pk, target_pk):
    items = revision.content.get("themed_items") or []
    if not any(item.get("tag") == source_pk for item in items):
        return False
    kept, seen = [], set()
    for item in items:
        tag = target_pk if item.get("tag") == source_pk else item.get("tag")
        if tag in seen:
            continue
        seen.add(tag)
        kept.append({**item, "tag": tag})
    revision.content["themed_items"] = kept
    revision.save(update_fields=["content"])
    return True

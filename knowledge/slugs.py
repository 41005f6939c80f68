"""Slugs that are free: for new pages among their siblings, for new themes among the themes."""

from django.db.models import Q
from django.utils.text import slugify

from knowledge.models import Theme


def slug_base(text):
    """The slug a page titled `text` gets when it is free (see unique_child_slug)."""
    return (slugify(text) or "praktijkvoorbeeld")[:80]


def unique_child_slug(parent, base, exclude_pk=None, also_taken=()):
    """A slug from `base` free among the children of `parent` (and not in `also_taken`)."""
    base = slug_base(base)
    # Only the siblings that can collide: base itself and base-2, base-3, ...
    candidates = parent.get_children().filter(Q(slug=base) | Q(slug__startswith=f"{base}-"))
    taken = set(candidates.exclude(pk=exclude_pk).values_list("slug", flat=True)) | set(also_taken)
    return _first_free(base, taken)


def free_theme_slug(name):
    """A slug for a new theme named `name` that no theme has yet."""
    base = (slugify(name) or "thema")[:90]
    taken = set(Theme.objects.filter(Q(slug=base) | Q(slug__startswith=f"{base}-")).values_list("slug", flat=True))
    return _first_free(base, taken)


def _first_free(base, taken):
    """base, or else base-2, base-3, ...: the first not in `taken`."""
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug

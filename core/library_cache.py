"""Values derived from the published library (facet labels, theme counts, similar cases, the spelling
vocabulary), cached until it changes.

One version number stands for the state of the library: publishing, unpublishing, deleting or moving
a page and saving a theme raise it (see knowledge.signals), and a cached value is only found under the
version it was computed at. With a shared cache (CACHE_URL) every process sees a change at once; with
the default per-process memory cache the other processes see it when their copy expires, after at
most STALE_SECONDS.
"""

from django.core.cache import cache

VERSION_KEY = "wijkwijs:library-version"
STALE_SECONDS = 60


def library_version():
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def library_changed():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new version number will do
        cache.set(VERSION_KEY, library_version() + 1, timeout=None)


def cached(name, compute):
    """compute(), or its value from the cache if the library has not changed since."""
    return cache.get_or_set(f"wijkwijs:{name}:{library_version()}", compute, timeout=STALE_SECONDS)

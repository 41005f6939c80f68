"""The counters of the site's limits (submissions, API requests, password resets), in the cache that every
server process on the machine shares: settings.CACHES["limits"], files by default. Counted per process, a limit
multiplied with the number of gunicorn workers."""

from django.core.cache import caches

LIMITS_CACHE = "limits"


def counters():
    return caches[LIMITS_CACHE]


def current(key):
    return counters().get(key, 0)


def count(key, window_seconds):
    """Add one to the counter and return it; a new counter lives for window_seconds."""
    cache = counters()
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired or evicted between add and incr
        cache.set(key, 1, timeout=window_seconds)
        return 1

"""At most SUBMISSIONS_PER_HOUR stored submissions from one address; mistakes in the form do not count."""

from django.core.cache import cache

from knowledge.client_address import client_address

SUBMISSIONS_PER_HOUR = 5
WINDOW_SECONDS = 3600


def _key(request):
    return f"submission-count:{client_address(request)}"


def submission_allowed(request):
    """False once the address has stored its hourly number of submissions."""
    return cache.get(_key(request), 0) < SUBMISSIONS_PER_HOUR


def count_submission(request):
    key = _key(request)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)

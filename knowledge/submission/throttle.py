"""At most SUBMISSIONS_PER_HOUR submissions from one address."""

from django.core.cache import cache

SUBMISSIONS_PER_HOUR = 5
WINDOW_SECONDS = 3600


def client_address(request):
    return request.META.get("REMOTE_ADDR", "unknown")


def submission_allowed(request):
    """Count this submission; False once the address has used up its hour."""
    key = f"submission-count:{client_address(request)}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= SUBMISSIONS_PER_HOUR

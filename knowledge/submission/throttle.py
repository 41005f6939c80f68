"""At most SUBMISSIONS_PER_HOUR stored submissions from one address; mistakes in the form do not count."""

from core.client_address import client_address
from core.counters import count, current

SUBMISSIONS_PER_HOUR = 5
WINDOW_SECONDS = 3600


def _key(request):
    return f"submission-count:{client_address(request)}"


def submission_allowed(request):
    """False once the address has stored its hourly number of submissions."""
    return current(_key(request)) < SUBMISSIONS_PER_HOUR


def count_submission(request):
    count(_key(request), WINDOW_SECONDS)

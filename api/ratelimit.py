"""Anonymous use of /api/ is limited per client address to settings.API_RATE_LIMIT requests a minute.

A fixed one-minute window, counted in the cache all server processes share (core.counters).
"""

import math
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from core.client_address import client_address
from core.counters import count

API_PREFIX = "/api/"
WINDOW_SECONDS = 60


def seconds_over_limit(address: str, limit: int, now: float | None = None) -> int:
    """0 while the address is within the limit, else the seconds until its window ends."""
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS)
    if count(f"api-rate-limit:{address}:{window}", WINDOW_SECONDS + 1) <= limit:
        return 0
    return max(1, math.ceil((window + 1) * WINDOW_SECONDS - now))


def too_many_requests(retry_after: int) -> JsonResponse:
    response = JsonResponse(
        {"error": _("Te veel verzoeken. Probeer het over een minuut opnieuw."), "retry_after": retry_after},
        status=429,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Retry-After"] = str(retry_after)
    return response


class ApiRateLimitMiddleware:
    """Place after AuthenticationMiddleware: people who are logged in (editors, staff) are not limited."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        limit = settings.API_RATE_LIMIT
        if limit and request.path.startswith(API_PREFIX) and not request.user.is_authenticated:
            retry_after = seconds_over_limit(client_address(request), limit)
            if retry_after:
                return too_many_requests(retry_after)
        return self.get_response(request)

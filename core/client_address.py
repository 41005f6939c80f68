"""The visitor's address, also behind the reverse proxies counted in settings.PROXY_COUNT (DJANGO_PROXY_COUNT)."""

from django.conf import settings


def client_address(request):
    """The Nth address from the right of X-Forwarded-For with N proxies in front, else REMOTE_ADDR.

    Each proxy appends the address it received the request from, so only the rightmost N entries were
    written by our own proxies; anything further left came from the client and can be made up.
    """
    proxies = settings.PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")

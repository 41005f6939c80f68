"""Error pages that work without the database."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger("wijkwijs")
DATABASE_ERRORS = (OperationalError, InterfaceError)


def server_error(request):
    """500, or a friendly 503 while the database is away (restart, failover).

    Django opens a fresh connection on the next request, so the site recovers by itself.
    """
    error = sys.exc_info()[1]
    api = request.path.startswith("/api/")  # the API answers in JSON, errors too
    if isinstance(error, DATABASE_ERRORS):
        logger.error("database unavailable: %s", error)
        if api:
            response = JsonResponse({"error": _("De database is even niet bereikbaar; probeer het zo opnieuw.")}, status=503)
        else:
            response = HttpResponse(render_to_string("errors/503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    if api:
        return JsonResponse({"error": _("Er ging iets mis aan onze kant.")}, status=500)
    return HttpResponseServerError(render_to_string("500.html"))

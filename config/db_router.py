"""Anonymous reading from a PostgreSQL read replica (DATABASE_REPLICA_URL); everything else on the primary.

Only GET and HEAD requests of visitors without a session, outside the paths that handle accounts, submissions
and private files, read from the replica. Whoever just wrote something (any POST, PUT, PATCH or DELETE) reads
from the primary for a few seconds afterwards (a cookie), so that what they did is there on the next page.
When the replica does not answer, the primary takes over for a while; the site keeps answering.
"""

import contextvars
import logging
import time

from django.conf import settings
from django.db import DatabaseError, connections, transaction

logger = logging.getLogger("wijkwijs.database")

REPLICA = "replica"
PRIMARY = "default"
READ_PRIMARY_COOKIE = "wijkwijs_read_primary"
# /volgen/: a confirmation link is often opened seconds after its mail, on another device than the form, and must
# find the row the form just wrote.
PRIMARY_ONLY_PATHS = ("/admin/", "/delen/", "/documenten/", "/django-admin/", "/volgen/")
SAFE_METHODS = ("GET", "HEAD")

_reading_replica = contextvars.ContextVar("reading_replica", default=False)


class ReplicaHealth:
    """Whether the replica answers, asked at most once a request and not again for a while after a failure."""

    def __init__(self, retry_seconds: float) -> None:
        self.retry_seconds = retry_seconds
        self.down_until = 0.0

    def answers(self) -> bool:
        if time.monotonic() < self.down_until:
            return False
        connection = connections[REPLICA]
        try:
            connection.close_if_health_check_failed()
            connection.ensure_connection()
        except DatabaseError:
            self.down_until = time.monotonic() + self.retry_seconds
            logger.warning("the read replica does not answer; reading from the primary for %ss", self.retry_seconds)
            return False
        return True


replica_health = ReplicaHealth(retry_seconds=30)


def is_anonymous_read(request) -> bool:
    return (
        request.method in SAFE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and READ_PRIMARY_COOKIE not in request.COOKIES
        and not request.path.startswith(PRIMARY_ONLY_PATHS)
    )


class ReadFromReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reading_replica.set(is_anonymous_read(request) and replica_health.answers())
        try:
            response = self.get_response(request)
        finally:
            _reading_replica.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                READ_PRIMARY_COOKIE,
                "1",
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


class ReplicaRouter:
    """Reads of an anonymous request go to the replica, unless they happen inside a transaction on the primary
    (which may have written what it reads); every write, and every migration, goes to the primary."""

    def db_for_read(self, model, **hints):
        if _reading_replica.get() and not transaction.get_connection(PRIMARY).in_atomic_block:
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY

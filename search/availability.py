"""Whether the search engine is worth asking, per process.

After a failure the engine is skipped for RETRY_AFTER_SECONDS, so that practitioners get the
database answer at once instead of waiting for a timeout on every request.
"""

import logging
import threading
import time

RETRY_AFTER_SECONDS = 10

logger = logging.getLogger("wijkwijs.search")
_lock = threading.Lock()
_down_until = 0.0
_was_down = False


def engine_available():
    return time.monotonic() >= _down_until


def mark_engine_down(reason):
    global _down_until, _was_down
    with _lock:
        if not _was_down:
            logger.warning("search engine unreachable, answering from the database: %s", reason)
        _down_until = time.monotonic() + RETRY_AFTER_SECONDS
        _was_down = True


def mark_engine_up():
    """Record a successful call; True when the engine was down before (time to catch up)."""
    global _down_until, _was_down
    with _lock:
        recovered = _was_down
        _down_until = 0.0
        _was_down = False
    if recovered:
        logger.warning("search engine reachable again")
    return recovered


def reset():
    global _down_until, _was_down
    with _lock:
        _down_until = 0.0
        _was_down = False

"""Indexing many objects at once instead of on every save.

An import saves each case three times (created, revision saved, published); modelsearch's signal
handler would send it to every search backend on each of those saves, one request at a time.
Inside `deferred_indexing(model)` the saves made by this thread only note which objects changed;
on leaving, those objects are indexed in bulk, in chunks, in every backend that indexes on save.
Saves made by other threads meanwhile are indexed as before. Objects written without a save (in
bulk) are indexed at once with the function the block yields.
"""

import contextlib
import functools
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol, runtime_checkable

from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler

from core.remembered import remembered_values

logger = logging.getLogger("wijkwijs.search")
CHUNK_SIZE = 250


@runtime_checkable
class SplitBulkBackend(Protocol):
    """A search backend whose bulk add comes in two steps (the engine backends, search.backends.split_bulk):
    building the documents, which reads the database, and sending them, which may run in another thread."""

    def bulk_actions(self, model, objects): ...

    def send_actions(self, model, actions): ...

    def settle_sent_bulk(self, sent, objects): ...


def index_in_bulk(model, pks, chunk_size=CHUNK_SIZE, backends=None):
    """Index the objects of `model` with these pks (those still in its indexed objects) in these (name, backend)
    pairs, by default in every auto-update backend.

    Chunk by chunk. An engine's request for one chunk is sent from a second thread while this one reads
    the next chunk and writes the database index, so that the engine's work overlaps ours; one request
    is in flight at a time, which keeps the engine's order of writes.
    """
    pks = sorted(set(pks))
    if not pks:
        return
    if backends is None:
        backends = list(get_search_backends_with_name(with_auto_update=True))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-index") as sender:
        in_flight = []
        for start in range(0, len(pks), chunk_size):
            queryset = model.get_indexed_objects().filter(pk__in=pks[start : start + chunk_size]).order_by("pk")
            objects = list(queryset)
            if not objects:
                continue
            with remembered_values():
                for name, backend in backends:
                    if not isinstance(backend, SplitBulkBackend):
                        with _failure_logged(model, objects, name, backend):
                            backend.add_bulk(model, objects)
                        continue
                    actions = None
                    with _failure_logged(model, objects, name, backend):
                        actions = backend.bulk_actions(model, objects)
                    _settle(model, in_flight)
                    if actions is not None:
                        in_flight.append((name, backend, objects, sender.submit(backend.send_actions, model, actions)))
        _settle(model, in_flight)


def _settle(model, in_flight):
    while in_flight:
        name, backend, objects, sent = in_flight.pop()
        with _failure_logged(model, objects, name, backend):
            backend.settle_sent_bulk(sent, objects)


@contextlib.contextmanager
def _failure_logged(model, objects, name, backend):
    try:
        yield
    except Exception:
        # As modelsearch does for a single save: an engine failure must not undo the saved data.
        logger.exception("indexing %d %s in the '%s' search backend failed", len(objects), model.__name__, name)
        if not backend.catch_indexing_errors:
            raise


@contextlib.contextmanager
def deferred_indexing(model):
    """Index the objects of `model` saved by this thread in bulk when the block ends, not on each save.

    Yields `index_now(pks)`, which indexes objects written without a save (in bulk) right away, so that
    they become searchable batch by batch; it does nothing when the model is not indexed on save.
    """
    owner = threading.get_ident()
    pending = set()

    def note_or_index(sender, instance, **kwargs):
        if threading.get_ident() == owner:
            if not kwargs.get("raw", False):
                pending.add(instance.pk)
        else:
            post_save_signal_handler(instance, **kwargs)

    if not post_save.disconnect(post_save_signal_handler, sender=model):
        # Not indexed on save (search_auto_update off): nothing to index here either.
        yield lambda pks: None
        return

    post_save.connect(note_or_index, sender=model, weak=False)
    failed = False
    try:
        yield functools.partial(index_in_bulk, model)
    except BaseException:
        failed = True
        raise
    finally:
        post_save.disconnect(note_or_index, sender=model)
        post_save.connect(post_save_signal_handler, sender=model)
        try:
            index_in_bulk(model, pending)
        except Exception:
            if not failed:
                raise
            # The block failed already; that error is the one to report. The index catches up with
            # `search_reconcile` or the next `update_index`.
            logger.exception("indexing after a failed block did not complete")

"""Bringing the search engine back in line with the database after an outage."""

import logging
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType

from knowledge.models import CaseStudyPage
from search import availability
from search.engine_search import columns
from search.models import IndexBacklog

logger = logging.getLogger("wijkwijs.search")
CHUNK_SIZE = 500


@dataclass
class ReconcileReport:
    replayed: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    indexed_live: int = 0
    database_live: int = 0

    @property
    def in_parity(self):
        return self.indexed_live == self.database_live


def _chunks(items, size=CHUNK_SIZE):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def replay_backlog(backend, limit=None):
    """Send the changes recorded while the engine was away, oldest first, at most `limit` of them (None: all).

    Returns how many were sent. What could not be sent stays in the backlog: on a connection error the
    backend records it again (BacklogOnFailureMixin), on any other error it is put back here.
    """
    sent = 0
    while limit is None or sent < limit:
        size = CHUNK_SIZE if limit is None else min(CHUNK_SIZE, limit - sent)
        entries = list(IndexBacklog.objects.order_by("recorded_at", "pk")[:size])
        if not entries:
            break
        IndexBacklog.objects.filter(pk__in=[entry.pk for entry in entries]).delete()
        try:
            _send_backlog_entries(backend, entries)
        except Exception:
            logger.exception("replaying %d backlog change(s) failed; they stay in the backlog", len(entries))
            for entry in entries:
                entry.pk = None
            IndexBacklog.objects.bulk_create(entries, ignore_conflicts=True)
            break
        if not availability.engine_available():
            break
        sent += len(entries)
    if sent:
        logger.warning("search engine caught up with %d change(s) made while it was away", sent)
    return sent


def _send_backlog_entries(backend, entries):
    ids_by_model: dict[Any, set[str]] = {}  # {indexed model: object ids}
    for entry in entries:
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        if model is not None:
            ids_by_model.setdefault(model, set()).add(entry.object_id)
    for model, ids in ids_by_model.items():
        present = list(model.get_indexed_objects().filter(pk__in=ids))
        if present:
            backend.add_bulk(model, present)
        for object_id in ids - {str(obj.pk) for obj in present}:
            backend.delete(model(pk=object_id))


def _indexed_cases(backend):
    """{pk: (live, latest_revision_id)} of every case document in the engine."""
    cols = columns(backend.mapping_class)
    live_column = cols["filter"]["live"]
    revision_column = cols["filter"]["latest_revision"]
    index_name = backend.get_index_for_model(CaseStudyPage).name
    found: dict[int, tuple[bool, int | None]] = {}
    after = None
    while True:
        body = {
            "query": {"term": {"_django_content_type": cols["content_type"]}},
            "_source": ["pk", live_column, revision_column],
            "sort": [{"pk": "asc"}],
            "size": 5000,
        }
        if after:
            body["search_after"] = after
        if getattr(backend, "use_new_elasticsearch_api", False):
            hits = backend.es.search(index=index_name, **body)["hits"]["hits"]
        else:
            hits = backend.es.search(index=index_name, body=body)["hits"]["hits"]
        if not hits:
            return found
        for hit in hits:
            source = hit["_source"]
            found[int(hit["_id"])] = (bool(source.get(live_column)), source.get(revision_column))
        after = hits[-1]["sort"]


def reconcile(backend):
    """Compare engine and database for the cases and repair every difference."""
    report = ReconcileReport(replayed=replay_backlog(backend))
    indexed = _indexed_cases(backend)
    database = {
        pk: (live, revision) for pk, live, revision in CaseStudyPage.objects.values_list("pk", "live", "latest_revision_id")
    }
    missing = database.keys() - indexed.keys()
    stale = {pk for pk in database.keys() & indexed.keys() if database[pk] != indexed[pk]}
    extra = indexed.keys() - database.keys()
    for chunk in _chunks(missing | stale):
        backend.add_bulk(CaseStudyPage, CaseStudyPage.objects.filter(pk__in=chunk).specific())
    for pk in extra:
        backend.delete(CaseStudyPage(pk=pk))
    backend.get_index_for_model(CaseStudyPage).refresh()
    report.added, report.updated, report.removed = len(missing), len(stale), len(extra)
    report.indexed_live = sum(1 for live, _ in _indexed_cases(backend).values() if live)
    report.database_live = sum(1 for live, _ in database.values() if live)
    return report

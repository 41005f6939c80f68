"""Bringing the search engine back in line with the database after an outage."""

import logging
from dataclasses import dataclass

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


def replay_backlog(backend):
    """Send the changes recorded while the engine was away; returns how many were sent."""
    sent = 0
    for content_type_id in IndexBacklog.objects.values_list("content_type_id", flat=True).distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        entries = IndexBacklog.objects.filter(content_type_id=content_type_id)
        ids = list(entries.values_list("object_id", flat=True))
        # Removed first: a failure below records them again (see BacklogOnFailureMixin).
        entries.filter(object_id__in=ids).delete()
        present = list(model.get_indexed_objects().filter(pk__in=ids)) if model else []
        if present:
            backend.add_bulk(model, present)
        present_ids = {str(obj.pk) for obj in present}
        for object_id in set(ids) - present_ids:
            if model:
                backend.delete(model(pk=object_id))
        if not availability.engine_available():
            break
        sent += len(ids)
    if sent:
        logger.warning("search engine caught up with %d change(s) made while it was away", sent)
    return sent


def _indexed_cases(backend):
    """{pk: (live, latest_revision_id)} of every case document in the engine."""
    cols = columns(backend.mapping_class)
    live_column = cols["filter"]["live"]
    revision_column = cols["filter"]["latest_revision"]
    index_name = backend.get_index_for_model(CaseStudyPage).name
    found, after = {}, None
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
    database = {pk: (live, revision) for pk, live, revision in CaseStudyPage.objects.values_list("pk", "live", "latest_revision_id")}
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

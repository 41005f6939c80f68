"""The library the performance benchmarks read: a throwaway PostgreSQL database plus bench indexes.

It grows through the sizes of a run (1,000 then 10,000, ...), since the generated sets nest. To reach
a size, the missing cases are written to an import file and imported by `manage.py import_cases` in a
subprocess (indexing into the engine and the database index included), whose time and peak memory
are measured; the newest cases are then also indexed into the engine alone by index_in_bulk (what the
import does) and bulk-loaded raw into a scratch index, and the newest records imported again through
Wagtail's page API one case at a time (rolled back), for the import table.
"""

import json
import os
import statistics
import time
from pathlib import Path

from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError

from bench.generate import generate_case, write_cases
from bench.services import (
    EngineWentAway,
    delete_indexes,
    manage,
    run_measured,
    wait_for_opensearch,
    with_engine_retries,
)

DATABASE_NAME = "bench_wijkwijs_perf"
INDEX_PREFIX = "bench_perf_"
RAW_ROUNDS = 3
# The engine and raw bulk loads take the newest cases of a step, up to this many: enough for a steady rate.
BULK_SAMPLE = 2000
# The import through Wagtail's page API takes the newest records of a step, up to this many: at its rate,
# a whole step would take a long time.
PAGE_API_SAMPLE = 200


def prepared_cases(pks):
    from knowledge.models import CaseStudyPage

    return list(CaseStudyPage.get_indexed_objects().filter(pk__in=list(pks)).order_by("pk"))


class Library:
    def __init__(self, workdir, seed):
        self.workdir = Path(workdir)
        self.seed = seed
        self.size = 0
        self.env = None

    # Setting up and tearing down

    def __enter__(self):
        from django.core.management import call_command

        from bench.django_env import database_url, throwaway_database
        from search.service import engine_backend

        wait_for_opensearch()
        self.backend = engine_backend()
        delete_indexes(self.backend.es, INDEX_PREFIX)
        self._database = throwaway_database(DATABASE_NAME)
        settings_dict = self._database.__enter__()
        # The engine index with its Dutch mapping, before anything is added to it.
        call_command("update_index", verbosity=0)
        self.env = {**os.environ, "DATABASE_URL": database_url(settings_dict), "SEARCH_INDEX_PREFIX": INDEX_PREFIX}
        return self

    def __exit__(self, *exc_info):
        try:
            delete_indexes(self.backend.es, INDEX_PREFIX)
        finally:
            self._database.__exit__(*exc_info)

    # Growing

    def records(self, start, stop):
        return (generate_case(index, self.seed) for index in range(start, stop))

    def cases_file(self, size):
        """The generated import file of the first `size` cases (written once per run)."""
        path = self.workdir / f"cases-{self.seed}-{size}.json"
        if not path.exists():
            write_cases(path, size, self.seed)
        return path

    def grow_to(self, size):
        """Add cases up to `size`; the import table's measurements of this step."""
        from knowledge.models import CaseStudyPage
        from search.models import IndexBacklog

        measured = {"size": size}
        import_file = self.workdir / f"import-{self.size}-{size}.json"
        with open(import_file, "w", encoding="utf-8") as stream:
            stream.write('{"cases": [\n')
            for number, record in enumerate(self.records(self.size, size)):
                stream.write((",\n" if number else "") + json.dumps(record, ensure_ascii=False))
            stream.write("\n]}\n")
        wait_for_opensearch()
        backlog_before = IndexBacklog.objects.count()
        run = run_measured(manage("import_cases", str(import_file)), self.env)
        import_file.unlink()
        # Cases the engine could not take go to the backlog: then the engine was away (restarted by
        # someone else), the timing is not the import's, and repair_index below puts them in.
        measured["engine_away_during_import"] = IndexBacklog.objects.count() > backlog_before
        # Throughput from the command's work, without Python's and Django's start-up (about 2 s).
        measured["import"] = {
            "cases": size - self.size,
            "seconds": run["work_seconds"],
            "with_startup_seconds": run["seconds"],
            "peak_rss_mb": run["peak_rss_mb"],
        }
        self.size = size
        self.refresh()

        newest = [record["external_id"] for record in self.records(max(size - BULK_SAMPLE, 0), size)]
        bulk_pks = list(CaseStudyPage.objects.filter(external_id__in=newest).values_list("pk", flat=True))
        measured.update(with_engine_retries(lambda: self.engine_and_raw_bulk(bulk_pks)))
        measured["page_api"] = self.page_api_import(max(size - PAGE_API_SAMPLE, 0), size)
        self.repair_index()
        return measured

    def page_api_import(self, start, stop):
        """Seconds to import these records again, as new cases (renamed), one at a time the way Wagtail's page
        API writes a page (add_child, save_revision, publish; indexed on each save), the import table's anchor.
        Rolled back; what reached the engine is removed by repair_index."""
        from django.db import transaction

        from knowledge.exchange.importer import CaseImporter
        from knowledge.exchange.records import parse_record

        raw_records = [{**raw, "external_id": f"page-api-{raw['external_id']}"} for raw in self.records(start, stop)]
        with transaction.atomic():
            importer = CaseImporter()
            started = time.perf_counter()
            for raw in raw_records:
                with transaction.atomic():
                    importer.save_record(parse_record(raw))
            seconds = time.perf_counter() - started
            transaction.set_rollback(True)
        return {"cases": len(raw_records), "seconds": round(seconds, 3)}

    def repair_index(self):
        """Index what an engine restart by someone else may have kept out (search_reconcile's repair)."""
        from search.reconcile import reconcile

        wait_for_opensearch()
        report = reconcile(self.backend)
        if not report.in_parity:
            raise RuntimeError(f"the bench index does not match the database: {report}")

    def refresh(self):
        from knowledge.models import CaseStudyPage

        def refresh_once():
            try:
                self.backend.get_index_for_model(CaseStudyPage).refresh()
            except OpenSearchConnectionError as error:
                raise EngineWentAway from error

        with_engine_retries(refresh_once)

    def engine_and_raw_bulk(self, pks):
        """Seconds to index these cases into the engine alone by index_in_bulk (documents built from the database)
        and raw (the same documents, built beforehand, with opensearchpy.helpers.bulk into a scratch index)."""
        from opensearchpy import helpers

        from core.indexing import index_in_bulk
        from knowledge.models import CaseStudyPage
        from search import availability

        cases = prepared_cases(pks)
        mapping = self.backend.mapping_class(CaseStudyPage)
        started = time.perf_counter()
        index_in_bulk(CaseStudyPage, pks, backends=[("default", self.backend)])
        engine_seconds = time.perf_counter() - started
        if not availability.engine_available():  # the backend kept the cases in its backlog instead
            availability.reset()
            raise EngineWentAway

        actions = [{"_id": mapping.get_document_id(case), **mapping.get_document(case)} for case in cases]
        es, scratch = self.backend.es, f"{INDEX_PREFIX}raw_scratch"
        rounds = []
        try:
            for _ in range(RAW_ROUNDS):
                if es.indices.exists(index=scratch):
                    es.indices.delete(index=scratch)
                # The same analysis and mapping as the real index, so that OpenSearch does the same work.
                es.indices.create(index=scratch, body=self.backend.settings)
                es.indices.put_mapping(index=scratch, body=mapping.get_mapping())
                started = time.perf_counter()
                helpers.bulk(es, actions, index=scratch)
                rounds.append(time.perf_counter() - started)
            es.indices.delete(index=scratch)
        except OpenSearchConnectionError as error:
            raise EngineWentAway from error
        return {
            "engine_bulk": {"cases": len(cases), "seconds": round(engine_seconds, 3)},
            "raw_bulk": {"cases": len(actions), "seconds": round(statistics.median(rounds), 3)},
        }

"""Import at scale: the file read as a stream, cases indexed in bulk after the import, fast SQLite search."""

import io
import json

import pytest

from knowledge.exchange.json_stream import JSONStreamError, NotTheFormat, array_items


def streamed(text, chunk_size):
    import knowledge.exchange.json_stream as json_stream

    original, json_stream.CHUNK_SIZE = json_stream.CHUNK_SIZE, chunk_size
    try:
        return ("ok", list(array_items(io.StringIO(text), "cases")))
    except JSONStreamError as error:
        return ("error", error.lineno, error.colno)
    except NotTheFormat:
        return ("format",)
    finally:
        json_stream.CHUNK_SIZE = original


def loaded(text):
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return ("error", error.lineno, error.colno)
    if isinstance(document, dict) and isinstance(document.get("cases"), list):
        return ("ok", document["cases"])
    return ("format",)


DOCUMENTS = [
    '{"cases": []}',
    '{"cases": [{"external_id": "a", "title": "Één"}, {"external_id": "b"}]}',
    '{"meta": {"n": [1, 2]}, "cases": [1, 2.5, -3e2, "x", null, true, {"b": [1, {"c": "}"}]}], "z": "]"}',
    '{\n  "cases"  :  [\n    {"a": "b\\nc"} ,\n    {"c": "d"}\n  ]\n}\n',
    '{"cases": [123456789012345]}',
    "{}",
    "[]",
    '"cases"',
    '{"cases": 3}',
    "",
    '{"cases": [{"external_id": "x",]}',
    '{"cases": [1 2]}',
    '{"cases": [1]} trailing',
    '{"cases": [1,]}',
    '{"cases": [{}]]',
    "{cases: []}",
    '{"cases": [\n{"a": 1},\n{"b": tru}\n]}',
    '{"cases": [',
]


@pytest.mark.sqlite
@pytest.mark.parametrize("text", DOCUMENTS)
@pytest.mark.parametrize("chunk_size", [1, 2, 7, 1 << 20])
def test_the_streamed_reader_reads_and_refuses_what_json_load_does(text, chunk_size):
    assert streamed(text, chunk_size) == loaded(text)


def import_one(tmp_path, **fields):
    from django.core.management import call_command

    record = {
        "external_id": "zwolle-buurtkoks",
        "title": "Buurtkoks koken voor ouderen",
        "municipality": "Zwolle",
        "province": "Overijssel",
        "summary": "Buurtbewoners koken wekelijks samen met ouderen.",
        **fields,
    }
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"cases": [record]}), encoding="utf-8")
    call_command("import_cases", str(path), stdout=io.StringIO())


def found(q):
    from search.params import SearchParams
    from search.service import run_search

    return [case.external_id for case in run_search(SearchParams(q=q)).cases]


@pytest.mark.sqlite
@pytest.mark.django_db
def test_an_imported_case_is_searchable_without_rebuilding_the_index(tmp_path):
    import_one(tmp_path)
    assert found("buurtkoks") == ["zwolle-buurtkoks"]


@pytest.mark.sqlite
@pytest.mark.django_db
def test_edits_after_an_import_are_indexed_on_save_again(tmp_path):
    from knowledge.models import CaseStudyPage

    import_one(tmp_path)
    case = CaseStudyPage.objects.get(external_id="zwolle-buurtkoks")
    case.title = "Buurtkoks met valpreventie"
    case.save_revision().publish()
    assert found("valpreventie") == ["zwolle-buurtkoks"]


@pytest.mark.sqlite
@pytest.mark.django_db
def test_a_re_import_indexes_the_change(tmp_path):
    import_one(tmp_path)
    import_one(tmp_path, summary="Buurtbewoners en de wijkverpleging koken samen met ouderen.")
    assert found("wijkverpleging") == ["zwolle-buurtkoks"]


@pytest.mark.sqlite
@pytest.mark.django_db
def test_the_municipality_and_congress_edition_an_import_makes_are_searchable(tmp_path):
    from knowledge.models import CongressEditionPage, MunicipalityPage

    import_one(tmp_path, congress_year=2031)
    # The database index: it follows this test's transaction, so nothing of an earlier run is in it.
    assert [page.title for page in MunicipalityPage.objects.search("Zwolle", backend="database")] == ["Zwolle"]
    assert [page.year for page in CongressEditionPage.objects.search("Congres 2031", backend="database")] == [2031]

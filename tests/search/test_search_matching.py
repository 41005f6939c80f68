"""How search matches what practitioners mean, on every backend: graded matching, Dutch compounds, English
terms, typos, editors' synonyms, related cases for a short page, and the search log."""

import pytest
from django.core.management import call_command

from knowledge.exchange.importer import CaseImporter
from search.models import SearchQueryWeek, SynonymGroup
from tests.search_helpers import ids, run

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

MATCHING_CASES = [
    {
        "external_id": "m-both-words",
        "title": "Samen tegen eenzaamheid",
        "municipality": "Hengelo",
        "province": "Overijssel",
        "summary": "Vrijwilligers bezoeken mantelzorgers die zich door hun zorgtaak geïsoleerd voelen.",
        "body": "Eenzaamheid onder mantelzorgers wordt vaak laat opgemerkt.",
        "year_start": 2022,
    },
    {
        "external_id": "m-one-word",
        "title": "Een luisterend oor in de wijk",
        "municipality": "Hengelo",
        "province": "Overijssel",
        "summary": "Een telefoonlijn voor bewoners die eenzaamheid ervaren.",
        "body": "Getrainde vrijwilligers voeren de gesprekken.",
        "year_start": 2021,
    },
    {
        "external_id": "m-compound",
        "title": "Buurtpreventie in de Hasseler Es",
        "municipality": "Hengelo",
        "province": "Overijssel",
        "summary": "Bewoners lopen 's avonds rondes en melden wat hen opvalt.",
        "body": "De app-groep van de buurtpreventie telt tweehonderd leden.",
        "year_start": 2019,
    },
    {
        "external_id": "m-scattered",
        "title": "Preventie van woninginbraak",
        "municipality": "Hengelo",
        "province": "Overijssel",
        "summary": "Inbrekers in de buurt? Een voorlichtingsavond over sloten en verlichting.",
        "body": "De politie geeft tips over preventie.",
        "year_start": 2018,
    },
    {
        "external_id": "m-ten-letters",
        "title": "Een buurtkamer in de oude bibliotheek",
        "municipality": "Hengelo",
        "province": "Overijssel",
        "summary": "Bewoners drinken er koffie en organiseren een taalcafé.",
        "body": "De buurtkamer is vijf dagen per week open.",
        "year_start": 2023,
    },
]


@pytest.fixture(scope="module")
def matching_library(search_library, django_db_blocker):
    """The search library plus cases written for these rules, indexed in every backend."""
    with django_db_blocker.unblock():
        report = CaseImporter().run(MATCHING_CASES)
        assert report.ok, report.failed
        call_command("update_index", verbosity=0)
        yield


pytestmark.append(pytest.mark.usefixtures("matching_library"))


def test_a_case_with_every_word_ranks_above_a_case_with_one(search_backend):
    found = ids(run(search_backend, "q=eenzaamheid mantelzorgers"))
    assert "m-both-words" in found and "m-one-word" in found
    assert found.index("m-both-words") < found.index("m-one-word")


def test_when_no_case_has_every_word_the_cases_with_some_are_shown_and_said(search_backend):
    raw = run(search_backend, "q=buurtkamer xylofoonorkest")
    assert ids(raw)[:1] == ["m-ten-letters"]
    assert raw.some_words_only
    assert not run(search_backend, "q=buurtkamer koffie").some_words_only


def test_a_compound_typed_as_two_words_ranks_above_the_words_apart(search_backend):
    found = ids(run(search_backend, "q=buurt preventie"))
    assert found[0] == "m-compound" and "m-scattered" in found


def test_a_part_of_a_compound_finds_the_compound(search_backend):
    assert "m-compound" in ids(run(search_backend, "q=preventie"))


def test_an_english_term_finds_the_dutch_case(search_backend):
    assert set(ids(run(search_backend, "q=loneliness"))[:2]) == {"m-both-words", "m-one-word"}
    assert "m-compound" in ids(run(search_backend, "q=neighbourhood watch"))


def test_a_typo_in_a_ten_letter_word_still_finds_it(search_backend):
    assert ids(run(search_backend, "q=buurtkmaer"))[:1] == ["m-ten-letters"]


def test_a_synonym_an_editor_adds_works_without_reindexing(search_backend):
    assert "m-ten-letters" not in ids(run(search_backend, "q=leeszaal"))
    group = SynonymGroup(terms="bibliotheek, leeszaal")
    group.full_clean()
    group.save()
    assert ids(run(search_backend, "q=leeszaal"))[:1] == ["m-ten-letters"]


def test_a_short_page_is_filled_with_related_cases_after_the_matches(search_backend):
    raw = run(search_backend, "q=buurtkamer")
    assert ids(raw)[0] == "m-ten-letters" and 0 < raw.count < 10
    assert raw.related == len(raw.pks) - raw.count > 0
    matches = run(search_backend, "q=buurtkamer&sort=newest")  # sorted by date: the matches alone
    assert matches.related == 0 and set(matches.pks) == set(raw.pks[: raw.count])


def test_the_api_says_which_dutch_words_it_searched_and_whether_all_words_matched(client, settings):
    data = client.get("/api/search/", {"q": "loneliness"}).json()
    assert data["searched_for"] == [{"term": "loneliness", "dutch": ["eenzaamheid", "vereenzaming"]}]
    assert data["some_words_only"] is False
    partial = client.get("/api/search/", {"q": "buurtkamer xylofoonorkest"}).json()
    assert partial["some_words_only"] is True and partial["count"] >= 1


def test_the_search_page_says_so_when_no_case_has_every_word(client):
    page = client.get("/zoeken/", {"q": "buurtkamer xylofoonorkest"}).content.decode()
    assert "Geen praktijkvoorbeeld bevat al uw woorden; deze bevatten er enkele." in page
    english = client.get("/zoeken/", {"q": "loneliness"}).content.decode()
    assert "Gezocht op de Nederlandse woorden:" in english and "eenzaamheid" in english


def test_the_search_log_keeps_the_words_and_counts_and_nothing_personal(client, django_user_model):
    user = django_user_model.objects.create_user("lezer", "lezer@example.org", "geheim-wachtwoord-123")
    client.force_login(user)
    client.get("/zoeken/", {"q": "Xylofoonorkest  en trompetconcours"}, REMOTE_ADDR="198.51.100.7")
    client.get("/api/search/", {"q": "xylofoonorkest en trompetconcours"}, REMOTE_ADDR="198.51.100.8")
    client.get("/zoeken/", {"q": "xylofoonorkest en trompetconcours", "page": "2"})
    entry = SearchQueryWeek.objects.get()
    assert entry.query == "xylofoonorkest en trompetconcours"
    assert entry.searches == 2 and entry.results == 0
    assert {field.name for field in SearchQueryWeek._meta.get_fields()} == {"id", "week", "query", "searches", "results"}
    assert entry.week.weekday() == 0

"""One search suite, run against every backend: the database (SQLite or PostgreSQL) and the engine."""

import pytest

from tests.search_helpers import ids, run

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db, pytest.mark.usefixtures("search_library")]


def test_words_are_stemmed(search_backend):
    assert "ex-straatcoaches" in ids(run(search_backend, "q=straatcoach"))
    assert "ex-straatcoaches" in ids(run(search_backend, "q=pleinen"))
    assert "ex-woningcorporatie-leefbaarheid" in ids(run(search_backend, "q=huurder"))


def test_diacritics_are_folded_both_ways(search_backend):
    assert ids(run(search_backend, "q=cooperatie"))[:1] == ["t-cooperatie"]
    assert ids(run(search_backend, "q=coöperatie"))[:1] == ["t-cooperatie"]
    assert "ex-financiele-hulp" in ids(run(search_backend, "q=financiële"))


def test_compound_words_are_found_by_their_parts(search_backend):
    # "wijkambtenaar" in the Groningen case, "buurtsportcoaches" in Rotterdam's
    assert "ex-groningen-congres" in ids(run(search_backend, "q=ambtenaar"))
    assert "ex-buurtsportcoach" in ids(run(search_backend, "q=sportcoach"))


def test_synonyms_find_the_other_words(search_backend):
    found = ids(run(search_backend, "q=buurtcentrum"))
    assert "t-wijkcentrum" in found and "t-cooperatie" in found


def test_quoted_phrase_must_stand_together(search_backend):
    assert "t-phrase-together" in ids(run(search_backend, 'q="sociaal wijkteam"'))
    assert "t-phrase-scattered" not in ids(run(search_backend, 'q="sociaal wijkteam"'))


def test_exact_phrase_ranks_above_scattered_words(search_backend):
    found = ids(run(search_backend, "q=sociaal wijkteam"))
    assert found[0] == "t-phrase-together"


def test_title_outweighs_body(search_backend):
    assert ids(run(search_backend, "q=wijkcentrum"))[0] == "t-wijkcentrum"


def test_drafts_are_never_found(search_backend):
    assert "t-draft" not in ids(run(search_backend, "q=geheime concepttekst"))
    assert "t-draft" not in ids(run(search_backend, "page_size=50"))


def test_cases_behind_a_view_restriction_are_never_found(search_backend):
    from wagtail.models import PageViewRestriction

    from knowledge.models import CaseStudyPage
    from search.database_search import similar_cases
    from search.engine_search import more_like_this

    hidden = CaseStudyPage.objects.get(external_id="ex-straatcoaches")
    everything = run(search_backend, "page_size=50").count
    PageViewRestriction.objects.create(page=hidden.get_parent(), restriction_type="password", password="alleen-intern")
    hidden_there = CaseStudyPage.objects.child_of(hidden.get_parent()).live().count()
    assert "ex-straatcoaches" not in ids(run(search_backend, "q=straatcoach"))
    assert run(search_backend, "page_size=50").count == everything - hidden_there
    other = CaseStudyPage.objects.get(external_id="ex-buurtsportcoach")
    if search_backend == "database":
        similar = similar_cases(other, 10)
    else:
        from modelsearch.backends import get_search_backend

        similar = more_like_this(get_search_backend(search_backend), other, 10)
    assert hidden.pk not in similar


def test_empty_query_lists_everything_with_facets(search_backend):
    raw = run(search_backend, "page_size=50")
    assert raw.count == 16
    assert raw.facets["province"]["overijssel"] == 4
    assert raw.facets["congress"] == {2014: 1, 2015: 1}


def test_facet_counts_agree_with_filtered_counts(search_backend):
    raw = run(search_backend, "q=wijk")
    assert raw.count > 0
    for facet in ("theme", "province", "year"):
        for value, count in raw.facets[facet].items():
            assert run(search_backend, f"q=wijk&{facet}={value}").count == count, (facet, value)


def test_filters_or_within_a_facet_and_across_facets(search_backend):
    safety = set(ids(run(search_backend, "theme=veiligheid&page_size=50")))
    youth = set(ids(run(search_backend, "theme=jeugd&page_size=50")))
    either = set(ids(run(search_backend, "theme=veiligheid&theme=jeugd&page_size=50")))
    assert either == safety | youth
    both_and_place = set(ids(run(search_backend, "theme=veiligheid&theme=jeugd&province=zuid-holland&page_size=50")))
    assert both_and_place == {"ex-straatcoaches", "ex-buurtsportcoach"}


def test_facets_count_other_values_of_the_selected_facet(search_backend):
    raw = run(search_backend, "theme=veiligheid")
    assert raw.facets["theme"]["jeugd"] >= 2  # still offered, as an OR choice
    assert raw.facets["province"] == {"zuid-holland": 1, "overijssel": 1}


def test_municipality_and_province_accept_names_and_slugs(search_backend):
    assert run(search_backend, "municipality=Tilburg").count == 1
    assert run(search_backend, "municipality=tilburg").count == 1
    assert run(search_backend, "province=Noord-Brabant").count == run(search_backend, "province=noord-brabant").count == 2
    assert run(search_backend, "municipality=Nergensdorp").count == 0


def test_year_and_congress_filters(search_backend):
    assert ids(run(search_backend, "congress=2015")) == ["ex-tilburg-wijkgericht"]
    assert set(ids(run(search_backend, "year=2018"))) == {"ex-cafe-gezondheid", "ex-verkeersveiligheid"}


def test_start_years_are_counted_and_filtered_as_periods(search_backend):
    from knowledge.models import CaseStudyPage

    live = CaseStudyPage.objects.live()
    expected = {
        "-2009": live.filter(year_start__lte=2009).count(),
        "2010-2014": live.filter(year_start__range=(2010, 2014)).count(),
        "2015-2019": live.filter(year_start__range=(2015, 2019)).count(),
        "2020-": live.filter(year_start__gte=2020).count(),
    }
    assert expected["2010-2014"] and expected["2015-2019"]
    assert {value: count for value, count in run(search_backend).facets["year"].items() if count} == {
        value: count for value, count in expected.items() if count
    }
    chosen = run(search_backend, "year=2015-2019&page_size=50")
    assert chosen.count == expected["2015-2019"]
    assert chosen.facets["year"]["2010-2014"] == expected["2010-2014"]  # the other periods stay on offer (OR)
    assert run(search_backend, "year=2010-2014&year=2015-2019").count == expected["2010-2014"] + expected["2015-2019"]
    assert set(ids(run(search_backend, "year=2018-2018"))) == set(ids(run(search_backend, "year=2018")))


def test_pagination_walks_through_all_results_once(search_backend):
    first, second, third, fourth = (run(search_backend, f"page_size=5&page={page}") for page in (1, 2, 3, 4))
    seen = ids(first) + ids(second) + ids(third) + ids(fourth)
    assert len(seen) == len(set(seen)) == 16
    assert first.count == 16


def test_newest_first_sorting(search_backend):
    from knowledge.models import CaseStudyPage

    newest = ids(run(search_backend, "q=wijk&sort=newest&page_size=50"))
    published = dict(CaseStudyPage.objects.values_list("external_id", "first_published_at"))
    dates = [published[case_id] for case_id in newest]
    assert dates == sorted(dates, reverse=True)


def test_results_carry_highlighted_snippets(search_backend):
    raw = run(search_backend, "q=overlast")
    snippet = raw.highlights[raw.pks[0]]
    assert "<mark>overlast</mark>" in snippet.lower()


def test_natural_question_finds_something(search_backend):
    assert "ex-straatcoaches" in ids(run(search_backend, "q=hoe pak je overlast door jongeren aan?"))


def test_spelling_suggestion_when_nothing_is_found(search_backend):
    raw = run(search_backend, "q=straatcoachse")
    if raw.count == 0:
        assert raw.suggestion


def test_similar_cases_are_related(search_backend):
    from modelsearch.backends import get_search_backend

    from knowledge.models import CaseStudyPage
    from search.database_search import similar_cases
    from search.engine_search import more_like_this

    case = CaseStudyPage.objects.get(external_id="ex-straatcoaches")
    if search_backend == "database":
        similar = similar_cases(case, 3)
    else:
        similar = more_like_this(get_search_backend(search_backend), case, 3)
    assert case.pk not in similar and len(similar) >= 2
    assert CaseStudyPage.objects.get(pk=similar[0]).themes.filter(slug__in=["jeugd", "veiligheid"]).exists()


def test_paging_through_database_results_shows_each_once_in_the_export_order(monkeypatch):
    from django.test import RequestFactory

    import search.database_search as database_search
    from search.facets import resolve_filters
    from search.params import parse_search_params
    from search.query_text import parse_query_text

    # A small window, so that pages of 3 straddle it as pages of 30 straddle the real one of 100.
    monkeypatch.setattr(database_search, "RERANK_WINDOW", 5)
    query = "q=wijk buurt bewoners"
    shown = []
    for page in range(1, 10):
        shown += run("database", f"{query}&page_size=3&page={page}").pks
    params = parse_search_params(RequestFactory().get("/?" + query).GET)
    count, exported = database_search.all_result_pks(params, parse_query_text(params.q), resolve_filters(params))
    assert count > 8
    assert shown == list(exported)

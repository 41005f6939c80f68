"""One request to OpenSearch/Elasticsearch: relevance, filters, facets, highlights and spelling.

Indexing is Wagtail's (modelsearch); this module only builds the query against the fields that
modelsearch's mapping declares for CaseStudyPage and reads the answer.
"""

from functools import lru_cache
from typing import Any

from modelsearch import index as search_index

from knowledge.models import CaseStudyPage
from search.periods import engine_periods_aggregation, engine_periods_clause
from search.raw import RawResults

# Text fields and their weight: title and summary count more than the body.
TEXT_WEIGHTS = {
    "title": 4,
    "summary": 3,
    "theme_names": 2,
    "tag_names": 2,
    "municipality_name": 2,
    "neighbourhoods": 2,
    "body": 1,
    "results": 1,
    "lessons_learned": 1,
    "partners": 1,
    "compound_parts": 0.5,
}
PHRASE_FIELDS = ("title", "summary", "body")
SURFACE_FIELDS = ("summary", "body")  # their `spelling` sub-fields keep the words unstemmed
HIGHLIGHT_FIELDS = ("summary", "body", "results", "lessons_learned", "title")
SPELLING_FIELDS = ("summary", "body")
FACET_FIELDS = {
    "theme": "theme_slugs",
    "municipality": "municipality",
    "province": "province_code",
    "year": "year_start",
    "congress": "congress_years",
}
FACET_SIZES = {"theme": 100, "municipality": 500, "province": 12, "congress": 100}
FUZZINESS = "AUTO:5,9"  # no typos below 5 letters, one up to 8, two from 9
TYPO_WEIGHT = 0.4
PARTS_WEIGHT = 0.6
MIN_PREFIX_LENGTH = 5  # a compound part this long also matches as the start of a word
# A case with every concept of the query ranks above one with some: a bonus of this many times a concept's own
# score, so that "all words, then most words, then one strong word" holds for ordinary scores.
ALL_CONCEPTS_BOOST = 3
PHRASE_BOOST = 2
ALL_CONCEPTS_QUERY = "all-concepts"
RELATED_FROM = 3  # the best matches whose like fills a first page the matches leave short


@lru_cache(maxsize=4)
def columns(mapping_class):
    """Index column names of CaseStudyPage's search fields, as modelsearch maps them."""
    mapping = mapping_class(CaseStudyPage)
    text, filters = {}, {}
    for field in CaseStudyPage.get_search_fields():
        if isinstance(field, search_index.SearchField):
            text[field.field_name] = mapping.get_field_column_name(field)
        elif isinstance(field, search_index.FilterField):
            filters[field.field_name] = mapping.get_field_column_name(field)
    return {"text": text, "filter": filters, "content_type": mapping.get_content_type()}


def _weighted(cols, names):
    return [f"{cols['text'][name]}^{TEXT_WEIGHTS[name]}" for name in names]


def _term_query(term, fields):
    if " " in term.text:
        return {"multi_match": {"query": term.text, "fields": fields, "type": "phrase", "boost": term.weight}}
    return {
        "multi_match": {"query": term.text, "fields": fields, "type": "best_fields", "tie_breaker": 0.3, "boost": term.weight}
    }


def part_clause(alternatives, fields):
    """One part of a compound, or its synonym, also as the start of a word: the stemmer leaves loanwords
    alone, and 'coach' of 'sportcoach' must find 'buurtsportcoaches'."""
    return {
        "dis_max": {
            "queries": [
                {"multi_match": {"query": " ".join(alternatives), "fields": fields, "type": "best_fields"}},
                *(
                    {"multi_match": {"query": part, "fields": fields, "type": "phrase_prefix"}}
                    for part in alternatives
                    if len(part) >= MIN_PREFIX_LENGTH
                ),
            ]
        }
    }


def concept_clause(concept, cols):
    """A case's best match of one concept: the word as typed or a form of it (a synonym, a translation, the
    compound it makes with its neighbour), its compound parts together, or the word with a typo."""
    fields = _weighted(cols, TEXT_WEIGHTS)
    ways = [_term_query(term, fields) for term in concept.terms]
    if concept.parts:
        ways.append(
            {"bool": {"boost": PARTS_WEIGHT, "must": [part_clause(alternatives, fields) for alternatives in concept.parts]}}
        )
    typed = concept.terms[0].text
    if not concept.translated and " " not in typed:
        surface = [f"{cols['text'][name]}.spelling^{TEXT_WEIGHTS[name]}" for name in SURFACE_FIELDS]
        ways.append(
            {
                "multi_match": {
                    "query": typed,
                    "fields": surface + fields,
                    "fuzziness": FUZZINESS,
                    "prefix_length": 1,
                    "boost": TYPO_WEIGHT,
                }
            }
        )
    return {"dis_max": {"queries": ways, "tie_breaker": 0.1}}


def all_concepts_clause(concept_clauses, boost=1):
    return {"bool": {"must": concept_clauses, "boost": boost}}


def text_clause(query_text, cols):
    """Graded matching: any concept of the query matches, every concept ranks higher, the words side by side
    higher still; quoted phrases must appear."""
    clauses: dict[str, Any] = {"must": [], "should": []}
    concepts = [concept_clause(concept, cols) for concept in query_text.concepts]
    if concepts:
        clauses["should"] += concepts
        clauses["minimum_should_match"] = 1
        if len(concepts) > 1:
            clauses["should"].append(all_concepts_clause(concepts, ALL_CONCEPTS_BOOST))
            # Words that stand together in the text rank above the same words scattered.
            clauses["should"].append(
                {
                    "multi_match": {
                        "query": query_text.loose_text,
                        "fields": _weighted(cols, PHRASE_FIELDS),
                        "type": "phrase",
                        "slop": 2,
                        "boost": PHRASE_BOOST,
                    }
                }
            )
    for phrase in query_text.phrases:
        clauses["must"].append({"multi_match": {"query": phrase, "fields": _weighted(cols, TEXT_WEIGHTS), "type": "phrase"}})
    return {"bool": clauses}


def filter_clause(name, values, cols):
    column = cols["filter"][FACET_FIELDS[name]]
    if name == "year":
        return engine_periods_clause(values, column)
    return {"terms": {column: list(values)}}


def filter_clauses(resolved, cols):
    return {name: filter_clause(name, values, cols) for name, values in resolved.items()}


def facet_aggregation(name, cols):
    column = cols["filter"][FACET_FIELDS[name]]
    if name == "year":
        return engine_periods_aggregation(column)
    return {"terms": {"field": column, "size": FACET_SIZES[name]}}


def hidden_case_pks():
    """Live cases behind a view restriction (a password, a login, groups): the engine indexes them, as
    Wagtail does, but a public search must not show them, as the database path's .public() does not."""
    return list(CaseStudyPage.objects.live().not_public().values_list("pk", flat=True))


def public_cases_filter(cols, hidden_pks):
    """The bool query parts that keep a search to the live, public cases."""
    clauses = {"filter": [{"term": {"_django_content_type": cols["content_type"]}}, {"term": {cols["filter"]["live"]: True}}]}
    if hidden_pks:
        clauses["must_not"] = [{"terms": {"pk": [str(pk) for pk in hidden_pks]}}]
    return clauses


def build_request(params, query_text, resolved, cols, hidden_pks=()):
    """The body of the search request for one page of results with facets, without the cases of hidden_pks."""
    query = {"match_all": {}} if query_text.is_empty else text_clause(query_text, cols)
    by_facet = filter_clauses(resolved, cols)
    aggregations = {}
    for name in FACET_FIELDS:
        others = [clause for other, clause in by_facet.items() if other != name]
        aggregations[name] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": facet_aggregation(name, cols)},
        }
    if len(query_text.concepts) > 1:
        every = all_concepts_clause([concept_clause(concept, cols) for concept in query_text.concepts])
        aggregations[ALL_CONCEPTS_QUERY] = {"filter": {"bool": {"filter": [every, *by_facet.values()]}}}
    body = {
        "query": {"bool": {"must": query, **public_cases_filter(cols, hidden_pks)}},
        "post_filter": {"bool": {"filter": list(by_facet.values())}},
        "aggs": aggregations,
        # A page past the window the engine pages through is empty, as a page past the last result is.
        "from": params.offset if params.size_within_window else 0,
        "size": params.size_within_window,
        "track_total_hits": True,
        "_source": False,
    }
    if params.sort == "newest" or query_text.is_empty:
        body["sort"] = [{cols["filter"]["first_published_at"]: {"order": "desc", "missing": "_last"}}, {"pk": "desc"}]
    if not query_text.is_empty:
        body["highlight"] = {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "fragment_size": 180,
            "number_of_fragments": 1,
            "no_match_size": 0,
            "fields": {cols["text"][name]: {} for name in HIGHLIGHT_FIELDS},
        }
    if query_text.words:
        body["suggest"] = {
            "text": query_text.loose_text,
            **{
                f"spelling_{name}": {
                    "term": {"field": cols["text"][name] + ".spelling", "suggest_mode": "popular", "min_word_length": 4}
                }
                for name in SPELLING_FIELDS
            },
        }
    return body


def send(backend, body):
    index_name = backend.get_index_for_model(CaseStudyPage).name
    if getattr(backend, "use_new_elasticsearch_api", False):
        return backend.es.search(index=index_name, **body)
    return backend.es.search(index=index_name, body=body)


def _suggestion(response, query_text):
    best: dict[str, dict[str, Any]] = {}
    for entries in (response.get("suggest") or {}).values():
        for entry in entries:
            for option in entry.get("options", []):
                current = best.get(entry["text"])
                if current is None or option["freq"] > current["freq"]:
                    best[entry["text"]] = option
    suggestion = " ".join(best[word.lower()]["text"] if word.lower() in best else word for word in query_text.words)
    return suggestion if suggestion != query_text.loose_text else ""


def read_response(response, query_text, cols):
    highlight_order = [cols["text"][name] for name in HIGHLIGHT_FIELDS]
    pks, highlights = [], {}
    for hit in response["hits"]["hits"]:
        pk = int(hit["_id"])
        pks.append(pk)
        fragments = hit.get("highlight", {})
        for column in highlight_order:
            if fragments.get(column):
                highlights[pk] = fragments[column][0]
                break
    facets = {
        name: {bucket["key"]: bucket["doc_count"] for bucket in response["aggregations"][name]["values"]["buckets"]}
        for name in FACET_FIELDS
    }
    total = response["hits"]["total"]
    count = total["value"] if isinstance(total, dict) else total
    every = response["aggregations"].get(ALL_CONCEPTS_QUERY)
    some_words_only = count > 0 and every is not None and every["doc_count"] == 0
    suggestion = _suggestion(response, query_text) if count == 0 or some_words_only else ""
    return RawResults(
        pks=pks, count=count, facets=facets, highlights=highlights, suggestion=suggestion, some_words_only=some_words_only
    )


def engine_search(backend, params, query_text, resolved):
    cols = columns(backend.mapping_class)
    hidden_pks = hidden_case_pks()
    response = send(backend, build_request(params, query_text, resolved, cols, hidden_pks))
    raw = read_response(response, query_text, cols)
    if shows_related(raw, params, query_text):
        related = related_request(backend, cols, raw, params, resolved, hidden_pks)
        raw = raw.with_related([int(hit["_id"]) for hit in send(backend, related)["hits"]["hits"]])
    return raw


def shows_related(raw, params, query_text):
    """Whether a first page that the matches do not fill is filled with cases like the best of them."""
    return (
        bool(raw.pks)
        and params.page == 1
        and raw.count < params.page_size
        and params.sort == "relevance"
        and not query_text.phrases
    )


def related_request(backend, cols, raw, params, resolved, hidden_pks):
    """The request for the cases like the best matches that fill the rest of a short first page."""
    filters = list(filter_clauses(resolved, cols).values())
    return more_like_these_request(
        backend, cols, raw.pks[:RELATED_FROM], params.page_size - raw.count, [*hidden_pks, *raw.pks], filters
    )


def more_like_these_request(backend, cols, like_pks, limit, exclude_pks=(), filters=()):
    """The cases most like these (by their words and themes), without the excluded ones, passing the filters."""
    index_name = backend.get_index_for_model(CaseStudyPage).name
    public = public_cases_filter(cols, exclude_pks)
    return {
        "query": {
            "bool": {
                "must": {
                    "more_like_this": {
                        "fields": [cols["text"][name] for name in ("title", "summary", "body", "theme_names")],
                        "like": [{"_index": index_name, "_id": str(pk)} for pk in like_pks],
                        "min_term_freq": 1,
                        "min_doc_freq": 1,
                        "max_query_terms": 40,
                        "minimum_should_match": "5%",
                    }
                },
                **public,
                "filter": public["filter"] + list(filters),
            }
        },
        "size": limit,
        "_source": False,
    }


def more_like_this(backend, case, limit):
    cols = columns(backend.mapping_class)
    body = more_like_these_request(backend, cols, [case.pk], limit, hidden_case_pks())
    return [int(hit["_id"]) for hit in send(backend, body)["hits"]["hits"]]

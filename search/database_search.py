"""Search, facets and highlights on the database backend (SQLite FTS5 or PostgreSQL full text)."""

import html
import re

from django.db.models import Count, Q
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Or, Phrase, PlainText

from knowledge.models import CaseStudyPage, ThemedCase
from search.case_filters import filter_cases
from search.dutch import fold, words
from search.engine_search import RELATED_FROM, shows_related
from search.expansion import folded_words
from search.highlight import highlight
from search.match_tally import tally_search
from search.raw import RawResults
from search.vocabulary import library_spelling

RERANK_WINDOW = 100
MARKUP = re.compile(r"<[^>]*>")


def live_cases():
    return CaseStudyPage.objects.published()


def _term(text):
    return Phrase(text) if " " in text else PlainText(text)


def _any_of(texts):
    queries = [_term(text) for text in texts]
    return queries[0] if len(queries) == 1 else Or(queries)


def concept_query(concept, exact=False):
    """A case has the concept when it has one of its forms or every one of its compound parts; exactly, when it
    has the word as typed, its translation or the compound it makes with its neighbour."""
    terms = [term for term in concept.terms if term.weight == 1 or not exact]
    alternatives = [_term(term.text) for term in terms]
    if concept.parts and not exact:
        alternatives.append(And([_any_of(part) for part in concept.parts]))
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def text_query(query_text, every_concept=False, exact=False):
    """Cases with any concept of the query (or with every one), and with each quoted phrase."""
    concepts = [concept_query(concept, exact) for concept in query_text.concepts]
    phrases = [Phrase(phrase) for phrase in query_text.phrases]
    if concepts and not every_concept:
        concepts = [concepts[0] if len(concepts) == 1 else Or(concepts)]
    parts = concepts + phrases
    return parts[0] if len(parts) == 1 else And(parts)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (dict, list)):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _strings(item)


def stream_text(stream_value):
    """The text in the blocks of a StreamField value, read from its stored data (rendering them costs far more)."""
    text = " ".join(part for block in stream_value.raw_data for part in _strings(block["value"]))
    return html.unescape(MARKUP.sub(" ", text))


def phrase_pattern(phrase):
    """A pattern that finds the words of `phrase` side by side in folded text, whatever lies between them, or
    written as one word ('buurt preventie' in 'buurtpreventie')."""
    return re.compile(r"(?<!\w)" + r"\W*".join(re.escape(word) for word in words(phrase)) + r"(?!\w)")


def best_first(best_pks, query_text, backend_name):
    """These pks (the best results) in tiers the database cannot rank by itself: those with every concept first,
    then those with the words as typed (rather than only a synonym or a part of them), then those with the
    words side by side."""
    if not query_text.concepts:
        return best_pks

    def having(**kwargs):
        matches = matching_cases(query_text, backend_name, **kwargs).filter(pk__in=best_pks)
        return set(matches.values_list("pk", flat=True))

    complete = having(every_concept=True) if len(query_text.concepts) > 1 else set(best_pks)
    exact = having(exact=True)
    texts = {row[0]: row for row in CaseStudyPage.objects.filter(pk__in=best_pks).values_list("pk", "title", "summary", "body")}
    pattern = phrase_pattern(query_text.loose_text)

    def has_phrase(pk):
        _, title, summary, body = texts[pk]
        return pattern.search(fold(f"{title} {summary} {stream_text(body)}")) is not None

    return sorted(best_pks, key=lambda pk: (pk not in complete, pk not in exact, not has_phrase(pk)))


def suggest_spelling(query_text):
    """A query with each unknown word replaced by the closest word the library uses."""
    suggestion = [library_spelling(word) or word for word in query_text.words]
    return " ".join(suggestion) if suggestion != list(query_text.words) else ""


def matching_cases(query_text, backend_name, every_concept=False, exact=False):
    """Live cases matching the text, ordered by relevance (all of them for an empty query)."""
    base = live_cases()
    if query_text.is_empty:
        return base
    backend = get_search_backend(backend_name)
    return backend.search(text_query(query_text, every_concept, exact), base).get_queryset()


def matched_and_filtered(params, query_text, resolved, backend_name="database"):
    """The live cases matching the text (facets count these) and those that also pass the filters, in result order."""
    matched = matching_cases(query_text, backend_name)
    filtered = filter_cases(matched, resolved)
    if params.sort == "newest" or query_text.is_empty:
        filtered = filtered.order_by("-first_published_at", "-pk")
    return matched, filtered


def reranks(params, query_text):
    """Whether the best results are put in the order of best_first."""
    return params.sort == "relevance" and bool(query_text.words)


def all_result_pks(params, query_text, resolved, backend_name="database"):
    """(count, pks): every result of database_search in its order, the pks streamed rather than listed (exports)."""
    _, filtered = matched_and_filtered(params, query_text, resolved, backend_name)
    count = filtered.count()

    def pks():
        rest = filtered
        if reranks(params, query_text):
            yield from best_first(list(filtered.values_list("pk", flat=True)[:RERANK_WINDOW]), query_text, backend_name)
            rest = filtered[RERANK_WINDOW:]
        yield from rest.values_list("pk", flat=True).iterator(chunk_size=2000)

    return count, pks()


def _tallied_page(params, query_text, resolved, backend_name):
    """(count, facets, the pks of the page, whether the best results have every concept)."""
    matched, filtered = matched_and_filtered(params, query_text, resolved, backend_name)
    end = params.offset + params.size_within_window
    if reranks(params, query_text):
        # A page may reach past the reranked window: its tail comes after the window, in the plain order.
        count, facets, top = tally_search(matched, resolved, filtered, 0, max(end, RERANK_WINDOW))
        ranked = best_first(top[:RERANK_WINDOW], query_text, backend_name) + top[RERANK_WINDOW:]
        return count, facets, ranked[params.offset : end], has_every_concept(ranked[:1], query_text, backend_name)
    count, facets, page = tally_search(matched, resolved, filtered, params.offset, end)
    return count, facets, page, True


def has_every_concept(pks, query_text, backend_name):
    if not pks or len(query_text.concepts) < 2:
        return True
    return matching_cases(query_text, backend_name, every_concept=True).filter(pk__in=pks).exists()


def database_search(params, query_text, resolved, backend_name="database"):
    count, facets, page, complete = _tallied_page(params, query_text, resolved, backend_name)
    highlights = {}
    if not query_text.is_empty and page:
        query_words = folded_words(query_text.concepts) + [word for phrase in query_text.phrases for word in words(phrase)]
        for case in CaseStudyPage.objects.filter(pk__in=page).only(
            "pk", "title", "summary", "body", "results", "lessons_learned"
        ):
            texts = [case.summary, stream_text(case.body), case.results, case.lessons_learned, case.title]
            highlights[case.pk] = highlight(texts, query_words)
    suggestion = suggest_spelling(query_text) if (count == 0 or not complete) and query_text.words else ""
    raw = RawResults(
        pks=page,
        count=count,
        facets=facets,
        highlights=highlights,
        suggestion=suggestion,
        some_words_only=count > 0 and not complete,
    )
    if shows_related(raw, params, query_text):
        raw = raw.with_related(related_cases(page[:RELATED_FROM], page, resolved, params.page_size - count))
    return raw


def sharing_themes(cases, theme_ids, limit):
    """Of these cases, those sharing the most of these themes, newest first among equals."""
    return list(
        cases.filter(pk__in=ThemedCase.objects.filter(tag_id__in=theme_ids).values("content_object_id"))
        .annotate(shared=Count("themed_items", filter=Q(themed_items__tag_id__in=theme_ids), distinct=True))
        .order_by("-shared", "-first_published_at")
        .values_list("pk", flat=True)[:limit]
    )


def related_cases(like_pks, exclude_pks, resolved, limit):
    """Cases like the best matches of a search (sharing their themes), passing its filters."""
    candidates = filter_cases(live_cases().exclude(pk__in=[*like_pks, *exclude_pks]), resolved)
    theme_ids = ThemedCase.objects.filter(content_object_id__in=like_pks).values("tag_id")
    return sharing_themes(candidates, theme_ids, limit)


def similar_cases(case, limit):
    """Cases sharing the most themes, then from the same municipality, then from the same province."""
    others = live_cases().exclude(pk=case.pk)
    # .all(), not values_list: a preview's case holds its themes in memory, where only .all() works.
    found = sharing_themes(others, [theme.pk for theme in case.themes.all()], limit)
    for nearby in (Q(municipality_id=case.municipality_id), Q(municipality__province=case.province_code)):
        if len(found) < limit and case.municipality_id:
            found += list(
                others.filter(nearby)
                .exclude(pk__in=found)
                .order_by("-first_published_at")
                .values_list("pk", flat=True)[: limit - len(found)]
            )
    return found

"""Search, facets and highlights on the database backend (SQLite FTS5 or PostgreSQL full text)."""

import difflib
import html
import re

from django.db.models import Count, Q
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Or, Phrase, PlainText

from knowledge.library_cache import cached
from knowledge.models import CaseStudyPage, ThemedCase
from search.case_filters import filter_cases
from search.dutch import fold, synonyms, words
from search.highlight import highlight
from search.match_tally import tally_search
from search.raw import RawResults

RERANK_WINDOW = 100
MARKUP = re.compile(r"<[^>]*>")


def live_cases():
    return CaseStudyPage.objects.live().public()


def _word_query(word, compound_parts):
    alternatives = [PlainText(word)] + [Phrase(other) if " " in other else PlainText(other) for other in synonyms(word)]
    if compound_parts:
        alternatives.append(PlainText(" ".join(compound_parts), operator="and"))
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def text_query(query_text, relaxed=False):
    parts = [_word_query(word, query_text.compound_parts(word)) for word in query_text.words]
    parts += [Phrase(phrase) for phrase in query_text.phrases]
    if len(parts) == 1:
        return parts[0]
    if relaxed:
        return Or(parts)
    return And(parts)


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
    """A pattern that finds the words of `phrase` side by side in folded text, whatever lies between them."""
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(word) for word in words(phrase)) + r"(?!\w)")


def phrase_first(best_pks, phrase):
    """These pks (the best results), those whose case has the words side by side first (the database cannot rank phrases)."""
    texts = {row[0]: row for row in CaseStudyPage.objects.filter(pk__in=best_pks).values_list("pk", "title", "summary", "body")}
    pattern = phrase_pattern(phrase)

    def has_phrase(pk):
        _, title, summary, body = texts[pk]
        return pattern.search(fold(f"{title} {summary} {stream_text(body)}")) is not None

    return sorted(best_pks, key=lambda pk: not has_phrase(pk))


def spelling_vocabulary():
    """The words of the titles and summaries of the library (some 0.1 s to gather at 10,000 cases)."""
    vocabulary = set()
    for title, summary in live_cases().values_list("title", "summary").iterator():
        vocabulary.update(words(f"{title} {summary}"))
    return vocabulary


def suggest_spelling(query_text):
    """A query with each unknown word replaced by the closest word the library uses."""
    vocabulary = cached("spelling-vocabulary", spelling_vocabulary)
    changed, suggestion = False, []
    for word in query_text.words:
        folded = fold(word)
        if folded in vocabulary or len(folded) < 4:
            suggestion.append(word)
            continue
        close = difflib.get_close_matches(folded, vocabulary, n=1, cutoff=0.75)
        suggestion.append(close[0] if close else word)
        changed = changed or bool(close)
    return " ".join(suggestion) if changed else ""


def matching_cases(query_text, backend_name, relaxed=False):
    """Live cases matching the text, ordered by relevance (all of them for an empty query)."""
    base = live_cases()
    if query_text.is_empty:
        return base
    backend = get_search_backend(backend_name)
    return backend.search(text_query(query_text, relaxed), base).get_queryset()


def matched_and_filtered(params, query_text, resolved, backend_name="database", relaxed=False):
    """The live cases matching the text (facets count these) and those that also pass the filters, in result order.

    Relaxed: cases with some of the words rather than all of them, for when no case has every word."""
    matched = matching_cases(query_text, backend_name, relaxed)
    filtered = filter_cases(matched, resolved)
    if params.sort == "newest" or query_text.is_empty:
        filtered = filtered.order_by("-first_published_at", "-pk")
    return matched, filtered


def may_relax(query_text):
    """Whether a search that finds nothing is tried again with some of its words (see matched_and_filtered)."""
    return len(query_text.words) > 1


def reranks_phrase(params, query_text):
    """Whether the best results are put in phrase order (see phrase_first)."""
    return params.sort == "relevance" and len(query_text.words) > 1


def all_result_pks(params, query_text, resolved, backend_name="database"):
    """(count, pks): every result of database_search in its order, the pks streamed rather than listed (exports)."""
    _, filtered = matched_and_filtered(params, query_text, resolved, backend_name)
    count = filtered.count()
    if count == 0 and may_relax(query_text):
        _, filtered = matched_and_filtered(params, query_text, resolved, backend_name, relaxed=True)
        count = filtered.count()

    def pks():
        rest = filtered
        if reranks_phrase(params, query_text):
            yield from phrase_first(list(filtered.values_list("pk", flat=True)[:RERANK_WINDOW]), query_text.loose_text)
            rest = filtered[RERANK_WINDOW:]
        yield from rest.values_list("pk", flat=True).iterator(chunk_size=2000)

    return count, pks()


def _tallied_page(params, query_text, resolved, backend_name, relaxed):
    """(count, facets, the pks of the page) of one way of matching the text."""
    matched, filtered = matched_and_filtered(params, query_text, resolved, backend_name, relaxed)
    end = params.offset + params.page_size
    if reranks_phrase(params, query_text) and params.offset < RERANK_WINDOW:
        # A page may reach past the reranked window: its tail comes after the window, in the plain order.
        count, facets, top = tally_search(matched, resolved, filtered, 0, max(end, RERANK_WINDOW))
        ranked = phrase_first(top[:RERANK_WINDOW], query_text.loose_text) + top[RERANK_WINDOW:]
        return count, facets, ranked[params.offset : end]
    return tally_search(matched, resolved, filtered, params.offset, end)


def database_search(params, query_text, resolved, backend_name="database"):
    count, facets, page = _tallied_page(params, query_text, resolved, backend_name, relaxed=False)
    if count == 0 and may_relax(query_text):
        # No case has every word: rank the cases that have some of them. Asked only then: checking first
        # cost PostgreSQL a full match of every search of several words.
        count, facets, page = _tallied_page(params, query_text, resolved, backend_name, relaxed=True)
    highlights = {}
    if not query_text.is_empty and page:
        query_words = list(query_text.words) + [word for phrase in query_text.phrases for word in words(phrase)]
        for case in CaseStudyPage.objects.filter(pk__in=page).only("pk", "title", "summary", "body", "results", "lessons_learned"):
            texts = [case.summary, stream_text(case.body), case.results, case.lessons_learned, case.title]
            highlights[case.pk] = highlight(texts, query_words)
    suggestion = suggest_spelling(query_text) if count == 0 and query_text.words else ""
    return RawResults(pks=page, count=count, facets=facets, highlights=highlights, suggestion=suggestion)


def similar_cases(case, limit):
    """Cases sharing the most themes, then from the same municipality, then from the same province."""
    # .all(), not values_list: a preview's case holds its themes in memory, where only .all() works.
    theme_ids = [theme.pk for theme in case.themes.all()]
    others = live_cases().exclude(pk=case.pk)
    found = list(
        others.filter(pk__in=ThemedCase.objects.filter(tag_id__in=theme_ids).values("content_object_id"))
        .annotate(shared=Count("themed_items", filter=Q(themed_items__tag_id__in=theme_ids), distinct=True))
        .order_by("-shared", "-first_published_at")
        .values_list("pk", flat=True)[:limit]
    )
    for nearby in (Q(municipality_id=case.municipality_id), Q(municipality__province=case.province_code)):
        if len(found) < limit and case.municipality_id:
            found += list(
                others.filter(nearby).exclude(pk__in=found).order_by("-first_published_at")
                .values_list("pk", flat=True)[: limit - len(found)]
            )
    return found

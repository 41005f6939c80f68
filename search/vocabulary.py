"""The synonym groups and the English-Dutch glossary as search reads them: folded, looked up by term.

Editors change them in the admin; a change raises the library version (see search.signals), so the next
searches use it without reindexing anything.
"""

import difflib

from core.library_cache import cached
from knowledge.models import CaseStudyPage, Theme
from search.dutch import fold, words
from search.models import GlossaryEntry, SynonymGroup

MIN_CORRECTED_LENGTH = 5
MIN_LENGTH_CHANGE = 2  # a longer word may differ by a quarter of its length ('vrijwiligerscentrale', 'vrijwilligersbank')


def glossary_key(text: str) -> str:
    """An English term as it is looked up: folded words without a plural 's' ("Residents' councils" ->
    "resident council")."""
    return " ".join(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words(text))


def _synonym_table() -> dict[str, list[str]]:
    table: dict[str, set[str]] = {}
    for group in SynonymGroup.objects.values_list("terms", flat=True):
        folded = [" ".join(words(term)) for term in group.split(",") if words(term)]
        for term in folded:
            table.setdefault(term, set()).update(other for other in folded if other != term)
    return {term: sorted(others) for term, others in table.items()}


def _glossary_table() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for english, dutch in GlossaryEntry.objects.values_list("english", "dutch"):
        terms = table.setdefault(glossary_key(english), [])
        for term in dutch.split(","):
            folded = " ".join(words(term))
            if folded and folded not in terms:
                terms.append(folded)
    return table


def synonym_table() -> dict[str, list[str]]:
    """{folded term: [folded terms of the same meaning]}."""
    return cached("search-synonyms", _synonym_table)


def glossary_table() -> dict[str, list[str]]:
    """{glossary key of an English term: [folded Dutch terms]}."""
    return cached("search-glossary", _glossary_table)


def synonyms_of(term: str) -> list[str]:
    return synonym_table().get(fold(term), [])


def _library_words() -> dict[tuple[str, int], list[str]]:
    """The words of the titles and summaries of the live cases and of the themes, by first letter and length
    (some 0.1 s to gather at 10,000 cases)."""
    vocabulary = set()
    for title, summary in CaseStudyPage.objects.published().values_list("title", "summary").iterator():
        vocabulary.update(words(f"{title} {summary}"))
    for name in Theme.objects.values_list("name", flat=True):
        vocabulary.update(words(name))
    by_start: dict[tuple[str, int], list[str]] = {}
    for word in vocabulary:
        by_start.setdefault((word[0], len(word)), []).append(word)
    return by_start


def library_spelling(word: str) -> str:
    """The library's own spelling of a word it does not use ('particpatie' -> 'participatie'), or ''.

    Only words with the same first letter and about the same length (within a quarter) are compared: a typo
    seldom changes the first letter, and comparing a word with the whole vocabulary took tens of milliseconds."""
    folded = fold(word)
    if len(folded) < MIN_CORRECTED_LENGTH:
        return ""
    by_start = cached("spelling-vocabulary", _library_words)
    if folded in by_start.get((folded[0], len(folded)), ()):
        return ""
    change = max(MIN_LENGTH_CHANGE, len(folded) // 4)
    candidates = [
        known
        for length in range(len(folded) - change, len(folded) + change + 1)
        for known in by_start.get((folded[0], length), ())
    ]
    close = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.75)
    return close[0] if close else ""

"""What a practitioner means by the words they typed: each word or English term as a concept, with the other
ways a case may write it.

"buurt preventie" is also "buurtpreventie"; "buurtbudgetten" is also "buurt" with "budgetten", and "wijk" with
them; "loneliness" is "eenzaamheid" in a Dutch case; "senioren" is "ouderen". Both search paths (engine and
database) match a case by these concepts, and rank the cases that have every concept above those with some.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from search.dutch import fold, words
from search.lexicon import compound_split, is_word
from search.vocabulary import glossary_key, glossary_table, library_spelling, synonym_table

LONGEST_TERM = 4  # words in the longest glossary or synonym phrase looked for in a query
SYNONYM_WEIGHT = 0.8
CORRECTION_WEIGHT = 0.9


@dataclass(frozen=True)
class Term:
    text: str  # folded word or phrase
    weight: float  # 1 for what was typed (or its translation), less for a related form


@dataclass(frozen=True)
class Concept:
    typed: str  # the words as typed
    terms: tuple[Term, ...]  # ways a case writes it, the typed form first
    parts: tuple[tuple[str, ...], ...] = ()  # a compound's parts, each alternative words: a case with every part matches too
    translated: bool = False  # an English term, searched for in Dutch

    @property
    def searched_for(self) -> list[str]:
        """The Dutch words searched for instead of an English term."""
        return [term.text for term in self.terms[1:]] if self.translated else []


def _phrase_at(folded, start, table, key=lambda phrase: phrase):
    """(length, entry) of the longest phrase of `table` at `start` of the folded words, or (0, None)."""
    for length in range(min(LONGEST_TERM, len(folded) - start), 0, -1):
        entry = table.get(key(" ".join(folded[start : start + length])))
        if entry:
            return length, entry
    return 0, None


def _with_synonyms(text, synonyms):
    return (Term(text, 1.0), *(Term(other, SYNONYM_WEIGHT) for other in synonyms.get(text, ())))


def _spelling(word, synonyms):
    """A typed word that is neither Dutch nor known to the search, as the library spells it: 'particpatie'
    also as 'participatie'."""
    if " " in word or is_word(word) or word in synonyms or compound_split(word):
        return ()
    correction = library_spelling(word)
    return (Term(correction, CORRECTION_WEIGHT),) if correction else ()


def _compound_parts(word, synonyms):
    parts = compound_split(word)
    if len(parts) < 2:
        return ()
    return tuple((part, *(other for other in synonyms.get(part, ()) if " " not in other)) for part in parts)


def _concepts(folded, typed, synonyms, glossary):
    concepts, start = [], 0
    while start < len(folded):
        length, dutch = _phrase_at(folded, start, glossary, glossary_key)
        if dutch and not (length == 1 and folded[start] in synonyms):
            phrase = " ".join(folded[start : start + length])
            terms = (Term(phrase, 1.0), *(Term(word, 1.0) for word in dutch if word != phrase))
            concepts.append(Concept(" ".join(typed[start : start + length]), terms, translated=True))
        else:
            length, _ = _phrase_at(folded, start, synonyms)
            length = max(length, 1)
            phrase = " ".join(folded[start : start + length])
            parts = _compound_parts(phrase, synonyms) if length == 1 else ()
            terms = _with_synonyms(phrase, synonyms) + _spelling(phrase, synonyms)
            concepts.append(Concept(" ".join(typed[start : start + length]), terms, parts))
        start += length
    return concepts


def _simple_word(concept):
    word = concept.terms[0].text
    return not concept.translated and " " not in word and is_word(word) and not compound_split(word)


def _joined_forms(concepts, synonyms):
    """Two neighbouring Dutch words that are not compounds themselves also as the compound they make:
    'dementie vriendelijk' -> 'dementievriendelijk' (with that compound's synonyms), a form of both concepts."""
    joined = list(concepts)
    for index in range(len(concepts) - 1):
        first, second = concepts[index], concepts[index + 1]
        if not (_simple_word(first) and _simple_word(second)):
            continue
        compound = _with_synonyms(first.terms[0].text + second.terms[0].text, synonyms)
        for position in (index, index + 1):
            concept = joined[position]
            joined[position] = Concept(concept.typed, concept.terms + compound, concept.parts, concept.translated)
    return joined


def expand(query_words: Iterable[str]) -> tuple[Concept, ...]:
    """The concepts of the loose words of a query (stop words already left out)."""
    typed = [word for word in query_words if words(word)]
    folded = [" ".join(words(word)) for word in typed]
    synonyms, glossary = synonym_table(), glossary_table()
    return tuple(_joined_forms(_concepts(folded, typed, synonyms, glossary), synonyms))


def searched_for(concepts: Iterable[Concept]) -> dict[str, list[str]]:
    """{English term as typed: [Dutch words]} of the concepts that were translated."""
    return {concept.typed: concept.searched_for for concept in concepts if concept.translated}


def folded_words(concepts: Iterable[Concept]) -> list[str]:
    """Every word the concepts look for, for highlighting."""
    found = []
    for concept in concepts:
        for term in concept.terms:
            found.extend(words(term.text))
        for alternatives in concept.parts:
            found.extend(fold(part) for part in alternatives)
    return list(dict.fromkeys(found))

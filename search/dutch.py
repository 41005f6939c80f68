"""Dutch text normalisation in Python, for the database search backends.

The engines do this with their analyzers (see analysis.py); SQLite cannot, so the database
backend indexes and queries text that went through these functions.
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

from search.words import compound_parts, synonym_groups

WORD = re.compile(r"\w+", re.UNICODE)
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
MIN_COMPOUND_LENGTH = 6


def fold(text):
    """Lowercase and strip diacritics: 'Coöperatie' -> 'cooperatie'."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    # Only the non-ASCII stretches change, and the same few ('ë', 'é') come back again and again.
    return NON_ASCII.sub(lambda stretch: _fold_stretch(stretch.group()), lowered)


@lru_cache(maxsize=4096)
def _fold_stretch(stretch):
    return "".join(char for char in unicodedata.normalize("NFKD", stretch) if not unicodedata.combining(char))


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("dutch")


@lru_cache(maxsize=1)
def _folded_parts():
    return tuple(sorted({fold(part) for part in compound_parts()}, key=len, reverse=True))


@lru_cache(maxsize=100_000)
def compound_split(word):
    """The known parts inside a longer word: 'wijkambtenaar' -> ('wijk', 'ambtenaar')."""
    if len(word) < MIN_COMPOUND_LENGTH:
        return ()
    return tuple(part for part in _folded_parts() if part != word and part in word)


def compound_parts_of(text):
    """The distinct compound parts found in a text, as one string."""
    parts = dict.fromkeys(part for word in words(text) for part in compound_split(word))
    return " ".join(parts)


def words(text):
    return WORD.findall(fold(text))


def stem(word):
    return _stemmer().stemWord(word)


def index_terms(text):
    """Stemmed words of a text, each followed by the stems of its compound parts."""
    terms = []
    for word in words(text):
        terms.append(stem(word))
        terms.extend(stem(part) for part in compound_split(word))
    return " ".join(terms)


@lru_cache(maxsize=1)
def _synonyms_by_word():
    table = {}
    for group in synonym_groups():
        folded = [fold(item) for item in group]
        for item in folded:
            table.setdefault(item, set()).update(other for other in folded if other != item)
    return table


def synonyms(phrase):
    """Other words of the same synonym group (multi-word entries stay phrases)."""
    return sorted(_synonyms_by_word().get(fold(phrase), ()))

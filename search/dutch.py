"""Dutch text normalisation in Python, for the database search backends.

The engines do this with their analyzers (see analysis.py); SQLite cannot, so the database
backend indexes and queries text that went through these functions.
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

from search.lexicon import compound_split

WORD = re.compile(r"\w+", re.UNICODE)
NON_ASCII = re.compile(r"[^\x00-\x7f]+")


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

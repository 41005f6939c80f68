"""Dutch words and how common they are, from the `wordfreq` package's large Dutch list (subtitles, web
text, Wikipedia, news: some 300,000 words), for splitting compound words.

Dutch writes compounds as one word ("buurtpreventie"), and a text may use the compound where the query
names a part ("wijkbudget" for "budget"), or the other way round. A compound is
split where both parts are ordinary words that are together more common than the whole (Koehn and
Knight's frequency method), with the linking "s", "e" or "en" of Dutch compounds between them.
"""

import math
import unicodedata
from functools import lru_cache

import wordfreq

# Words rarer than this (about once in 100 million words) are too often names or misspellings to trust.
MIN_ZIPF = 2.0
MIN_HEAD, MIN_TAIL = 4, 4  # shorter parts are too often suffixes or fragments ("atie", "ver")
# A word this common is a word of its own, not a compound to take apart ("gemeente", "ambtenaar").
COMMON_WORD_ZIPF = 4.5
LINKING_LETTERS = ("", "s", "e", "en")
# Parts that are Dutch function words or suffixes, not content: "ambtenaar" is not "ambt" + "naar".
NOT_PARTS = frozenset(
    "aan achter alle als bij door dat deze die dit een eens heid hier maar met naar niet onder ook over "
    "tegen toch tot uit van ver voor waar want wat weer zelf".split()
)


def _unaccented(word):
    return "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))


@lru_cache(maxsize=1)
def _zipf_table():
    """{unaccented word: zipf} of the words common enough to trust (some 100,000; 0.5 s to read)."""
    table: dict[str, float] = {}
    for word, frequency in wordfreq.get_frequency_dict("nl", wordlist="large").items():
        zipf = math.log10(frequency) + 9
        if zipf >= MIN_ZIPF and len(word) >= MIN_HEAD and word.isalpha():
            word = _unaccented(word)
            table[word] = max(zipf, table.get(word, 0.0))
    return table


def zipf(word):
    """How common a (lowercase, unaccented) word is: 0 unknown, 3 once per million words, 6 very common."""
    return _zipf_table().get(word, 0.0)


def is_word(word):
    return zipf(word) > 0


def _part_zipf(part):
    """How common a part is: a word's own frequency, or for a compound part ('sportcoaches' in
    'buurtsportcoaches') the mean of its own parts'."""
    if part in NOT_PARTS or len(part) < MIN_HEAD:
        return 0.0
    return zipf(part) or _split_score(part)


def _two_parts(word):
    """The best (score, head, tail) of writing the word as two known words or compounds, or None."""
    best = None
    for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
        head = word[:cut]
        head_zipf = _part_zipf(head)
        if not head_zipf:
            continue
        for link in LINKING_LETTERS:
            if not word.startswith(link, cut):
                continue
            tail = word[cut + len(link) :]
            tail_zipf = _part_zipf(tail) if len(tail) >= MIN_TAIL else 0.0
            if tail_zipf:
                score = (head_zipf + tail_zipf) / 2
                if best is None or score > best[0]:
                    best = (score, head, tail)
    return best


@lru_cache(maxsize=200_000)
def _split_score(word):
    if len(word) < MIN_HEAD + MIN_TAIL:
        return 0.0
    split = _two_parts(word)
    return split[0] if split else 0.0


@lru_cache(maxsize=200_000)
def compound_split(word):
    """The parts of a compound word, longest first split ('inwonersparticipatie' -> ('inwoners', 'participatie')),
    or () when it is not a compound. The word is lowercase and unaccented (search.dutch.fold)."""
    if len(word) < MIN_HEAD + MIN_TAIL or zipf(word) >= COMMON_WORD_ZIPF:
        return ()
    split = _two_parts(word)
    if split is None or split[0] <= zipf(word):
        return ()
    _, head, tail = split
    return (*_parts_of(head), *_parts_of(tail))


def _parts_of(part):
    """A part as it stands if it is a word, else its own parts ('sportcoaches' -> 'sport', 'coaches')."""
    return (part,) if is_word(part) else compound_split(part) or (part,)

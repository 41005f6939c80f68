"""What a practitioner typed: quoted phrases and loose words."""

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from search.dutch import fold

if TYPE_CHECKING:
    from search.expansion import Concept

QUOTED = re.compile(r'"([^"]+)"')
WORD = re.compile(r"\w+")
# SQLite's full-text parser overflows its stack near a hundred one-letter words (a 503 that looked like an
# outage); no question a practitioner types has more words than this, and the engines need no more either.
MAX_QUERY_WORDS = 32

# Dutch function words that carry no meaning in a question like "hoe betrek je jongeren bij de wijkraad?"
STOP_WORDS = frozenset(
    "aan al alle als bij dan dat de deze die dit door een en er hem het hoe hun ik in is je kan "
    "kun kunnen maar met na naar niet nog of om onder ons ook op over te tot u uit van voor wat "
    "we welke wie wij zal ze zich zij zijn zo".split()
)


@dataclass(frozen=True)
class QueryText:
    text: str  # the whole query, quotes removed
    words: tuple[str, ...]  # loose words outside quotes, stop words removed
    phrases: tuple[str, ...]  # quoted phrases

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases

    @property
    def loose_text(self) -> str:
        return " ".join(self.words)

    @cached_property
    def concepts(self) -> tuple["Concept", ...]:
        """The loose words as concepts with their other forms (see search.expansion)."""
        from search.expansion import expand

        return expand(self.words)


def first_words(q: str, limit: int = MAX_QUERY_WORDS) -> str:
    """q up to its limit-th word."""
    for number, match in enumerate(WORD.finditer(q)):
        if number == limit:
            return q[: match.start()]
    return q


def parse_query_text(q: str) -> QueryText:
    q = first_words(q)
    phrases = tuple(phrase.strip() for phrase in QUOTED.findall(q) if phrase.strip())
    rest = QUOTED.sub(" ", q).replace('"', " ")
    words = tuple(word for word in re.findall(r"\w+", rest) if fold(word) not in STOP_WORDS)
    text = " ".join([*phrases, *re.findall(r"\w+", rest)])
    return QueryText(text=text, words=words, phrases=phrases)

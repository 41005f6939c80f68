from dataclasses import dataclass, field, replace
from typing import Any


@dataclass
class RawResults:
    """What a search engine found, before it is turned into results for people."""

    pks: list[int]  # the page of results, in order
    count: int  # all matches
    facets: dict[str, dict[Any, int]]  # {facet: {index value: count}}
    highlights: dict[int, str] = field(default_factory=dict)  # {pk: html snippet}
    suggestion: str = ""  # a spelling to try when nothing was found
    some_words_only: bool = False  # no case has every word of the query: these have some of them
    related: int = 0  # how many pks at the end are like the matches rather than matches (not in count)

    def with_related(self, pks: list[int]) -> "RawResults":
        """These results followed by related cases that fill the page; the count stays that of the matches."""
        return replace(self, pks=self.pks + pks, related=len(pks))

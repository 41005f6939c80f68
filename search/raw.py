from dataclasses import dataclass, field


@dataclass
class RawResults:
    """What a search engine found, before it is turned into results for people."""

    pks: list                  # the page of results, in order
    count: int                 # all matches
    facets: dict               # {facet: {index value: count}}
    highlights: dict = field(default_factory=dict)  # {pk: html snippet}
    suggestion: str = ""       # a spelling to try when nothing was found

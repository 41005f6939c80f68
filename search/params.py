"""The parameters of /zoeken/, /api/search/ and the exports: parsed, checked, and written back."""

import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext as _

from search.periods import parse_period

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FILTER = 20
MAX_FILTER_VALUE_LENGTH = 100
MAX_PAGE = 1000
MAX_RESULT_WINDOW = 10000  # what OpenSearch and Elasticsearch page through by default
DEFAULT_PAGE_SIZE = 10
SORTS = ("relevance", "newest")
FACETS = ("theme", "municipality", "province", "year", "congress")
INTEGER_FACETS = ("congress",)
INTEGER = re.compile(r"-?[0-9]+")  # int() alone would also take "1_0", "+1" and non-ASCII digits


class InvalidSearchParams(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors  # {parameter: message}
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    theme: tuple[str, ...] = ()
    municipality: tuple[str, ...] = ()
    province: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    congress: tuple[int, ...] = ()
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def filters(self) -> dict[str, tuple[str | int, ...]]:
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def size_within_window(self) -> int:
        """How many results of this page the engines page through: none for a page past MAX_RESULT_WINDOW."""
        return max(0, min(self.page_size, MAX_RESULT_WINDOW - self.offset))

    def query_string(self, **changes: Any) -> str:
        """The URL query of these parameters with some changed; defaults are left out."""
        params = replace(self, **changes)
        pairs: list[tuple[str, str | int]] = []
        if params.q:
            pairs.append(("q", params.q))
        for name in FACETS:
            pairs.extend((name, value) for value in getattr(params, name))
        if params.sort != "relevance":
            pairs.append(("sort", params.sort))
        if params.page != 1:
            pairs.append(("page", params.page))
        if params.page_size != DEFAULT_PAGE_SIZE:
            pairs.append(("page_size", params.page_size))
        return urlencode(pairs)

    def without(self, name: str, value: str | int) -> str:
        return self.query_string(**{name: tuple(v for v in getattr(self, name) if v != value), "page": 1})


def _clean_text(value: str) -> str:
    return " ".join("".join(char for char in value if char.isprintable()).split())


def _integer(raw: str | None, name: str, minimum: int, maximum: int, errors: dict[str, str], default: int) -> int:
    if raw is None or raw == "":
        return default
    try:
        if not INTEGER.fullmatch(raw.strip()):
            raise ValueError(raw)
        value = int(raw)
    except ValueError:
        errors[name] = _("moet een geheel getal zijn, niet %(value)r") % {"value": raw[:40]}
        return default
    if not minimum <= value <= maximum:
        errors[name] = _("moet tussen %(min)s en %(max)s liggen") % {"min": minimum, "max": maximum}
        return default
    return value


def last_page(count: int, page_size: int) -> int:
    """The last page of count results that parse_search_params accepts: beyond the result window is refused."""
    return max(1, min(-(-count // page_size), MAX_PAGE, MAX_RESULT_WINDOW // page_size))


def words_only(query_dict: QueryDict) -> SearchParams:
    """The parameters of a request whose other parameters are refused: its words, cleaned as parse_search_params does."""
    return SearchParams(q=_clean_text(query_dict.get("q", ""))[:MAX_QUERY_LENGTH])


def parse_search_params(query_dict: QueryDict) -> SearchParams:
    """SearchParams from request.GET; InvalidSearchParams says what is wrong with which parameter."""
    errors: dict[str, str] = {}
    # The limits hold for what was sent, before whitespace and duplicates are dropped, as the API documents them.
    q = _clean_text(query_dict.get("q", ""))
    if len(query_dict.get("q", "")) > MAX_QUERY_LENGTH:
        errors["q"] = _("mag hoogstens %(max)s tekens lang zijn") % {"max": MAX_QUERY_LENGTH}
    values: dict[str, tuple[Any, ...]] = {}
    for name in FACETS:
        given = query_dict.getlist(name)
        raw_values = [_clean_text(value) for value in given]
        raw_values = list(dict.fromkeys(value for value in raw_values if value))
        if len(given) > MAX_VALUES_PER_FILTER:
            errors[name] = _("hoogstens %(max)s waarden") % {"max": MAX_VALUES_PER_FILTER}
            raw_values = raw_values[:MAX_VALUES_PER_FILTER]
        if any(len(value) > MAX_FILTER_VALUE_LENGTH for value in given):
            errors[name] = _("waarde is te lang")
        if name == "year":
            periods = []
            for value in raw_values:
                period = parse_period(value)
                if period is None:
                    errors[name] = _("moet een jaartal of een periode zijn (2015, 2010-2014, -2009, 2020-), niet %(value)r") % {
                        "value": value[:40]
                    }
                else:
                    periods.append(period.value)
            raw_values = list(dict.fromkeys(periods))
        if name in INTEGER_FACETS:
            numbers = []
            for value in raw_values:
                if value.isascii() and value.isdigit() and 1000 <= int(value) <= 2999:
                    numbers.append(int(value))
                else:
                    errors[name] = _("moet een jaartal zijn, niet %(value)r") % {"value": value[:40]}
            values[name] = tuple(numbers)
        else:
            values[name] = tuple(raw_values)
    sort = query_dict.get("sort") or "relevance"
    if sort not in SORTS:
        errors["sort"] = _("kies 'relevance' of 'newest'")
        sort = "relevance"
    page = _integer(query_dict.get("page"), "page", 1, MAX_PAGE, errors, 1)
    # A page size above the maximum is capped rather than refused.
    page_size = min(
        _integer(query_dict.get("page_size"), "page_size", 1, 10**6, errors, DEFAULT_PAGE_SIZE), settings.SEARCH_PAGE_SIZE_MAX
    )
    if errors:
        raise InvalidSearchParams(errors)
    return SearchParams(q=q, sort=sort, page=page, page_size=page_size, **values)

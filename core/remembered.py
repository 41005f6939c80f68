"""Search field values computed once per object while a chunk of objects is being indexed.

Every search backend reads every search field of an object (modelsearch's PostgreSQL index even reads
them five times over), and some values are costly: the text of a rich body, its compound parts. Inside
`remembered_values()` each value is computed once per object and reused; outside it every read computes
the value afresh, since objects change between saves.
"""

import contextlib
import contextvars
from typing import Any

from modelsearch import index

_values: contextvars.ContextVar[dict[tuple[int, str], Any] | None] = contextvars.ContextVar(
    "remembered_search_values", default=None
)


@contextlib.contextmanager
def remembered_values():
    """Remember the values read in this block. The objects must outlive it (they are told apart by id)."""
    token = _values.set({})
    try:
        yield
    finally:
        _values.reset(token)


def remembered(obj, name, compute):
    """compute(), or what it gave for this object and name earlier in the same remembered_values() block."""
    values = _values.get()
    if values is None:
        return compute()
    key = (id(obj), name)
    if key not in values:
        values[key] = compute()
    return values[key]


class RememberedSearchField(index.SearchField):
    """A SearchField whose value is computed once per object and indexing block, whatever reads it."""

    def get_value(self, obj):
        return remembered(obj, self.field_name, lambda: super(RememberedSearchField, self).get_value(obj))

"""Translated texts in the API's description, for the type checker.

The document is written per request in the visitor's language, so its texts stay lazy translations until
drf-spectacular renders them; the type stubs of its decorators expect plain strings.
"""

from typing import cast

from django.utils.functional import Promise

StrOrPromise = str | Promise


def lazy_tags(*names: StrOrPromise) -> list[str]:
    """Operation tags for extend_schema, translated when the document is written."""
    return cast(list[str], list(names))

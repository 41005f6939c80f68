"""Highlighted snippets for the database backend (the engines highlight for themselves)."""

import re

from django.utils.html import escape, strip_tags

from search.dutch import fold, stem

WORD = re.compile(r"\w+", re.UNICODE)
WINDOW_WORDS = 30


def _stems(words):
    return {stem(fold(word)) for word in words}


def highlight(texts, query_words):
    """A snippet of about WINDOW_WORDS words around the first match, matches in <mark>; '' without a match."""
    wanted = _stems(query_words)
    if not wanted:
        return ""
    for text in texts:
        plain = " ".join(strip_tags(text or "").split())
        tokens = list(WORD.finditer(plain))
        hits = [index for index, token in enumerate(tokens) if stem(fold(token.group())) in wanted]
        if not hits:
            continue
        first = max(hits[0] - WINDOW_WORDS // 3, 0)
        last = min(first + WINDOW_WORDS, len(tokens)) - 1
        start, end = tokens[first].start(), tokens[last].end()
        pieces: list[str] = []
        cursor = start
        for index in range(first, last + 1):
            token = tokens[index]
            if index in hits:
                pieces.append(escape(plain[cursor : token.start()]))
                pieces.append(f"<mark>{escape(token.group())}</mark>")
                cursor = token.end()
        pieces.append(escape(plain[cursor:end]))
        prefix = "… " if start > 0 else ""
        suffix = " …" if WORD.search(plain, end) else ""
        return prefix + "".join(pieces) + suffix
    return ""

"""The word lists of Dutch search analysis, read from the text files in this folder."""

from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def _read_lines(name):
    text = (FOLDER / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache
def compound_parts():
    return tuple(dict.fromkeys(word.lower() for word in _read_lines("compounds.txt")))


@lru_cache
def synonym_groups():
    groups = []
    for line in _read_lines("synonyms.txt"):
        words = [word.strip().lower() for word in line.split(",") if word.strip()]
        if len(words) > 1:
            groups.append(tuple(words))
    return tuple(groups)

"""The synonym groups and glossary a new site starts with (a migration loads them; editors manage them after)."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def _read_lines(name):
    text = (FOLDER / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def seed_synonym_groups():
    return _read_lines("synonyms.txt")


def seed_glossary():
    """(english, 'dutch, words') of each line."""
    return [tuple(part.strip() for part in line.split("=", 1)) for line in _read_lines("glossary.txt")]

"""The current Dutch municipalities as data: CBS code, name and province (knowledge/data/gemeenten-2025.csv)."""

import csv
import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from knowledge.provinces import Province

LIST_FILE = Path(__file__).parent / "data" / "gemeenten-2025.csv"
LIST_DATE = datetime.date(2025, 1, 1)


@dataclass(frozen=True)
class Municipality:
    cbs_code: str
    name: str
    province: Province


@cache
def current_municipalities():
    """Every municipality on LIST_DATE, by name."""
    with LIST_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        found = [Municipality(row["cbs_code"], row["name"], Province(row["province"])) for row in rows]
    return sorted(found, key=lambda municipality: sort_key(municipality.name))


def sort_key(name):
    """'s-Gravenhage and 's-Hertogenbosch sort under G and H, as in CBS's own lists."""
    return name.removeprefix("'s-").casefold()


def by_code(cbs_code):
    return next((municipality for municipality in current_municipalities() if municipality.cbs_code == cbs_code), None)

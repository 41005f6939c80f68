"""Where a case lies on the map: its own location, else its municipality's centre, else its province's."""

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from django.utils.text import slugify

from knowledge.provinces import Province

CENTRES_FILE = Path(__file__).resolve().parent / "data" / "municipality_centres.csv"
# Names people use for a municipality whose official name differs.
NAME_ALIASES = {"den-haag": "s-gravenhage", "den-bosch": "s-hertogenbosch", "nuenen": "nuenen-gerwen-en-nederwetten"}
# The rough middle of each province, for a municipality the table does not know (a merger after the table's date).
PROVINCE_CENTRES = {
    Province.GRONINGEN: (53.22, 6.74),
    Province.FRYSLAN: (53.11, 5.85),
    Province.DRENTHE: (52.86, 6.62),
    Province.OVERIJSSEL: (52.44, 6.45),
    Province.FLEVOLAND: (52.53, 5.60),
    Province.GELDERLAND: (52.06, 5.95),
    Province.UTRECHT: (52.08, 5.18),
    Province.NOORD_HOLLAND: (52.52, 4.85),
    Province.ZUID_HOLLAND: (51.99, 4.50),
    Province.ZEELAND: (51.45, 3.85),
    Province.NOORD_BRABANT: (51.56, 5.20),
    Province.LIMBURG: (51.21, 5.93),
}


class Precision:
    CASE = "case"  # the case's own location
    MUNICIPALITY = "municipality"  # the centre of its municipality
    PROVINCE = "province"  # the middle of its province


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    precision: str


def name_key(name):
    key = slugify(name or "")
    return NAME_ALIASES.get(key, key)


@functools.cache
def municipality_centres():
    """{CBS code or name key: (latitude, longitude)} from the table in knowledge/data/."""
    with CENTRES_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        centres = {}
        for row in rows:
            point = (float(row["latitude"]), float(row["longitude"]))
            centres[row["cbs_code"]] = point
            centres[name_key(row["name"])] = point
        return centres


@functools.cache
def named_centres():
    """[(name, latitude, longitude)] of every municipality in the table, by name: what the location picker offers."""
    with CENTRES_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return sorted((row["name"], float(row["latitude"]), float(row["longitude"])) for row in rows)


def municipality_point(municipality):
    """The centre of a MunicipalityPage by its CBS code, else by its name, else its province's middle; or None."""
    centres = municipality_centres()
    found = centres.get(municipality.cbs_code) or centres.get(name_key(municipality.title))
    if found:
        return Point(*found, Precision.MUNICIPALITY)
    if municipality.province in PROVINCE_CENTRES:
        return Point(*PROVINCE_CENTRES[municipality.province], Precision.PROVINCE)
    return None


def case_point(case):
    """Where a case is shown on a map, or None for a case without a location or a municipality."""
    if case.latitude is not None and case.longitude is not None:
        return Point(float(case.latitude), float(case.longitude), Precision.CASE)
    if case.municipality_id:
        return municipality_point(case.municipality)
    return None

"""The twelve Dutch provinces, with the spellings people use for them."""

from django.db import models
from django.utils.text import slugify


class Province(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRYSLAN = "fryslan", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


ALIASES = {"friesland": Province.FRYSLAN}


def province_from_text(text):
    """The Province for a name or slug as people write it ('Noord Brabant', 'Friesland'), or None."""
    key = slugify(str(text or ""))
    if key in Province.values:
        return Province(key)
    return ALIASES.get(key)

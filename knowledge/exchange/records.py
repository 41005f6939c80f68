"""The JSON exchange format of cases (docs/exchange-format.md): validating incoming records."""

import datetime
import re
from dataclasses import dataclass, field

import nh3
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.html import escape
from django.utils.translation import gettext as _

from core.text import single_line, without_control_characters
from knowledge.models.case import CaseStudyPage, Licence
from knowledge.provinces import Province, province_from_text

REQUIRED = ("external_id", "title", "municipality", "summary")
KNOWN_FIELDS = set(REQUIRED) | {
    "province",
    "body",
    "themes",
    "tags",
    "neighbourhoods",
    "year_start",
    "year_end",
    "partners",
    "results",
    "lessons_learned",
    "congress_year",
    "congress_years",
    "contact",
    "published",
    "licence",
    "url",
    "last_reviewed",
    "budget_euros",
    "source_url",
}
ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote"}
HTML_TAG = re.compile(
    r"</?(p|br|div|span|b|strong|i|em|u|ul|ol|li|a|h[1-6]|blockquote|table|tr|td|th|img|script|style|iframe)\b[^>]*>",
    re.IGNORECASE,
)
MIN_YEAR, MAX_YEAR = 1900, 2100
NAME_MAX_LENGTH = 100  # of a theme or a tag, as taggit stores them
SUMMARY_MAX_LENGTH = CaseStudyPage._meta.get_field("summary").max_length
# What every database can store in the budget's column (a larger number made the whole batch fail).
BUDGET_MAX = BaseDatabaseOperations.integer_field_ranges[CaseStudyPage._meta.get_field("budget_euros").get_internal_type()][1]


class RecordError(ValueError):
    """A record that cannot be imported; the message says why, in words for the person importing."""


@dataclass
class ContactRecord:
    name: str = ""
    role: str = ""
    email: str = ""
    public: bool = False


@dataclass
class CaseRecord:
    external_id: str
    title: str
    municipality: str
    summary: str
    province: Province | None = None
    body_html: str = ""
    themes: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    neighbourhoods: list = field(default_factory=list)
    partners: list = field(default_factory=list)
    year_start: int | None = None
    year_end: int | None = None
    results: str = ""
    lessons_learned: str = ""
    congress_years: list = field(default_factory=list)
    contact: ContactRecord = field(default_factory=ContactRecord)
    published: bool = True
    licence: str = Licence.CC_BY
    last_reviewed: datetime.date | None = None
    budget_euros: int | None = None
    source_url: str = ""
    unknown_fields: list = field(default_factory=list)


def sanitise_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def body_to_html(text):
    """Body as safe HTML: HTML is sanitised, plain text becomes paragraphs."""
    if HTML_TAG.search(text):
        return sanitise_html(text)
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    # Through the sanitiser too, so that the stored form is the same however the text arrived.
    return sanitise_html("".join("<p>" + escape(part).replace("\n", "<br>") + "</p>" for part in paragraphs))


def _text(raw, name, required=False, max_length=None, one_line=False):
    value = raw.get(name)
    if value is None:
        if required:
            raise RecordError(_("'%(name)s' ontbreekt") % {"name": name})
        return ""
    if not isinstance(value, str):
        raise RecordError(_("'%(name)s' moet tekst zijn, niet %(type)s") % {"name": name, "type": type(value).__name__})
    value = single_line(value) if one_line else without_control_characters(value).strip()
    if required and not value:
        raise RecordError(_("'%(name)s' is leeg") % {"name": name})
    if max_length and len(value) > max_length:
        raise RecordError(_("'%(name)s' is langer dan %(max)s tekens") % {"name": name, "max": max_length})
    return value


def _text_list(raw, name):
    value = raw.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RecordError(_("'%(name)s' moet een lijst met teksten zijn") % {"name": name})
    items = (single_line(item) for item in value)
    return list(dict.fromkeys(item for item in items if item))


def _name_list(raw, name):
    """The theme or tag names of a record: each with a letter or digit, and short enough to store."""
    names = _text_list(raw, name)
    for item in names:
        if len(item) > NAME_MAX_LENGTH:
            raise RecordError(
                _("'%(name)s': %(item)r... is langer dan %(max)s tekens")
                % {"name": name, "item": item[:40], "max": NAME_MAX_LENGTH}
            )
        if not any(character.isalnum() for character in item):
            raise RecordError(_("'%(name)s': %(item)r bevat geen letters of cijfers") % {"name": name, "item": item})
    return names


def _year(raw, name):
    value = raw.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError(_("'%(name)s' moet een jaartal zijn, niet %(value)r") % {"name": name, "value": value})
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise RecordError(
            _("'%(name)s' %(value)s ligt niet tussen %(min)s en %(max)s")
            % {"name": name, "value": value, "min": MIN_YEAR, "max": MAX_YEAR}
        )
    return value


def _bool(raw, name, default):
    value = raw.get(name, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise RecordError(_("'%(name)s' moet true of false zijn, niet %(value)r") % {"name": name, "value": value})
    return value


def _contact(raw):
    value = raw.get("contact")
    if value is None:
        return ContactRecord()
    if not isinstance(value, dict):
        raise RecordError(_("'contact' moet een object zijn met name, role, email en public"))
    contact = ContactRecord(
        name=_text(value, "name", max_length=120, one_line=True),
        role=_text(value, "role", max_length=120, one_line=True),
        email=_text(value, "email", max_length=254, one_line=True),
        public=_bool(value, "public", False),
    )
    if contact.email:
        try:
            validate_email(contact.email)
        except ValidationError:
            raise RecordError(_("'contact.email' %(email)r is geen geldig e-mailadres") % {"email": contact.email}) from None
    return contact


def _source_url(raw):
    url = _text(raw, "source_url", max_length=500)
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise RecordError(_("'source_url' %(url)r is geen webadres (http:// of https://)") % {"url": url}) from None
    return url


def _congress_years(raw):
    years = []
    if raw.get("congress_year") is not None:
        years.append(_year(raw, "congress_year"))
    listed = raw.get("congress_years")
    if listed is not None:
        if not isinstance(listed, list):
            raise RecordError(_("'congress_years' moet een lijst met jaartallen zijn"))
        years.extend(_year({"congress_years": year}, "congress_years") for year in listed)
    return list(dict.fromkeys(years))


def _date(raw, name):
    value = raw.get(name)
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordError(
            _("'%(name)s' moet een datum zijn als 2024-05-31, niet %(value)r") % {"name": name, "value": value}
        ) from None


def parse_record(raw):
    """A CaseRecord from one JSON object, or RecordError with the reason."""
    if not isinstance(raw, dict):
        raise RecordError(_("een record moet een JSON-object zijn"))
    record = CaseRecord(
        external_id=_text(raw, "external_id", required=True, max_length=120, one_line=True),
        title=_text(raw, "title", required=True, max_length=255, one_line=True),
        municipality=_text(raw, "municipality", required=True, max_length=255, one_line=True),
        summary=_text(raw, "summary", required=True, max_length=SUMMARY_MAX_LENGTH),
    )
    province_text = _text(raw, "province")
    if province_text:
        record.province = province_from_text(province_text)
        if record.province is None:
            raise RecordError(_("onbekende provincie %(province)r") % {"province": province_text})
    record.body_html = body_to_html(_text(raw, "body"))
    record.themes = _name_list(raw, "themes")
    record.tags = _name_list(raw, "tags")
    record.neighbourhoods = _text_list(raw, "neighbourhoods")
    record.partners = _text_list(raw, "partners")
    record.year_start = _year(raw, "year_start")
    record.year_end = _year(raw, "year_end")
    if record.year_start and record.year_end and record.year_end < record.year_start:
        raise RecordError(
            _("'year_end' %(end)s ligt vóór 'year_start' %(start)s") % {"end": record.year_end, "start": record.year_start}
        )
    record.results = _text(raw, "results")
    record.lessons_learned = _text(raw, "lessons_learned")
    record.congress_years = _congress_years(raw)
    record.contact = _contact(raw)
    record.published = _bool(raw, "published", True)
    licence = _text(raw, "licence") or Licence.CC_BY
    if licence not in Licence.values:
        raise RecordError(
            _("onbekende licentie %(licence)r; kies uit %(choices)s") % {"licence": licence, "choices": ", ".join(Licence.values)}
        )
    record.licence = licence
    record.last_reviewed = _date(raw, "last_reviewed")
    budget = raw.get("budget_euros")
    if budget is not None and (isinstance(budget, bool) or not isinstance(budget, int) or budget < 0):
        raise RecordError(_("'budget_euros' moet een bedrag in hele euro's zijn, niet %(value)r") % {"value": budget})
    if budget is not None and budget > BUDGET_MAX:
        raise RecordError(_("'budget_euros' %(value)s is groter dan %(max)s euro") % {"value": budget, "max": BUDGET_MAX})
    record.budget_euros = budget
    record.source_url = _source_url(raw)
    record.unknown_fields = sorted(set(raw) - KNOWN_FIELDS)
    return record


def record_id(raw):
    """The external_id of a raw record for error messages, even when the record is broken."""
    if isinstance(raw, dict) and isinstance(raw.get("external_id"), str) and raw["external_id"].strip():
        return raw["external_id"].strip()
    return None

"""The OpenAPI 3 description of the public API, as a dict; /api/schema/ and /api/docs/ both show it.

It describes what search/views.py, the exports and Wagtail's pages API return; tests/api/test_opendata.py
checks the real answers against it. Texts are Dutch, through gettext, like the rest of the interface.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import get_page_models

from knowledge.models.case import Licence
from api.pages_api import MAX_OFFSET, common_fields
from search.params import DEFAULT_PAGE_SIZE, MAX_FILTER_VALUE_LENGTH, MAX_PAGE, MAX_QUERY_LENGTH, MAX_VALUES_PER_FILTER, SORTS

OPENAPI_VERSION = "3.0.3"
API_VERSION = "1.0.0"
YEAR_RANGE = {"minimum": 1000, "maximum": 2999}
YEAR_VALUE_PATTERN = r"^([12][0-9]{3}|[12][0-9]{3}-|-[12][0-9]{3}|[12][0-9]{3}-[12][0-9]{3})$"
# Page types with fields of their own in the pages API, and the schema of those fields.
TYPED_PAGES = {
    "knowledge.CaseStudyPage": "CaseStudyPage",
    "knowledge.MunicipalityPage": "MunicipalityPage",
    "knowledge.CongressEditionPage": "CongressEditionPage",
}


def ref(kind, name):
    return {"$ref": f"#/components/{kind}/{name}"}


def nullable(schema):
    return {**schema, "nullable": True}


def text_list(description=""):
    schema = {"type": "array", "items": {"type": "string"}}
    return {**schema, "description": description} if description else schema


def json_content(schema, example=None):
    media = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"application/json": media}


def filter_parameter(name, description, item_schema, example):
    return {
        "name": name,
        "in": "query",
        "description": description,
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": item_schema, "maxItems": MAX_VALUES_PER_FILTER},
        "example": example,
    }


def search_parameters():
    text_value = {"type": "string", "maxLength": MAX_FILTER_VALUE_LENGTH}
    return {
        "q": {
            "name": "q", "in": "query",
            "description": _("Zoekwoorden. Woorden tussen \"aanhalingstekens\" moeten precies zo naast elkaar staan."),
            "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
            "example": "wijkambtenaar",
        },
        "theme": filter_parameter(
            "theme", _("Thema (slug). Herhaal de parameter voor meer thema's: een praktijkvoorbeeld met één ervan telt mee."),
            text_value, ["veiligheid"],
        ),
        "municipality": filter_parameter(
            "municipality", _("Gemeente, als slug of naam. Herhaalbaar."), text_value, ["tilburg"],
        ),
        "province": filter_parameter(
            "province", _("Provincie, als slug of naam (bijvoorbeeld ‘Noord-Brabant’). Herhaalbaar."), text_value, ["noord-brabant"],
        ),
        "year": filter_parameter(
            "year",
            _("Startjaar van de aanpak: een jaar (2015) of een periode (2010-2014; -2009 is tot en met 2009, 2020- is "
              "vanaf 2020). Herhaalbaar. Het facet telt de perioden -2009, 2010-2014, 2015-2019 en 2020-."),
            {"type": "string", "pattern": YEAR_VALUE_PATTERN}, ["2010-2014"],
        ),
        "congress": filter_parameter(
            "congress", _("Jaar van het congres waar het praktijkvoorbeeld werd gepresenteerd. Herhaalbaar."),
            {"type": "integer", **YEAR_RANGE}, [2014],
        ),
        "sort": {
            "name": "sort", "in": "query",
            "description": _("Volgorde: ‘relevance’ (best passend eerst; zonder zoekwoorden de nieuwste eerst) of ‘newest’."),
            "schema": {"type": "string", "enum": list(SORTS), "default": "relevance"},
        },
        "format": {
            "name": "format", "in": "query",
            "description": _("‘geojson’: alle gevonden praktijkvoorbeelden (niet één pagina) als GeoJSON FeatureCollection "
                             "voor een kaart, met dezelfde zoekvraag en filters; page en page_size doen dan niet mee."),
            "schema": {"type": "string", "enum": ["json", "geojson"], "default": "json"},
        },
        "page": {
            "name": "page", "in": "query", "description": _("Paginanummer, vanaf 1."),
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
        },
        "page_size": {
            "name": "page_size", "in": "query",
            "description": _("Resultaten per pagina. Een groter getal dan %(max)s wordt %(max)s.") % {"max": settings.SEARCH_PAGE_SIZE_MAX},
            "schema": {"type": "integer", "minimum": 1, "maximum": 10**6, "default": DEFAULT_PAGE_SIZE},
        },
    }


FILTER_PARAMETER_NAMES = ("q", "theme", "municipality", "province", "year", "congress", "sort")


def page_type_names():
    return sorted(model._meta.label for model in get_page_models())


def pages_parameters():
    return {
        "type": {
            "name": "type", "in": "query",
            "description": _("Alleen pagina's van dit type; dan kunnen ook de eigen velden van dat type in ‘fields’ en als filter."),
            "schema": {"type": "string", "enum": page_type_names()},
            "example": "knowledge.CaseStudyPage",
        },
        "fields": {
            "name": "fields", "in": "query",
            "description": _("Velden in het antwoord, met komma's gescheiden; ‘*’ geeft alle velden, ‘-veld’ laat een veld weg."),
            "style": "form",
            "explode": False,
            "schema": {"type": "array", "items": {"type": "string", "enum": ["*", *common_fields()]}},
            "example": ["*"],
        },
        "limit": {
            "name": "limit", "in": "query", "description": _("Aantal pagina's in het antwoord."),
            "schema": {"type": "integer", "minimum": 0, "maximum": 20, "default": 20},
        },
        "offset": {
            "name": "offset", "in": "query", "description": _("Aantal pagina's om over te slaan."),
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
        },
        "order": {
            "name": "order", "in": "query",
            "description": _("Sorteren op een veld, bijvoorbeeld ‘title’ of ‘-first_published_at’; ‘random’ voor willekeurig."),
            "schema": {"type": "string"},
            "example": "title",
        },
        "child_of": {
            "name": "child_of", "in": "query", "description": _("Alleen de directe onderliggende pagina's van deze pagina (id)."),
            "schema": {"type": "integer", "minimum": 1},
        },
        "descendant_of": {
            "name": "descendant_of", "in": "query", "description": _("Alleen pagina's onder deze pagina (id)."),
            "schema": {"type": "integer", "minimum": 1},
        },
        "page_id": {
            "name": "id", "in": "path", "required": True, "description": _("Het id van de pagina."),
            "schema": {"type": "integer", "minimum": 1},
            "example": 11,
        },
    }


def error_schemas():
    return {
        "Error": {
            "type": "object",
            "required": ["error", "details"],
            "properties": {
                "error": {"type": "string"},
                "details": {
                    "type": "object",
                    "description": _("Per parameter wat eraan schort."),
                    "additionalProperties": {"type": "string"},
                },
            },
        },
        "RateLimited": {
            "type": "object",
            "required": ["error", "retry_after"],
            "properties": {"error": {"type": "string"}, "retry_after": {"type": "integer", "minimum": 1}},
        },
        "PagesError": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}},
    }


def search_schemas():
    return {
        "SearchResult": {
            "type": "object",
            "required": ["external_id", "title", "url", "municipality", "province", "themes", "year_start", "year_end",
                         "summary", "highlight"],
            "properties": {
                "external_id": {"type": "string"},
                "title": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
                "municipality": {"type": "string"},
                "province": {"type": "string"},
                "themes": text_list(_("Namen van de thema's.")),
                "year_start": nullable({"type": "integer"}),
                "year_end": nullable({"type": "integer", "description": _("Leeg zolang de aanpak loopt.")}),
                "summary": {"type": "string"},
                "highlight": {"type": "string", "description": _("Tekstfragment met de gevonden woorden in <mark>; HTML.")},
            },
        },
        "CaseFeature": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"type": "string", "enum": ["Feature"]},
                "geometry": {
                    "type": "object",
                    "required": ["type", "coordinates"],
                    "properties": {
                        "type": {"type": "string", "enum": ["Point"]},
                        "coordinates": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2,
                                        "description": _("Lengtegraad en breedtegraad (WGS84).")},
                    },
                },
                "properties": {
                    "allOf": [ref("schemas", "SearchResult"), {
                        "type": "object",
                        "required": ["location"],
                        "properties": {"location": {
                            "type": "string", "enum": ["case", "municipality", "province"],
                            "description": _("Waar het punt vandaan komt: de eigen locatie van het praktijkvoorbeeld, "
                                             "anders het centrum van de gemeente (of het midden van de provincie)."),
                        }},
                    }],
                },
            },
        },
        "CaseFeatureCollection": {
            "type": "object",
            "required": ["type", "count", "backend", "features"],
            "properties": {
                "type": {"type": "string", "enum": ["FeatureCollection"]},
                "count": {"type": "integer", "minimum": 0},
                "backend": {"type": "string", "enum": ["opensearch", "elasticsearch", "database", "database-fallback"]},
                "features": {"type": "array", "items": ref("schemas", "CaseFeature")},
            },
        },
        "FacetValue": {
            "type": "object",
            "required": ["value", "label", "count"],
            "properties": {
                "value": {"type": "string", "description": _("Waarde voor de gelijknamige parameter.")},
                "label": {"type": "string"},
                "count": {"type": "integer", "minimum": 0},
            },
        },
        "SearchResponse": {
            "type": "object",
            "required": ["query", "count", "page", "page_size", "backend", "results", "facets", "suggestion"],
            "properties": {
                "query": {"type": "string"},
                "count": {"type": "integer", "minimum": 0, "description": _("Alle gevonden praktijkvoorbeelden, niet alleen deze pagina.")},
                "page": {"type": "integer", "minimum": 1},
                "page_size": {"type": "integer", "minimum": 1},
                "backend": {
                    "type": "string",
                    "enum": ["opensearch", "elasticsearch", "database", "database-fallback"],
                    "description": _("Wie antwoordde; ‘database-fallback’ terwijl de zoekmachine onbereikbaar is."),
                },
                "results": {"type": "array", "items": ref("schemas", "SearchResult")},
                "facets": {
                    "type": "object",
                    "required": ["theme", "municipality", "province", "year", "congress"],
                    "properties": {
                        name: {"type": "array", "items": ref("schemas", "FacetValue")}
                        for name in ("theme", "municipality", "province", "year", "congress")
                    },
                },
                "suggestion": {"type": "string", "description": _("Een andere spelling om te proberen als niets gevonden werd.")},
                "some_words_only": {
                    "type": "boolean",
                    "description": _("Waar als geen praktijkvoorbeeld alle zoekwoorden bevat: de resultaten bevatten er enkele."),
                },
                "related_count": {
                    "type": "integer", "minimum": 0,
                    "description": _("Zoveel resultaten aan het eind van de eerste pagina bevatten de zoekwoorden niet, maar lijken op de beste resultaten; ze tellen niet mee in count."),
                },
                "searched_for": {
                    "type": "array",
                    "description": _("Engelse termen en de Nederlandse woorden waarop in plaats daarvan gezocht is."),
                    "items": {
                        "type": "object",
                        "required": ["term", "dutch"],
                        "properties": {"term": {"type": "string"}, "dutch": {"type": "array", "items": {"type": "string"}}},
                    },
                },
            },
        },
        "AutocompleteResponse": {
            "type": "object",
            "required": ["query", "suggestions"],
            "properties": {
                "query": {"type": "string"},
                "suggestions": {
                    "type": "array",
                    "maxItems": 8,
                    "items": {
                        "type": "object",
                        "required": ["type", "label", "value", "url"],
                        "properties": {
                            "type": {"type": "string", "enum": ["theme", "municipality", "case"]},
                            "label": {"type": "string"},
                            "value": {"type": "string"},
                            "url": nullable({"type": "string"}),
                        },
                    },
                },
            },
        },
    }


def export_schemas():
    return {
        "CaseRecord": {
            "type": "object",
            "description": _("Een praktijkvoorbeeld in het uitwisselformaat dat `manage.py import_cases` inleest."),
            "required": ["external_id", "title", "municipality", "province", "summary", "body", "themes", "tags",
                         "neighbourhoods", "year_start", "year_end", "partners", "results", "lessons_learned",
                         "congress_year", "published", "licence", "last_reviewed", "budget_euros", "source_url", "url"],
            "properties": {
                "external_id": {"type": "string", "description": _("Vaste sleutel; opnieuw importeren werkt bij.")},
                "title": {"type": "string"},
                "municipality": {"type": "string"},
                "province": {"type": "string"},
                "summary": {"type": "string"},
                "body": {"type": "string", "description": _("Beschrijving als HTML.")},
                "themes": text_list(),
                "tags": text_list(),
                "neighbourhoods": text_list(),
                "year_start": nullable({"type": "integer"}),
                "year_end": nullable({"type": "integer"}),
                "partners": text_list(),
                "results": {"type": "string"},
                "lessons_learned": {"type": "string"},
                "congress_year": nullable({"type": "integer"}),
                "congress_years": {
                    "type": "array", "items": {"type": "integer"},
                    "description": _("Alleen als het op meer dan één congres werd gepresenteerd."),
                },
                "contact": {
                    "type": "object",
                    "description": _("Alleen als de contactpersoon toestemming gaf om getoond te worden."),
                    "required": ["name", "role", "email", "public"],
                    "properties": {
                        "name": {"type": "string"}, "role": {"type": "string"},
                        "email": {"type": "string"}, "public": {"type": "boolean", "enum": [True]},
                    },
                },
                "published": {"type": "boolean"},
                "licence": {"type": "string", "enum": list(Licence.values)},
                "last_reviewed": nullable({"type": "string", "format": "date"}),
                "budget_euros": nullable({"type": "integer", "minimum": 0}),
                "source_url": {"type": "string", "description": _("Waar de aanpak oorspronkelijk beschreven is; leeg als onbekend.")},
                "url": {"type": "string", "format": "uri", "description": _("De bron: de pagina op Wijkwijs.")},
            },
        },
        "CaseExport": {
            "type": "object",
            "required": ["cases"],
            "properties": {"cases": {"type": "array", "items": ref("schemas", "CaseRecord")}},
        },
    }


def page_meta_schema():
    return {
        "type": "object",
        "required": ["type", "detail_url"],
        "properties": {
            "type": {"type": "string", "description": _("Paginatype, zoals knowledge.CaseStudyPage.")},
            "detail_url": {"type": "string", "format": "uri"},
            "html_url": nullable({"type": "string", "format": "uri"}),
            "slug": {"type": "string"},
            "show_in_menus": {"type": "boolean"},
            "seo_title": {"type": "string"},
            "search_description": {"type": "string"},
            "first_published_at": nullable({"type": "string", "format": "date-time"}),
            "alias_of": nullable({"type": "object"}),
            "locale": {"type": "string"},
            "parent": nullable({"type": "object", "description": _("De bovenliggende pagina (alleen bij één pagina).")}),
        },
    }


def typed_page(page_type, properties, description):
    return {
        "type": "object",
        "description": description,
        "required": ["id", "meta"],
        "properties": {
            "id": {"type": "integer"},
            "meta": {
                "allOf": [ref("schemas", "PageMeta")],
                "properties": {"type": {"type": "string", "enum": [page_type]}},
            },
            "title": {"type": "string"},
            **properties,
        },
    }


def pages_schemas():
    case_fields = {
        "external_id": {"type": "string"},
        "summary": {"type": "string"},
        "body": {
            "type": "array",
            "description": _("De beschrijving als blokken (paragraph, heading, quote, ...)."),
            "items": {"type": "object", "required": ["type", "value"], "properties": {"type": {"type": "string"}, "id": {"type": "string"}}},
        },
        "municipality_name": {"type": "string"},
        "province_label": {"type": "string"},
        "theme_list": {
            "type": "array",
            "items": {"type": "object", "required": ["name", "slug"], "properties": {"name": {"type": "string"}, "slug": {"type": "string"}}},
        },
        "tag_list": text_list(),
        "neighbourhood_list": text_list(),
        "partner_list": text_list(),
        "year_start": nullable({"type": "integer"}),
        "year_end": nullable({"type": "integer"}),
        "results": {"type": "string"},
        "lessons_learned": {"type": "string"},
        "congress_years": {"type": "array", "items": {"type": "integer"}},
        "public_contact": nullable({
            "type": "object",
            "description": _("Alleen als de contactpersoon toestemming gaf om getoond te worden."),
            "properties": {"name": {"type": "string"}, "role": {"type": "string"}, "email": {"type": "string"}},
        }),
        "last_reviewed": nullable({"type": "string", "format": "date"}),
        "licence": {"type": "string", "enum": list(Licence.values)},
        "licence_url": {"type": "string", "description": _("Leeg bij ‘alle rechten voorbehouden’.")},
        "source_url": {"type": "string", "description": _("Waar de aanpak oorspronkelijk beschreven is; leeg als onbekend.")},
    }
    municipality_fields = {
        "province": {"type": "string"},
        "province_label": {"type": "string"},
        "cbs_code": {"type": "string"},
        "website": {"type": "string"},
        "intro": {"type": "string", "description": _("HTML.")},
    }
    congress_fields = {
        "year": {"type": "integer"},
        "city": {"type": "string"},
        "start_date": nullable({"type": "string", "format": "date"}),
        "end_date": nullable({"type": "string", "format": "date"}),
        "theme": {"type": "string"},
        "intro": {"type": "string", "description": _("HTML.")},
        "sessions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "title": {"type": "string"}, "speakers": {"type": "string"},
                    "perspective": {"type": "string"}, "description": {"type": "string"},
                },
            },
        },
    }
    return {
        "PageMeta": page_meta_schema(),
        "CaseStudyPage": typed_page("knowledge.CaseStudyPage", case_fields, _("Een praktijkvoorbeeld.")),
        "MunicipalityPage": typed_page("knowledge.MunicipalityPage", municipality_fields, _("Een gemeente.")),
        "CongressEditionPage": typed_page("knowledge.CongressEditionPage", congress_fields, _("Een editie van het congres.")),
        "OtherPage": {
            "type": "object",
            "description": _("Een pagina van een ander type, met id, meta en titel."),
            "required": ["id", "meta"],
            "properties": {
                "id": {"type": "integer"},
                "meta": {
                    "allOf": [ref("schemas", "PageMeta")],
                    "properties": {"type": {"type": "string", "not": {"enum": list(TYPED_PAGES)}}},
                },
                "title": {"type": "string"},
            },
        },
        "Page": {"oneOf": [ref("schemas", name) for name in (*TYPED_PAGES.values(), "OtherPage")]},
        "PageListing": {
            "type": "object",
            "required": ["meta", "items"],
            "properties": {
                "meta": {"type": "object", "required": ["total_count"], "properties": {"total_count": {"type": "integer", "minimum": 0}}},
                "items": {"type": "array", "items": ref("schemas", "Page")},
            },
        },
    }


def responses():
    return {
        "BadRequest": {
            "description": _("Ongeldige parameters; ‘details’ zegt per parameter wat er mis is."),
            "content": json_content(ref("schemas", "Error"), {
                "error": _("Ongeldige zoekparameters"), "details": {"year": _("moet een jaartal zijn, niet 'vorig jaar'")},
            }),
        },
        "PagesBadRequest": {
            "description": _("Ongeldige parameters."),
            "content": json_content(ref("schemas", "PagesError"), {"message": "limit cannot be higher than 20"}),
        },
        "TooManyRequests": {
            "description": _("Te veel verzoeken van dit adres; probeer het na ‘Retry-After’ seconden opnieuw."),
            "headers": {"Retry-After": {"description": _("Seconden tot een nieuw verzoek kan."), "schema": {"type": "integer"}}},
            "content": json_content(ref("schemas", "RateLimited"), {
                "error": _("Te veel verzoeken. Probeer het over een minuut opnieuw."), "retry_after": 42,
            }),
        },
    }


def example_result():
    return {
        "external_id": "ex-tilburg-wijkgericht",
        "title": "Tilburg: de stad van wijkgericht werken",
        "url": "https://wijkwijs.nl/praktijkvoorbeelden/tilburg/tilburg-de-stad-van-wijkgericht-werken/",
        "municipality": "Tilburg",
        "province": "Noord-Brabant",
        "themes": ["Rol van de wijkambtenaar"],
        "year_start": 2010,
        "year_end": None,
        "summary": "Hoe Tilburg wijkgericht werken tot vaste werkwijze van de hele gemeente maakte.",
        "highlight": "… de <mark>wijkambtenaar</mark> als vast aanspreekpunt …",
    }


def example_record():
    return {
        "external_id": "ex-tilburg-wijkgericht",
        "title": "Tilburg: de stad van wijkgericht werken",
        "municipality": "Tilburg",
        "province": "Noord-Brabant",
        "summary": "Hoe Tilburg wijkgericht werken tot vaste werkwijze van de hele gemeente maakte.",
        "body": "<p>Tilburg werkt al jaren vanuit de wijken.</p>",
        "themes": ["Rol van de wijkambtenaar"],
        "tags": ["wijkregie"],
        "neighbourhoods": ["Reeshof"],
        "year_start": 2010,
        "year_end": None,
        "partners": [],
        "results": "Wijkgericht werken is ingebed in de gemeentelijke organisatie.",
        "lessons_learned": "Kennis delen met andere gemeenten verdiept de eigen aanpak.",
        "congress_year": 2015,
        "published": True,
        "licence": "CC-BY-4.0",
        "last_reviewed": None,
        "budget_euros": None,
        "url": "https://wijkwijs.nl/praktijkvoorbeelden/tilburg/tilburg-de-stad-van-wijkgericht-werken/",
    }


def example_case_page():
    return {
        "id": 11,
        "meta": {
            "type": "knowledge.CaseStudyPage",
            "detail_url": "https://wijkwijs.nl/api/v2/pages/11/",
            "html_url": "https://wijkwijs.nl/praktijkvoorbeelden/tilburg/tilburg-de-stad-van-wijkgericht-werken/",
            "slug": "tilburg-de-stad-van-wijkgericht-werken",
            "first_published_at": "2015-11-20T10:00:00+01:00",
        },
        "title": "Tilburg: de stad van wijkgericht werken",
        "external_id": "ex-tilburg-wijkgericht",
        "summary": "Hoe Tilburg wijkgericht werken tot vaste werkwijze van de hele gemeente maakte.",
        "municipality_name": "Tilburg",
        "province_label": "Noord-Brabant",
        "theme_list": [{"name": "Rol van de wijkambtenaar", "slug": "rol-van-de-wijkambtenaar"}],
        "year_start": 2010,
        "year_end": None,
        "congress_years": [2015],
        "public_contact": None,
        "licence": "CC-BY-4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/deed.nl",
    }


def geojson_content():
    return {"application/geo+json": {
        "schema": ref("schemas", "CaseFeatureCollection"),
        "example": {"type": "FeatureCollection", "count": 1, "backend": "opensearch", "features": [{
            "type": "Feature", "geometry": {"type": "Point", "coordinates": [5.091, 51.56]},
            "properties": {**example_result(), "highlight": "", "location": "municipality"},
        }]},
    }}


def export_operation(operation_id, summary, media_type, schema, example, extension):
    return {
        "get": {
            "operationId": operation_id,
            "tags": [_("Exporteren")],
            "summary": summary,
            "description": _(
                "Alle gevonden praktijkvoorbeelden in één bestand, met dezelfde parameters als /api/search/ "
                "(page en page_size doen hier niet mee). Het aantal is de ‘count’ van /api/search/. "
                "Elk praktijkvoorbeeld heeft zijn licentie en de bron-URL."
            ),
            "parameters": [ref("parameters", name) for name in FILTER_PARAMETER_NAMES],
            "responses": {
                "200": {
                    "description": _("Het bestand, als bijlage."),
                    "headers": {
                        "Content-Disposition": {
                            "description": _("Bestandsnaam met de datum."),
                            "schema": {"type": "string", "example": f'attachment; filename="wijkwijs-praktijkvoorbeelden-2026-11-29.{extension}"'},
                        },
                        "X-Total-Count": {"description": _("Aantal praktijkvoorbeelden in het bestand."), "schema": {"type": "integer"}},
                        "X-Search-Backend": {
                            "description": _("Wie de zoekvraag beantwoordde, zoals ‘backend’ van /api/search/."),
                            "schema": {"type": "string", "enum": ["opensearch", "elasticsearch", "database", "database-fallback"]},
                        },
                    },
                    "content": {media_type: {"schema": schema, "example": example}},
                },
                "400": ref("responses", "BadRequest"),
                "429": ref("responses", "TooManyRequests"),
            },
        }
    }


def paths():
    page_not_found = {
        "description": _("Geen live, openbare pagina met dit id."),
        "content": {
            **json_content(ref("schemas", "PagesError"), {"message": "No Page matches the given query."}),
            "text/html": {"schema": {"type": "string"}},
        },
    }
    csv_example = (
        "external_id,title,municipality,province,themes,year_start,year_end,summary,url,licence,licence_url,...\r\n"
        "ex-tilburg-wijkgericht,Tilburg: de stad van wijkgericht werken,Tilburg,Noord-Brabant,Rol van de wijkambtenaar,"
        "2010,,Hoe Tilburg ...,https://wijkwijs.nl/praktijkvoorbeelden/tilburg/...,CC-BY-4.0,"
        "https://creativecommons.org/licenses/by/4.0/deed.nl,...\r\n"
    )
    return {
        "/api/search/": {
            "get": {
                "operationId": "search",
                "tags": [_("Zoeken")],
                "summary": _("Praktijkvoorbeelden zoeken en filteren"),
                "description": _(
                    "Filters werken samen (EN) tussen verschillende parameters en als OF binnen één parameter. "
                    "Antwoordt uit de database als de zoekmachine onbereikbaar is."
                ),
                "parameters": [ref("parameters", name) for name in search_parameters()],
                "responses": {
                    "200": {
                        "description": _("Eén pagina resultaten met filters (facetten) en hun aantallen; met "
                                         "format=geojson alle gevonden praktijkvoorbeelden als punten."),
                        "content": {**geojson_content(), **json_content(ref("schemas", "SearchResponse"), {
                            "query": "wijkambtenaar", "count": 1, "page": 1, "page_size": 10, "backend": "opensearch",
                            "results": [example_result()],
                            "facets": {
                                "theme": [{"value": "rol-van-de-wijkambtenaar", "label": "Rol van de wijkambtenaar", "count": 1}],
                                "municipality": [{"value": "tilburg", "label": "Tilburg", "count": 1}],
                                "province": [{"value": "noord-brabant", "label": "Noord-Brabant", "count": 1}],
                                "year": [{"value": "2010-2014", "label": "2010–2014", "count": 1}],
                                "congress": [{"value": "2015", "label": "2015 Tilburg", "count": 1}],
                            },
                            "suggestion": "",
                            "some_words_only": False,
                            "related_count": 0,
                            "searched_for": [],
                        })},
                    },
                    "400": ref("responses", "BadRequest"),
                    "429": ref("responses", "TooManyRequests"),
                },
            }
        },
        "/api/autocomplete/": {
            "get": {
                "operationId": "autocomplete",
                "tags": [_("Zoeken")],
                "summary": _("Suggesties tijdens het typen"),
                "description": _("Thema's, gemeenten en titels van praktijkvoorbeelden; pas vanaf twee tekens."),
                "parameters": [{
                    "name": "q", "in": "query", "description": _("Wat er tot nu toe getypt is (de eerste 100 tekens tellen)."),
                    "schema": {"type": "string"}, "example": "vei",
                }],
                "responses": {
                    "200": {
                        "description": _("Hoogstens acht suggesties."),
                        "content": json_content(ref("schemas", "AutocompleteResponse"), {
                            "query": "vei",
                            "suggestions": [{"type": "theme", "label": "Veiligheid", "value": "veiligheid", "url": "/zoeken/?theme=veiligheid"}],
                        }),
                    },
                    "429": ref("responses", "TooManyRequests"),
                },
            }
        },
        "/api/export.csv": export_operation(
            "exportCsv", _("Gevonden praktijkvoorbeelden als CSV"), "text/csv",
            {"type": "string", "description": _("UTF-8 met BOM; lijsten gescheiden door ‘; ’.")}, csv_example, "csv",
        ),
        "/api/export.json": export_operation(
            "exportJson", _("Gevonden praktijkvoorbeelden in het uitwisselformaat (JSON)"), "application/json",
            ref("schemas", "CaseExport"), {"cases": [example_record()]}, "json",
        ),
        "/api/v2/pages/": {
            "get": {
                "operationId": "listPages",
                "tags": [_("Pagina's")],
                "summary": _("Gepubliceerde pagina's (Wagtail API v2)"),
                "description": _(
                    "Alleen live, openbare pagina's. Met type=knowledge.CaseStudyPage en fields=* komen alle velden "
                    "van de praktijkvoorbeelden mee, met licentie en bron (meta.html_url). Met type ingesteld kan ook op "
                    "een eigen veld gefilterd worden, bijvoorbeeld year_start=2015. Zoeken: gebruik /api/search/."
                ),
                "parameters": [ref("parameters", name) for name in ("type", "fields", "limit", "offset", "order", "child_of", "descendant_of")],
                "responses": {
                    "200": {
                        "description": _("Een lijst pagina's met het totaal."),
                        "content": json_content(ref("schemas", "PageListing"), {"meta": {"total_count": 1}, "items": [example_case_page()]}),
                    },
                    "400": ref("responses", "PagesBadRequest"),
                    "404": page_not_found,
                    "429": ref("responses", "TooManyRequests"),
                },
            }
        },
        "/api/v2/pages/{id}/": {
            "get": {
                "operationId": "getPage",
                "tags": [_("Pagina's")],
                "summary": _("Eén gepubliceerde pagina met al haar velden"),
                "parameters": [ref("parameters", "page_id"), ref("parameters", "fields")],
                "responses": {
                    "200": {"description": _("De pagina."), "content": json_content(ref("schemas", "Page"), example_case_page())},
                    "400": ref("responses", "PagesBadRequest"),
                    "404": page_not_found,
                    "429": ref("responses", "TooManyRequests"),
                },
            }
        },
    }


def rate_limit_sentence():
    if not settings.API_RATE_LIMIT:
        return ""
    return _("Zonder in te loggen kan een adres %(limit)s verzoeken per minuut doen; daarboven volgt status 429.") % {
        "limit": settings.API_RATE_LIMIT
    }


def openapi_schema():
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": _("Wijkwijs open data"),
            "version": API_VERSION,
            "description": " ".join([
                _(
                    "Praktijkvoorbeelden van wijkgericht werken, om te zoeken, te exporteren en over te nemen op andere "
                    "platforms. Vermeld bij hergebruik de bron (de url van het praktijkvoorbeeld) en volg de licentie "
                    "per praktijkvoorbeeld (standaard CC BY 4.0)."
                ),
                rate_limit_sentence(),
            ]).strip(),
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.nl"},
        },
        "tags": [
            {"name": _("Zoeken")},
            {"name": _("Exporteren")},
            {"name": _("Pagina's")},
        ],
        "paths": paths(),
        "components": {
            "parameters": {**search_parameters(), **pages_parameters()},
            "schemas": {**error_schemas(), **search_schemas(), **export_schemas(), **pages_schemas()},
            "responses": responses(),
        },
    }

"""Example answers for the OpenAPI document: what a script sees, from the demo library's Tilburg case."""


def example_result() -> dict:
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


def example_record() -> dict:
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


def example_case_page() -> dict:
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


CSV_EXAMPLE = (
    "external_id,title,municipality,province,themes,year_start,year_end,summary,url,licence,licence_url,...\r\n"
    "ex-tilburg-wijkgericht,Tilburg: de stad van wijkgericht werken,Tilburg,Noord-Brabant,Rol van de wijkambtenaar,"
    "2010,,Hoe Tilburg ...,https://wijkwijs.nl/praktijkvoorbeelden/tilburg/...,CC-BY-4.0,"
    "https://creativecommons.org/licenses/by/4.0/deed.nl,...\r\n"
)


def example_search_response() -> dict:
    return {
        "query": "wijkambtenaar",
        "count": 1,
        "page": 1,
        "page_size": 10,
        "backend": "opensearch",
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
    }


def example_feature_collection() -> dict:
    return {
        "type": "FeatureCollection",
        "count": 1,
        "backend": "opensearch",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [5.091, 51.56]},
                "properties": {**example_result(), "highlight": "", "location": "municipality"},
            }
        ],
    }

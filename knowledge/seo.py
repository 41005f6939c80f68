"""What search engines and social media read about a case: schema.org JSON-LD and Open Graph."""

import json

from django.utils.html import escape


def case_json_ld(case, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": case.title,
        "description": case.summary,
        "url": case.get_full_url(request),
        "inLanguage": "nl",
        "keywords": [theme.name for theme in case.related("themes")],
        "spatialCoverage": {
            "@type": "AdministrativeArea",
            "name": case.municipality_name,
            "containedInPlace": {"@type": "AdministrativeArea", "name": case.province_label},
        },
        "publisher": {"@type": "Organization", "name": "Wijkwijs"},
        "sourceOrganization": {"@type": "GovernmentOrganization", "name": f"Gemeente {case.municipality_name}"},
    }
    if case.first_published_at:
        data["datePublished"] = case.first_published_at.isoformat()
    if case.last_published_at:
        data["dateModified"] = case.last_published_at.isoformat()
    if case.year_start:
        data["temporalCoverage"] = f"{case.year_start}/{case.year_end or '..'}"
    if case.licence_url:
        data["license"] = case.licence_url
    # Escape '<' so that no text can close the script element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def open_graph(case, request):
    tags = {
        "og:type": "article",
        "og:title": case.title,
        "og:description": case.summary,
        "og:url": case.get_full_url(request),
        "og:site_name": "Wijkwijs",
        "og:locale": "nl_NL",
    }
    if case.hero_image:
        tags["og:image"] = request.build_absolute_uri(case.hero_image.get_rendition("fill-1200x630").url)
    return [(escape(name), escape(value)) for name, value in tags.items()]

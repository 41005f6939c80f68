"""What the API takes and gives, as DRF serializers: drf-spectacular writes the OpenAPI document from them.

The query serializers describe the parameters with the limits search.params enforces (the parsing stays
there, lenient by design: the HTML search page shares it). The response serializers describe the bodies
the views write; component names are the class names without 'Serializer'.
"""

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from api.lazy_text import StrOrPromise
from api.pages_api import MAX_OFFSET
from knowledge.models.case import Licence
from search.params import DEFAULT_PAGE_SIZE, MAX_FILTER_VALUE_LENGTH, MAX_PAGE, MAX_QUERY_LENGTH, MAX_VALUES_PER_FILTER, SORTS

BACKENDS = ("opensearch", "elasticsearch", "database", "database-fallback")
# An empty value is no filter, as an unfilled form field.
YEAR_VALUE_PATTERN = r"^(|[12][0-9]{3}|[12][0-9]{3}-|-[12][0-9]{3}|[12][0-9]{3}-[12][0-9]{3})$"
# Page types with fields of their own in the pages API.
TYPED_PAGES = ("knowledge.CaseStudyPage", "knowledge.MunicipalityPage", "knowledge.CongressEditionPage")


def page_size_help() -> str:
    return gettext("Resultaten per pagina. Een groter getal dan %(max)s wordt %(max)s.") % {"max": settings.SEARCH_PAGE_SIZE_MAX}


def text_values(help_text: StrOrPromise) -> serializers.ListField:
    """A repeatable text filter: at most MAX_VALUES_PER_FILTER values of at most MAX_FILTER_VALUE_LENGTH characters."""
    return serializers.ListField(
        child=serializers.CharField(max_length=MAX_FILTER_VALUE_LENGTH),
        max_length=MAX_VALUES_PER_FILTER,
        required=False,
        help_text=help_text,
    )


def text_list(help_text: StrOrPromise = "") -> serializers.ListField:
    return serializers.ListField(child=serializers.CharField(), help_text=help_text or None)


# Parameters


class FilterQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_QUERY_LENGTH,
        help_text=_('Zoekwoorden. Woorden tussen "aanhalingstekens" moeten precies zo naast elkaar staan.'),
    )
    theme = text_values(_("Thema (slug). Herhaal de parameter voor meer thema's: een praktijkvoorbeeld met één ervan telt mee."))
    municipality = text_values(_("Gemeente, als slug of naam. Herhaalbaar."))
    province = text_values(_("Provincie, als slug of naam (bijvoorbeeld ‘Noord-Brabant’). Herhaalbaar."))
    year = serializers.ListField(
        child=serializers.RegexField(YEAR_VALUE_PATTERN),
        max_length=MAX_VALUES_PER_FILTER,
        required=False,
        help_text=_(
            "Startjaar van de aanpak: een jaar (2015) of een periode (2010-2014; -2009 is tot en met 2009, 2020- is "
            "vanaf 2020). Herhaalbaar. Het facet telt de perioden -2009, 2010-2014, 2015-2019 en 2020-."
        ),
    )
    congress = serializers.ListField(
        child=serializers.IntegerField(min_value=1000, max_value=2999),
        max_length=MAX_VALUES_PER_FILTER,
        required=False,
        help_text=_("Jaar van het congres waar het praktijkvoorbeeld werd gepresenteerd. Herhaalbaar."),
    )
    sort = serializers.ChoiceField(
        choices=SORTS,
        default="relevance",
        allow_blank=True,  # an empty sort is the default, as for a form
        help_text=_("Volgorde: ‘relevance’ (best passend eerst; zonder zoekwoorden de nieuwste eerst) of ‘newest’."),
    )


class SearchQuerySerializer(FilterQuerySerializer):
    format = serializers.ChoiceField(
        choices=("json", "geojson"),
        default="json",
        help_text=_(
            "‘geojson’: alle gevonden praktijkvoorbeelden (niet één pagina) als GeoJSON FeatureCollection "
            "voor een kaart, met dezelfde zoekvraag en filters; page en page_size doen dan niet mee."
        ),
    )
    page = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, default=1, help_text=_("Paginanummer, vanaf 1."))
    page_size = serializers.IntegerField(
        min_value=1, max_value=10**6, default=DEFAULT_PAGE_SIZE, help_text=lazy(page_size_help, str)()
    )


class AutocompleteQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        required=False, allow_blank=True, help_text=_("Wat er tot nu toe getypt is (de eerste 100 tekens tellen).")
    )


# Errors


class ErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    details = serializers.DictField(child=serializers.CharField(), help_text=_("Per parameter wat eraan schort."))


class RateLimitedSerializer(serializers.Serializer):
    error = serializers.CharField()
    retry_after = serializers.IntegerField(min_value=1)


class PagesErrorSerializer(serializers.Serializer):
    message = serializers.CharField()


# Search and autocomplete


class SearchResultSerializer(serializers.Serializer):
    external_id = serializers.CharField()
    title = serializers.CharField()
    url = serializers.URLField()
    municipality = serializers.CharField()
    province = serializers.CharField()
    themes = text_list(_("Namen van de thema's."))
    year_start = serializers.IntegerField(allow_null=True)
    year_end = serializers.IntegerField(allow_null=True, help_text=_("Leeg zolang de aanpak loopt."))
    summary = serializers.CharField()
    highlight = serializers.CharField(help_text=_("Tekstfragment met de gevonden woorden in <mark>; HTML."))


class CaseFeaturePropertiesSerializer(SearchResultSerializer):
    location = serializers.ChoiceField(
        choices=("case", "municipality", "province"),
        help_text=_(
            "Waar het punt vandaan komt: de eigen locatie van het praktijkvoorbeeld, "
            "anders het centrum van de gemeente (of het midden van de provincie)."
        ),
    )


class PointSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=("Point",))
    coordinates = serializers.ListField(
        child=serializers.FloatField(),
        min_length=2,
        max_length=2,
        help_text=_("Lengtegraad en breedtegraad (WGS84)."),
    )


class CaseFeatureSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=("Feature",))
    geometry = PointSerializer()
    properties = CaseFeaturePropertiesSerializer()


class CaseFeatureCollectionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=("FeatureCollection",))
    count = serializers.IntegerField(min_value=0)
    backend = serializers.ChoiceField(choices=BACKENDS)
    features = CaseFeatureSerializer(many=True)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text=_("Waarde voor de gelijknamige parameter."))
    label = serializers.CharField()
    count = serializers.IntegerField(min_value=0)


class FacetsSerializer(serializers.Serializer):
    theme = FacetValueSerializer(many=True)
    municipality = FacetValueSerializer(many=True)
    province = FacetValueSerializer(many=True)
    year = FacetValueSerializer(many=True)
    congress = FacetValueSerializer(many=True)


class SearchedForSerializer(serializers.Serializer):
    term = serializers.CharField()
    dutch = text_list()


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField()
    count = serializers.IntegerField(min_value=0, help_text=_("Alle gevonden praktijkvoorbeelden, niet alleen deze pagina."))
    page = serializers.IntegerField(min_value=1)
    page_size = serializers.IntegerField(min_value=1)
    backend = serializers.ChoiceField(
        choices=BACKENDS,
        help_text=_("Wie antwoordde; ‘database-fallback’ terwijl de zoekmachine onbereikbaar is."),
    )
    results = SearchResultSerializer(many=True)
    facets = FacetsSerializer()
    suggestion = serializers.CharField(help_text=_("Een andere spelling om te proberen als niets gevonden werd."))
    some_words_only = serializers.BooleanField(
        help_text=_("Waar als geen praktijkvoorbeeld alle zoekwoorden bevat: de resultaten bevatten er enkele."),
    )
    related_count = serializers.IntegerField(
        min_value=0,
        help_text=_(
            "Zoveel resultaten aan het eind van de eerste pagina bevatten de zoekwoorden niet, "
            "maar lijken op de beste resultaten; ze tellen niet mee in count."
        ),
    )
    searched_for = SearchedForSerializer(
        many=True,
        help_text=_("Engelse termen en de Nederlandse woorden waarop in plaats daarvan gezocht is."),
    )


class SuggestionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=("theme", "municipality", "case"))
    label = serializers.CharField()
    value = serializers.CharField()
    url = serializers.CharField(allow_null=True)


class AutocompleteResponseSerializer(serializers.Serializer):
    query = serializers.CharField()
    suggestions = serializers.ListField(child=SuggestionSerializer(), max_length=8)


# Exports


@extend_schema_field({"type": "boolean", "enum": [True]})
class AlwaysTrueField(serializers.BooleanField):
    pass


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    email = serializers.CharField()
    public = AlwaysTrueField()


class CaseRecordSerializer(serializers.Serializer):
    external_id = serializers.CharField(help_text=_("Vaste sleutel; opnieuw importeren werkt bij."))
    title = serializers.CharField()
    municipality = serializers.CharField()
    province = serializers.CharField()
    summary = serializers.CharField()
    body = serializers.CharField(help_text=_("Beschrijving als HTML."))
    themes = text_list()
    tags = text_list()
    neighbourhoods = text_list()
    year_start = serializers.IntegerField(allow_null=True)
    year_end = serializers.IntegerField(allow_null=True)
    partners = text_list()
    results = serializers.CharField()
    lessons_learned = serializers.CharField()
    congress_year = serializers.IntegerField(allow_null=True)
    congress_years = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        help_text=_("Alleen als het op meer dan één congres werd gepresenteerd."),
    )
    contact = ContactSerializer(
        required=False,
        help_text=_("Alleen als de contactpersoon toestemming gaf om getoond te worden."),
    )
    published = serializers.BooleanField()
    licence = serializers.ChoiceField(choices=Licence.values)
    last_reviewed = serializers.DateField(allow_null=True)
    budget_euros = serializers.IntegerField(min_value=0, allow_null=True)
    source_url = serializers.CharField(help_text=_("Waar de aanpak oorspronkelijk beschreven is; leeg als onbekend."))
    url = serializers.URLField(help_text=_("De bron: de pagina op Wijkwijs."))


class CaseExportSerializer(serializers.Serializer):
    cases = CaseRecordSerializer(many=True)


# Wagtail's pages API


# The listing's parameters other than type and fields, which name page types and fields (api.pages_api).
class PagesQuerySerializer(serializers.Serializer):
    limit = serializers.IntegerField(min_value=0, max_value=20, default=20, help_text=_("Aantal pagina's in het antwoord."))
    offset = serializers.IntegerField(
        min_value=0, max_value=MAX_OFFSET, default=0, help_text=_("Aantal pagina's om over te slaan.")
    )
    order = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text=_("Sorteren op een veld, bijvoorbeeld ‘title’ of ‘-first_published_at’; ‘random’ voor willekeurig."),
    )
    child_of = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text=_("Alleen de directe onderliggende pagina's van deze pagina (id)."),
    )
    descendant_of = serializers.IntegerField(min_value=1, required=False, help_text=_("Alleen pagina's onder deze pagina (id)."))


class PageMetaSerializer(serializers.Serializer):
    type = serializers.CharField(help_text=_("Paginatype, zoals knowledge.CaseStudyPage."))
    detail_url = serializers.URLField()
    html_url = serializers.URLField(allow_null=True, required=False)
    slug = serializers.CharField(required=False)
    show_in_menus = serializers.BooleanField(required=False)
    seo_title = serializers.CharField(required=False)
    search_description = serializers.CharField(required=False)
    first_published_at = serializers.DateTimeField(allow_null=True, required=False)
    alias_of = serializers.DictField(allow_null=True, required=False)
    locale = serializers.CharField(required=False)
    parent = serializers.DictField(
        allow_null=True,
        required=False,
        help_text=_("De bovenliggende pagina (alleen bij één pagina)."),
    )


def page_meta(page_type: str) -> type[PageMetaSerializer]:
    """The meta of one page type: PageMeta with that type."""
    name = page_type.rsplit(".", 1)[-1] + "Meta"
    return type(name + "Serializer", (PageMetaSerializer,), {"type": serializers.ChoiceField(choices=(page_type,))})


@extend_schema_field({"type": "string", "not": {"enum": list(TYPED_PAGES)}})
class OtherPageTypeField(serializers.CharField):
    pass


class OtherPageMetaSerializer(PageMetaSerializer):
    type = OtherPageTypeField()


class OtherPageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    meta = OtherPageMetaSerializer()
    title = serializers.CharField(required=False)


class BodyBlockSerializer(serializers.Serializer):
    type = serializers.CharField()
    value = serializers.JSONField()
    id = serializers.CharField(required=False)


class ThemeLinkSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()


class PublicContactSerializer(serializers.Serializer):
    name = serializers.CharField(required=False)
    role = serializers.CharField(required=False)
    email = serializers.CharField(required=False)


class CaseStudyPageSerializer(OtherPageSerializer):
    meta = page_meta("knowledge.CaseStudyPage")()
    external_id = serializers.CharField(required=False)
    summary = serializers.CharField(required=False)
    body = BodyBlockSerializer(
        many=True,
        required=False,
        help_text=_("De beschrijving als blokken (paragraph, heading, quote, ...)."),
    )
    municipality_name = serializers.CharField(required=False)
    province_label = serializers.CharField(required=False)
    theme_list = ThemeLinkSerializer(many=True, required=False)
    tag_list = serializers.ListField(child=serializers.CharField(), required=False)
    neighbourhood_list = serializers.ListField(child=serializers.CharField(), required=False)
    partner_list = serializers.ListField(child=serializers.CharField(), required=False)
    year_start = serializers.IntegerField(allow_null=True, required=False)
    year_end = serializers.IntegerField(allow_null=True, required=False)
    results = serializers.CharField(required=False)
    lessons_learned = serializers.CharField(required=False)
    congress_years = serializers.ListField(child=serializers.IntegerField(), required=False)
    public_contact = PublicContactSerializer(
        allow_null=True,
        required=False,
        help_text=_("Alleen als de contactpersoon toestemming gaf om getoond te worden."),
    )
    last_reviewed = serializers.DateField(allow_null=True, required=False)
    licence = serializers.ChoiceField(choices=Licence.values, required=False)
    licence_url = serializers.CharField(required=False, help_text=_("Leeg bij ‘alle rechten voorbehouden’."))
    source_url = serializers.CharField(
        required=False,
        help_text=_("Waar de aanpak oorspronkelijk beschreven is; leeg als onbekend."),
    )


class MunicipalityPageSerializer(OtherPageSerializer):
    meta = page_meta("knowledge.MunicipalityPage")()
    province = serializers.CharField(required=False)
    province_label = serializers.CharField(required=False)
    cbs_code = serializers.CharField(required=False)
    website = serializers.CharField(required=False)
    intro = serializers.CharField(required=False, help_text=_("HTML."))


class CongressSessionSerializer(serializers.Serializer):
    title = serializers.CharField(required=False)
    speakers = serializers.CharField(required=False)
    perspective = serializers.CharField(required=False)
    description = serializers.CharField(required=False)


class CongressEditionPageSerializer(OtherPageSerializer):
    meta = page_meta("knowledge.CongressEditionPage")()
    year = serializers.IntegerField(required=False)
    city = serializers.CharField(required=False)
    start_date = serializers.DateField(allow_null=True, required=False)
    end_date = serializers.DateField(allow_null=True, required=False)
    theme = serializers.CharField(required=False)
    intro = serializers.CharField(required=False, help_text=_("HTML."))
    sessions = CongressSessionSerializer(many=True, required=False)


def any_page(many: bool = False) -> PolymorphicProxySerializer:
    """A page of any type: one of the typed pages or another page."""
    return PolymorphicProxySerializer(
        component_name="Page",
        serializers=[CaseStudyPageSerializer, MunicipalityPageSerializer, CongressEditionPageSerializer, OtherPageSerializer],
        resource_type_field_name=None,
        many=many,
    )


class ListingMetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField(min_value=0)


@extend_schema_field(any_page(many=True))
class PagesField(serializers.ListField):
    pass


class PageListingSerializer(serializers.Serializer):
    meta = ListingMetaSerializer()
    items = PagesField()

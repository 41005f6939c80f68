from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from core.remembered import RememberedSearchField, remembered
from core.text import CleanTextMixin
from knowledge.blocks import CaseBodyBlock, without_empty_paragraphs
from knowledge.editorial.case_form import MANAGE_CASE_DETAILS, CaseStudyPageForm, NextStepPanel
from knowledge.editorial.permissions import CasePermissionTester
from knowledge.editorial.widgets import LocationPicker
from knowledge.models.theme import Theme
from knowledge.provinces import Province
from knowledge.seo import case_json_ld, open_graph


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    ALL_RIGHTS = "all-rights-reserved", _("Alle rechten voorbehouden")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.nl",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.nl",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
}


class ThemedCase(ItemBase):
    """Links a case to a theme of the closed taxonomy."""

    tag = models.ForeignKey(Theme, related_name="tagged_cases", on_delete=models.CASCADE)
    content_object = ParentalKey("knowledge.CaseStudyPage", related_name="themed_items", on_delete=models.CASCADE)


class CaseTag(TaggedItemBase):
    """Free tags of a case."""

    content_object = ParentalKey("knowledge.CaseStudyPage", related_name="tagged_items", on_delete=models.CASCADE)


# On OpenSearch/Elasticsearch: the words as written, for spelling suggestions (see search/analysis.py).
SPELLING_SUBFIELD = {"fields": {"spelling": {"type": "text", "analyzer": "spelling"}}}


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


CASE_RELATIONS = ("themes", "tags", "congress_editions")


def relation_prefetches(*names, prefix=""):
    """Prefetches of these relations of many cases (by default all of CASE_RELATIONS), read through
    CaseStudyPage.related; `prefix` leads from the queried model to its cases ('case__').

    Into plain lists (to_attr): a prefetch by name builds a queryset for every case and relation, which
    for the tag managers costs more than the fetch itself.
    """
    return [Prefetch(f"{prefix}{name}", to_attr=f"prefetched_{name}") for name in names or CASE_RELATIONS]


class CaseStudyPageQuerySet(PageQuerySet):
    def published(self):
        """The cases anyone may read: live, and not behind a view restriction."""
        return self.live().public()

    def for_cards(self):
        """With what a case card shows besides the case's own fields: its municipality and its themes."""
        return self.select_related("municipality").prefetch_related(*relation_prefetches("themes"))


CaseStudyPageManager = PageManager.from_queryset(CaseStudyPageQuerySet)


class CaseStudyPage(CleanTextMixin, Page):
    """A practice example of ward-based work by one municipality."""

    external_id = models.CharField(
        _("externe sleutel"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Vaste sleutel voor import en export. Laat leeg om er automatisch een te maken."),
    )
    summary = models.TextField(
        _("samenvatting"), max_length=600, help_text=_("Twee of drie zinnen: wat is er gedaan en wat leverde het op?")
    )
    # A new case opens with a paragraph to type in; an empty one is left out when the case is saved.
    body = StreamField(CaseBodyBlock(), verbose_name=_("beschrijving"), blank=True, default=[("paragraph", "")])
    neighbourhoods = models.TextField(_("wijken en buurten"), blank=True, help_text=_("Eén wijk of buurt per regel."))
    themes = ClusterTaggableManager(
        through=ThemedCase,
        blank=True,
        verbose_name=_("thema's"),
        help_text=_("Kies een of meer thema's uit de lijst die de redactie beheert."),
        related_name="theme_cases",
    )
    tags = ClusterTaggableManager(
        through=CaseTag, blank=True, verbose_name=_("trefwoorden"), help_text=_("Vrije trefwoorden, gescheiden door komma's.")
    )
    year_start = models.PositiveSmallIntegerField(_("startjaar"), null=True, blank=True)
    year_end = models.PositiveSmallIntegerField(
        _("eindjaar"), null=True, blank=True, help_text=_("Leeg laten als de aanpak nog loopt.")
    )
    partners = models.TextField(_("partners"), blank=True, help_text=_("Eén partner per regel."))
    results = models.TextField(_("resultaten"), blank=True)
    lessons_learned = models.TextField(_("geleerde lessen"), blank=True)
    budget_euros = models.PositiveIntegerField(_("budget (euro)"), null=True, blank=True)
    budget_note = models.CharField(
        _("toelichting budget"), max_length=255, blank=True, help_text=_("Bijvoorbeeld: per jaar, of inclusief uren.")
    )
    contact_name = models.CharField(_("naam contactpersoon"), max_length=120, blank=True)
    contact_role = models.CharField(_("functie contactpersoon"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    contact_public = models.BooleanField(
        _("contactgegevens tonen"),
        default=False,
        help_text=_("Alleen aanvinken als de contactpersoon toestemming heeft gegeven om getoond te worden."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hoofdafbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    congress_editions = ParentalManyToManyField(
        "knowledge.CongressEditionPage",
        blank=True,
        related_name="cases",
        verbose_name=_("gepresenteerd op congres"),
    )
    latitude = models.DecimalField(_("breedtegraad"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=9, decimal_places=6, null=True, blank=True)
    last_reviewed = models.DateField(
        _("laatst beoordeeld"),
        null=True,
        blank=True,
        help_text=_("Datum waarop de redactie de inhoud voor het laatst controleerde."),
    )
    licence = models.CharField(_("licentie"), max_length=32, choices=Licence.choices, default=Licence.CC_BY)
    source_url = models.URLField(
        _("bron"),
        max_length=500,
        blank=True,
        help_text=_("Waar de aanpak oorspronkelijk beschreven is, bijvoorbeeld de website van de gemeente."),
    )
    municipality = models.ForeignKey(
        "knowledge.MunicipalityPage", null=True, editable=False, on_delete=models.SET_NULL, related_name="cases"
    )

    objects = CaseStudyPageManager()

    base_form_class = CaseStudyPageForm

    content_panels = [NextStepPanel(), *Page.content_panels] + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("tags"), FieldPanel("neighbourhoods")],
            heading=_("Thema's en plaats"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("year_start"), FieldPanel("year_end")]), FieldPanel("partners")],
            heading=_("Looptijd en partners"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("results"),
                FieldPanel("lessons_learned"),
                FieldRowPanel([FieldPanel("budget_euros"), FieldPanel("budget_note")]),
            ],
            heading=_("Resultaten"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), InlinePanel("attachments", label=_("bijlagen"))],
            heading=_("Afbeeldingen en bijlagen"),
        ),
    ]
    relations_panels = [
        FieldPanel("congress_editions", widget=forms.CheckboxSelectMultiple, permission=MANAGE_CASE_DETAILS),
        InlinePanel("related_links", label=_("verwante praktijkvoorbeelden")),
    ]
    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email"), FieldPanel("contact_public")],
            heading=_("Contactpersoon"),
        ),
    ]
    details_panels = [
        FieldPanel("external_id", permission=MANAGE_CASE_DETAILS),
        FieldPanel("licence", permission=MANAGE_CASE_DETAILS),
        FieldPanel("source_url"),
        FieldPanel("last_reviewed", permission=MANAGE_CASE_DETAILS),
        MultiFieldPanel(
            [FieldPanel("latitude"), FieldPanel("longitude", widget=LocationPicker(latitude_field="latitude"))],
            heading=_("Locatie"),
        ),
    ]

    # Slug and menus are the editors' (Wagtail makes the slug of a new case from its title).
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug", permission=MANAGE_CASE_DETAILS), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("Voor zoekmachines"),
        ),
        FieldPanel("show_in_menus", permission=MANAGE_CASE_DETAILS),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(relations_panels, heading=_("Verbanden")),
            ObjectList(contact_panels, heading=_("Contact")),
            ObjectList(details_panels, heading=_("Beheer")),
            ObjectList(promote_panels, heading=_("Promotie")),
            ObjectList(Page.settings_panels, heading=_("Instellingen")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=3, es_extra=SPELLING_SUBFIELD),
        RememberedSearchField("body", es_extra=SPELLING_SUBFIELD),
        index.SearchField("results"),
        index.SearchField("lessons_learned"),
        index.SearchField("neighbourhoods", boost=2),
        index.SearchField("partners"),
        RememberedSearchField("compound_parts"),
        index.SearchField("municipality_name", boost=2),
        index.SearchField("theme_names", boost=2),
        index.SearchField("tag_names", boost=2),
        index.AutocompleteField("municipality_name"),
        index.FilterField("external_id"),
        index.FilterField("municipality"),
        index.FilterField("province_code", type="CharField"),
        index.FilterField("theme_slugs", type="CharField"),
        index.FilterField("congress_years", type="IntegerField"),
        index.FilterField("year_start"),
        index.FilterField("latest_revision"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        # What the search fields read, in a few queries per chunk instead of a few per case.
        return super().get_indexed_objects().select_related("municipality").prefetch_related(*relation_prefetches())

    api_fields = [
        APIField("external_id"),
        APIField("summary"),
        APIField("body"),
        APIField("municipality_name"),
        APIField("province_label"),
        APIField("theme_list"),
        APIField("tag_list"),
        APIField("neighbourhood_list"),
        APIField("partner_list"),
        APIField("year_start"),
        APIField("year_end"),
        APIField("results"),
        APIField("lessons_learned"),
        APIField("congress_years"),
        APIField("public_contact"),
        APIField("last_reviewed"),
        APIField("licence"),
        APIField("licence_url"),
        APIField("source_url"),
    ]

    parent_page_types = ["knowledge.MunicipalityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("praktijkvoorbeeld")
        verbose_name_plural = _("praktijkvoorbeelden")
        permissions = [("manage_case_details", _("Kan de beheervelden van praktijkvoorbeelden wijzigen"))]

    def clean(self):
        super().clean()
        if self.year_start and self.year_end and self.year_end < self.year_start:
            raise ValidationError({"year_end": _("Het eindjaar ligt vóór het startjaar.")})
        if self.contact_public and not (self.contact_name or self.contact_email):
            raise ValidationError({"contact_public": _("Er zijn geen contactgegevens om te tonen.")})

    def permissions_for_user(self, user):
        return CasePermissionTester(user, self)

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.municipality_id = parent.pk
        if not self.external_id:
            prefix = parent.slug if parent is not None else "case"
            self.external_id = slugify(f"{prefix}-{self.slug or self.title}")[:120]
        self.body = without_empty_paragraphs(self.body)
        return super().save(*args, **kwargs)

    # Values used by templates, search and export

    @property
    def municipality_name(self):
        return self.municipality.title if self.municipality_id else ""

    @property
    def province_code(self):
        return self.municipality.province if self.municipality_id else ""

    @property
    def province_label(self):
        code = self.province_code
        return Province(code).label if code else ""

    def compound_parts(self):
        """Known parts of compound words in the text ('ambtenaar' of 'wijkambtenaar'), for database search."""
        # The same value as the "body" search field reads, so computed once when both are indexed together.
        body_field = self._meta.get_field("body")
        body_text = " ".join(remembered(self, "body", lambda: body_field.get_searchable_content(self.body)))
        compound_parts_of = import_string(settings.WIJKWIJS_COMPOUND_SPLITTER)
        return compound_parts_of(" ".join([self.title, self.summary, body_text, self.results, self.lessons_learned]))

    def related(self, name):
        """The themes, tags or congress editions of the case: the list relation_prefetches() fetched, if any."""
        prefetched = self.__dict__.get(f"prefetched_{name}")
        return prefetched if prefetched is not None else getattr(self, name).all()

    def theme_names(self):
        return " ".join(theme.name for theme in self.related("themes"))

    def tag_names(self):
        return " ".join(tag.name for tag in self.related("tags"))

    @property
    def theme_list(self):
        return [{"name": theme.name, "slug": theme.slug} for theme in self.related("themes")]

    @property
    def tag_list(self):
        return [tag.name for tag in self.related("tags")]

    @property
    def public_contact(self):
        """Contact details only when the person consented to be shown."""
        if not self.contact_public:
            return None
        return {"name": self.contact_name, "role": self.contact_role, "email": self.contact_email}

    def theme_slugs(self):
        return [theme.slug for theme in self.related("themes")]

    def congress_years(self):
        return [edition.year for edition in self.related("congress_editions")]

    @property
    def neighbourhood_list(self):
        return lines(self.neighbourhoods)

    @property
    def partner_list(self):
        return lines(self.partners)

    @property
    def is_ongoing(self):
        return self.year_start is not None and self.year_end is None

    @property
    def period(self):
        if not self.year_start:
            return ""
        if self.year_end is None:
            return _("%(start)s – heden") % {"start": self.year_start}
        if self.year_end == self.year_start:
            return str(self.year_start)
        return f"{self.year_start} – {self.year_end}"

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def citation(self, url):
        """A ready reference to the case: the municipality as author, the year of this version, title, URL, licence."""
        published = self.last_published_at or timezone.now()
        return _("Gemeente %(municipality)s (%(year)s). %(title)s. Wijkwijs. %(url)s. Licentie: %(licence)s.") % {
            "municipality": self.municipality_name,
            "year": published.year,
            "title": self.title,
            "url": url,
            "licence": self.get_licence_display(),
        }

    def related_cases(self):
        """Cases an editor linked to this one, in either direction, live ones only."""
        outgoing = [link.related_case_id for link in self.related_links.all()]
        incoming = list(RelatedCase.objects.filter(related_case=self).values_list("page_id", flat=True))
        ids = list(dict.fromkeys(outgoing + incoming))
        linked = CaseStudyPage.objects.published().for_cards().filter(pk__in=ids)
        cases = {case.pk: case for case in linked}
        return [cases[pk] for pk in ids if pk in cases]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["case_url"] = self.get_full_url(request)
        context["citation"] = self.citation(context["case_url"])
        context["editors_email"] = settings.EDITORS_EMAIL
        context["json_ld"] = case_json_ld(self, request)
        context["open_graph"] = open_graph(self, request)
        return context


class CaseAttachment(Orderable):
    page = ParentalKey(CaseStudyPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+")
    title = models.CharField(
        _("titel"), max_length=255, blank=True, help_text=_("Laat leeg om de titel van het document te gebruiken.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self):
        return self.title or self.document.title


class RelatedCase(Orderable):
    page = ParentalKey(CaseStudyPage, related_name="related_links", on_delete=models.CASCADE)
    related_case = models.ForeignKey(
        CaseStudyPage, verbose_name=_("praktijkvoorbeeld"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related_case")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "related_case")]

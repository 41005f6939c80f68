from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge.models.case import CaseStudyPage


def latest_edition():
    """The most recent edition that has started, or None."""
    today = timezone.localdate()
    return (
        CongressEditionPage.objects.live()
        .filter(models.Q(start_date__lte=today) | models.Q(start_date__isnull=True, year__lte=today.year))
        .order_by("-year")
        .first()
    )


def next_edition():
    """The first edition still to come, or None."""
    return CongressEditionPage.objects.live().filter(start_date__gt=timezone.localdate()).order_by("start_date").first()


class CongressIndexPage(RoutablePageMixin, Page):
    """'Congres': all editions of the national congress on ward-based work."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.CongressEditionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht congressen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = CongressEditionPage.objects.child_of(self).live().order_by("-year")
        context["latest_edition"] = latest_edition()
        return context

    @path("nieuw-sinds-het-congres/", name="new_since")
    def new_since_congress(self, request):
        """Cases published since the latest edition, so its participants see what came after."""
        edition = latest_edition()
        cases = CaseStudyPage.objects.published().for_cards()
        since = edition.end_date or edition.start_date if edition else None
        if since:
            cases = cases.filter(first_published_at__date__gt=since)
        return self.render(
            request,
            context_overrides={"edition": edition, "since": since, "cases": cases.order_by("-first_published_at")},
            template="knowledge/new_since_congress.html",
        )

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) + [{"location": self.get_full_url(request) + "nieuw-sinds-het-congres/"}]


class CongressEditionPage(Page):
    """One yearly edition of the congress; its URL is /congres/<year>/."""

    year = models.PositiveSmallIntegerField(_("jaar"), unique=True)
    city = models.CharField(_("plaats"), max_length=80, blank=True)
    start_date = models.DateField(_("eerste dag"), null=True, blank=True)
    end_date = models.DateField(_("laatste dag"), null=True, blank=True)
    month_only = models.BooleanField(
        _("alleen de maand is bekend"), default=False, help_text=_("Toon alleen maand en jaar van de eerste dag.")
    )
    theme = models.CharField(_("congresthema"), max_length=255, blank=True)
    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    expected_participants = models.PositiveIntegerField(_("verwachte deelnemers"), null=True, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("month_only"),
                FieldPanel("expected_participants"),
            ],
            heading=_("Editie"),
        ),
        FieldPanel("theme"),
        FieldPanel("intro"),
        InlinePanel("sessions", heading=_("Programma"), label=_("sessie")),
        InlinePanel("presentations", heading=_("Presentaties"), label=_("presentatie")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("city"),
        index.SearchField("theme"),
        index.FilterField("year"),
    ]

    api_fields = [
        APIField("year"),
        APIField("city"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("theme"),
        APIField("intro"),
        APIField("sessions"),
    ]

    parent_page_types = ["knowledge.CongressIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("congreseditie")
        verbose_name_plural = _("congresedities")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year} {self.city}"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("De laatste dag ligt vóór de eerste dag.")})

    def full_clean(self, *args, **kwargs):
        # The year is the address: /congres/2015/
        if self.year:
            self.slug = str(self.year)
        super().full_clean(*args, **kwargs)

    @property
    def dates_label(self):
        if not self.start_date:
            return ""
        if self.month_only:
            return formats.date_format(self.start_date, "F Y")
        if not self.end_date or self.end_date == self.start_date:
            return formats.date_format(self.start_date, "j F Y")
        if self.start_date.month == self.end_date.month:
            return f"{self.start_date.day}–{formats.date_format(self.end_date, 'j F Y')}"
        return f"{formats.date_format(self.start_date, 'j F')} – {formats.date_format(self.end_date, 'j F Y')}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cases"] = self.presented_cases().for_cards().order_by("title")
        context["presentations"] = self.presentations.select_related("document", "case")
        return context

    def presented_cases(self):
        """The live, public cases tied to this edition: ticked on the case, or linked from one of its presentations."""
        linked = self.presentations.exclude(case=None).values_list("case_id", flat=True)
        return CaseStudyPage.objects.published().filter(Q(congress_editions=self) | Q(pk__in=linked)).distinct()


class CongressSession(Orderable):
    page = ParentalKey(CongressEditionPage, related_name="sessions", on_delete=models.CASCADE)
    title = models.CharField(_("titel"), max_length=255)
    speakers = models.CharField(_("sprekers"), max_length=255, blank=True)
    perspective = models.CharField(
        _("perspectief"),
        max_length=255,
        blank=True,
        help_text=_("Het perspectief of de lijn van het programma waar deze sessie bij hoort."),
    )
    description = models.TextField(_("omschrijving"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("speakers"), FieldPanel("perspective"), FieldPanel("description")]
    api_fields = [APIField("title"), APIField("speakers"), APIField("perspective"), APIField("description")]


class CongressPresentation(Orderable):
    page = ParentalKey(CongressEditionPage, related_name="presentations", on_delete=models.CASCADE)
    title = models.CharField(_("titel"), max_length=255)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    case = models.ForeignKey(
        "knowledge.CaseStudyPage",
        verbose_name=_("praktijkvoorbeeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("case")]

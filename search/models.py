from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin


class IndexBacklog(models.Model):
    """A change that did not reach the search engine because it was unreachable.

    `search_reconcile` replays these, and so do the searches after an outage, a part each.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    deleted = models.BooleanField(default=False)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("openstaande indexwijziging")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="unique_backlog_object")]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"


def term_list(text):
    """The terms of a comma-separated field, trimmed, without empties or repeats."""
    return list(dict.fromkeys(term.strip() for term in text.split(",") if term.strip()))


class SynonymGroup(RevisionMixin, models.Model):
    """Dutch words and phrases that mean the same in ward-based work: a search for one also finds the others.

    Applied to the query when searching, so a new group works at once, without reindexing."""

    terms = models.TextField(
        _("woorden"),
        help_text=_(
            "Gescheiden door komma's, bijvoorbeeld: buurthuis, wijkcentrum, buurtcentrum. "
            "Een woordgroep zoals 'sociaal wijkteam' mag ook."
        ),
    )
    note = models.CharField(_("toelichting"), max_length=255, blank=True)
    revisions = GenericRelation(
        "wagtailcore.Revision", content_type_field="content_type", object_id_field="object_id", for_concrete_model=False
    )

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synoniemen")
        verbose_name_plural = _("synoniemen")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list)

    @property
    def term_list(self):
        return term_list(self.terms)

    def clean(self):
        if len(self.term_list) < 2:
            raise ValidationError({"terms": _("Geef minstens twee woorden, gescheiden door een komma.")})


class GlossaryEntry(RevisionMixin, models.Model):
    """An English term of ward-based work and the Dutch words it stands for, so an English query finds Dutch cases."""

    english = models.CharField(
        _("Engelse term"), max_length=120, unique=True, help_text=_("Bijvoorbeeld: participatory budgeting")
    )
    dutch = models.CharField(
        _("Nederlandse woorden"),
        max_length=255,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: burgerbegroting, buurtbudget"),
    )
    revisions = GenericRelation(
        "wagtailcore.Revision", content_type_field="content_type", object_id_field="object_id", for_concrete_model=False
    )

    panels = [FieldPanel("english"), FieldPanel("dutch")]

    class Meta:
        verbose_name = _("woordenlijst Engels-Nederlands")
        verbose_name_plural = _("woordenlijst Engels-Nederlands")
        ordering = ["english"]

    def __str__(self):
        return f"{self.english} → {', '.join(self.dutch_list)}"

    @property
    def dutch_list(self):
        return term_list(self.dutch)

    def clean(self):
        if not self.dutch_list:
            raise ValidationError({"dutch": _("Geef minstens één Nederlands woord.")})


class SearchQueryWeek(models.Model):
    """How often a query was searched in one week and how many cases the last search found.

    Only the words and counts, so that editors see what practitioners look for and do not find: no
    address, no user, no session, no time of day."""

    week = models.DateField(_("week (maandag)"))
    query = models.CharField(_("zoekopdracht"), max_length=200)
    searches = models.PositiveIntegerField(_("aantal keer gezocht"), default=0)
    results = models.PositiveIntegerField(_("resultaten"), default=0)

    class Meta:
        verbose_name = _("zoekopdracht per week")
        verbose_name_plural = _("zoekopdrachten per week")
        constraints = [models.UniqueConstraint(fields=["week", "query"], name="unique_query_per_week")]
        indexes = [models.Index(fields=["week", "results"])]

    def __str__(self):
        return f"{self.week}: {self.query}"

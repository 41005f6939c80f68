"""Keeping cases current: which ones the editors have not reviewed for too long."""

import datetime

from django.db.models import F, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from knowledge.models import CaseStudyPage

STALE_AFTER_MONTHS = 24


def months_ago(months, today=None):
    today = today or timezone.localdate()
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(today.day, 28)
    return datetime.date(year, month + 1, day)


def stale_cases(months=STALE_AFTER_MONTHS):
    """Published cases last reviewed, or never reviewed and first published, more than `months` ago (oldest first)."""
    return (
        CaseStudyPage.objects.live()
        .annotate(reviewed_since=Coalesce("last_reviewed", TruncDate("first_published_at")))
        .filter(Q(reviewed_since__lt=months_ago(months)) | Q(reviewed_since__isnull=True))
        .select_related("municipality")
        .order_by(F("reviewed_since").asc(nulls_first=True), "municipality__title", "title")
    )

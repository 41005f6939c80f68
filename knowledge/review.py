"""Keeping cases current: which ones the editors have not reviewed for too long."""

import datetime

from django.db.models import Q
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
    """Published cases never reviewed, or last reviewed more than `months` ago (oldest first)."""
    cutoff = months_ago(months)
    return (
        CaseStudyPage.objects.live()
        .filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=cutoff))
        .select_related("municipality")
        .order_by("last_reviewed", "municipality__title", "title")
    )

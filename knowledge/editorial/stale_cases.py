"""Keeping cases current: which ones the editors have not reviewed for too long, or never."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from knowledge.editorial.permissions import contributor_group
from knowledge.models import CaseStudyPage

STALE_AFTER_MONTHS = 24


def months_ago(months, today=None):
    today = today or timezone.localdate()
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(today.day, 28)
    return datetime.date(year, month + 1, day)


def review_is_due(last_reviewed, months=STALE_AFTER_MONTHS):
    """A case is due for review when the editors never reviewed it, or last did more than `months` ago."""
    return last_reviewed is None or last_reviewed < months_ago(months)


def stale_cases(months=STALE_AFTER_MONTHS):
    """Published cases never reviewed (first) or last reviewed more than `months` ago (oldest first).

    An imported case that came without a review date has never been reviewed, however recently it was imported.
    """
    return (
        CaseStudyPage.objects.live()
        .filter(Q(last_reviewed__lt=months_ago(months)) | Q(last_reviewed__isnull=True))
        .select_related("municipality")
        .order_by(F("last_reviewed").asc(nulls_first=True), "municipality__title", "title")
    )


def mark_reviewed(case, user=None):
    """Record today as the case's review date, without publishing a draft that waits behind it.

    The live page and the revisions Wagtail would publish or edit next (the live one and the newest) get the
    date, so that neither a later publication nor the next edit takes it back.
    """
    today = timezone.localdate()
    CaseStudyPage.objects.filter(pk=case.pk).update(last_reviewed=today)
    for revision in {case.live_revision, case.latest_revision} - {None}:
        revision.content["last_reviewed"] = today.isoformat()
        revision.save(update_fields=["content"])
    case.last_reviewed = today
    log(instance=case, action="wijkwijs.reviewed", user=user)
    return today


def contributor_emails(municipality):
    group = contributor_group(municipality) if municipality else None
    if group is None:
        return []
    return sorted({user.email for user in group.user_set.filter(is_active=True) if user.email})


def review_reminder_subject(municipality, cases):
    if len(cases) == 1:
        return _("Wijkwijs: %(title)s toe aan herziening") % {"title": cases[0].title}
    return _("Wijkwijs: %(count)s praktijkvoorbeelden van %(municipality)s toe aan herziening") % {
        "count": len(cases),
        "municipality": municipality.title,
    }


def send_review_reminder(municipality, cases, recipients, months=STALE_AFTER_MONTHS):
    """Mail the contributors of one municipality which of its cases want a review, in the site's language (the
    reminder goes to several people at once, and an editor's choice of language is not theirs)."""
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "knowledge/email/stale_cases.txt",
            {
                "municipality": municipality,
                "cases": cases,
                "months": months,
                "admin_base": settings.WAGTAILADMIN_BASE_URL,
            },
        )
        subject = review_reminder_subject(municipality, cases)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)

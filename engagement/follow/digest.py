"""The weekly digest: to every confirmed address, the cases its search found that were published or updated
since its last digest. A case goes out once per publication: the next digest holds it again only when it was
published anew (updated) in between. Unconfirmed addresses whose link expired are deleted on the way."""

import logging
import smtplib
from dataclasses import dataclass
from itertools import groupby

from django.db import transaction
from django.utils import timezone

from engagement.follow.followed import matching_cases, params_of
from engagement.follow.links import CONFIRMATION_VALID
from engagement.follow.mails import send_digest
from engagement.models import Follow
from knowledge.submission.mails import public_url

logger = logging.getLogger("wijkwijs.engagement")


@dataclass
class DigestRun:
    sent: int = 0
    without_news: int = 0
    unconfirmed_deleted: int = 0
    failed: int = 0


def delete_unconfirmed(now=None):
    cutoff = (now or timezone.now()) - CONFIRMATION_VALID
    deleted, _ = Follow.objects.filter(confirmed=False, created_at__lt=cutoff).delete()
    return deleted


def send_digests():
    now = timezone.now()
    run = DigestRun(unconfirmed_deleted=delete_unconfirmed(now))
    follows = Follow.objects.filter(confirmed=True).order_by("query", "pk")
    for query, same_search in groupby(follows, key=lambda follow: follow.query):
        # One search per followed query, however many addresses follow it.
        found = list(matching_cases(params_of(query)).filter(last_published_at__lte=now).order_by("-last_published_at"))
        for follow in same_search:
            since = follow.digest_sent_until
            news = [case for case in found if since is None or case.last_published_at > since]
            if not news:
                run.without_news += 1
                continue
            new = [case for case in news if since is None or case.first_published_at > since]
            updated = [case for case in news if case not in new]
            try:
                # The mark and the mail together: a mail that fails leaves the mark, and the next run sends
                # the same cases; a mail that went out is never sent again.
                with transaction.atomic():
                    Follow.objects.filter(pk=follow.pk).update(digest_sent_until=now)
                    send_digest(follow, [_card(case) for case in new], [_card(case) for case in updated])
            except (OSError, smtplib.SMTPException) as error:
                logger.error("digest to follow %s not sent: %r", follow.pk, error)
                run.failed += 1
            else:
                run.sent += 1
    return run


def _card(case):
    return {"title": case.title, "municipality": case.municipality_name, "summary": case.summary, "url": public_url(case)}

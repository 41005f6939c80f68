"""The signed links in the mails: confirming an address, and unsubscribing it. Each names the follow and its
address, so a link stays valid only for the row it was made for; only the confirmation expires."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from engagement.models import Follow

CONFIRMATION_VALID = timedelta(days=3)  # unconfirmed addresses older than this are deleted (digest.py)
CONFIRM_SALT = "engagement.follow.confirm"
UNSUBSCRIBE_SALT = "engagement.follow.unsubscribe"


class ExpiredLink(Exception):
    pass


class InvalidLink(Exception):
    pass


def _token(follow, salt):
    return signing.dumps([follow.pk, follow.email], salt=salt)


def confirm_url(follow):
    return settings.SITE_BASE_URL + reverse("follow_confirm", args=[_token(follow, CONFIRM_SALT)])


def unsubscribe_url(follow):
    return settings.SITE_BASE_URL + reverse("follow_unsubscribe", args=[_token(follow, UNSUBSCRIBE_SALT)])


def _follow(pk, email):
    return Follow.objects.filter(pk=pk, email=email).first()


def follow_to_confirm(token):
    """The unconfirmed or confirmed follow of a confirmation link; ExpiredLink (with the follow's query, when
    it is still known) or InvalidLink for a link that is too old or was not made by this site."""
    try:
        pk, email = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_VALID)
    except signing.SignatureExpired as error:
        pk, email = signing.loads(token, salt=CONFIRM_SALT)
        follow = _follow(pk, email)
        raise ExpiredLink(follow.query if follow else "") from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidLink from error
    follow = _follow(pk, email)
    if follow is None:  # deleted meanwhile: unsubscribed, or cleaned up as unconfirmed
        raise ExpiredLink("")
    return follow


def follow_to_unsubscribe(token):
    """The follow of an unsubscribe link, or None when it is gone already; InvalidLink for a forged link."""
    try:
        pk, email = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidLink from error
    return _follow(pk, email)

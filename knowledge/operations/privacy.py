"""AVG/GDPR: what Wijkwijs stores about one person (by e-mail address), and removing it."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Revision

from knowledge.models import CaseStudyPage

CONTACT_FIELDS = ("contact_name", "contact_role", "contact_email")


def _cases_of(email):
    return CaseStudyPage.objects.filter(contact_email__iexact=email).select_related("municipality")


def _follows_of(email):
    # engagement sits above knowledge (docs/architecture.md): its model is named by label, not imported.
    return apps.get_model("engagement", "Follow").objects.filter(email__iexact=email).order_by("created_at")


def _revisions_of(email):
    return Revision.page_revisions.filter(content__contact_email__iexact=email)


def personal_data(email):
    """Everything stored about the person, as a JSON-ready dict."""
    accounts = get_user_model().objects.filter(email__iexact=email)
    return {
        "email": email,
        "accounts": [
            {
                "username": user.username,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "date_joined": user.date_joined.isoformat(),
                "last_login": user.last_login.isoformat() if user.last_login else None,
                "groups": sorted(user.groups.values_list("name", flat=True)),
            }
            for user in accounts
        ],
        "case_contacts": [
            {
                "external_id": case.external_id,
                "title": case.title,
                "municipality": case.municipality_name,
                "url_path": case.url_path,
                "published": case.live,
                **{field: getattr(case, field) for field in CONTACT_FIELDS},
                "shown_publicly": case.contact_public,
            }
            for case in _cases_of(email)
        ],
        "revisions_with_contact": _revisions_of(email).count(),
        "follows": [
            {"follows": follow.query, "confirmed": follow.confirmed, "since": follow.created_at.isoformat()}
            for follow in _follows_of(email)
        ],
    }


@transaction.atomic
def remove_personal_data(email, include_accounts=False):
    """Blank the person's contact details in cases and every stored revision, delete what the address follows;
    optionally anonymise accounts."""
    cleared = dict.fromkeys(CONTACT_FIELDS, "")
    cases = list(_cases_of(email))
    for case in cases:
        for field, value in cleared.items():
            setattr(case, field, value)
        case.contact_public = False
        case.save(update_fields=[*CONTACT_FIELDS, "contact_public"])
    revisions = list(_revisions_of(email))
    for revision in revisions:
        revision.content.update(cleared, contact_public=False)
        revision.save(update_fields=["content"])
    follows, _ = _follows_of(email).delete()
    accounts = 0
    if include_accounts:
        for user in get_user_model().objects.filter(email__iexact=email):
            user.email, user.first_name, user.last_name, user.is_active = "", "", "", False
            user.set_unusable_password()
            user.save()
            accounts += 1
    return {"cases": len(cases), "revisions": len(revisions), "follows": follows, "accounts": accounts}

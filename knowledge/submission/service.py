"""Turning a public submission into an unpublished draft case in the editors' review queue."""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import BadHeaderError, send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import RichText

from core.text import single_line
from knowledge.editorial.permissions import EDITORS_GROUP, editor_emails
from knowledge.exchange.records import body_to_html
from knowledge.models import CaseAttachment, CaseStudyPage, MunicipalityPage
from knowledge.municipalities import by_code
from knowledge.site_structure import ensure_case_index
from knowledge.slugs import unique_child_slug
from knowledge.submission.mails import send_to_submitter, submission_reference
from knowledge.submission.uploads import stored_name

logger = logging.getLogger("wijkwijs.submission")
PRIVATE_COLLECTION = "Inzendingen"


def private_collection():
    """Where attachments wait, visible to the editorial team only, until their case is published."""
    collection = Collection.objects.filter(name=PRIVATE_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PRIVATE_COLLECTION)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name=EDITORS_GROUP))
    return collection


def _municipality(data):
    """The municipality page for the one chosen from the list or typed in; a draft one when the library has none yet."""
    listed = by_code(data["municipality"])
    if listed:
        name, province, cbs_code = listed.name, listed.province, listed.cbs_code
        existing = MunicipalityPage.objects.filter(Q(cbs_code=cbs_code) | Q(title__iexact=name)).order_by("-cbs_code").first()
    else:
        name, province, cbs_code = data["new_municipality"], data["new_province"], ""
        existing = MunicipalityPage.objects.filter(title__iexact=name).first()
    if existing:
        return existing
    case_index = ensure_case_index()
    page = MunicipalityPage(
        title=name,
        slug=unique_child_slug(case_index, name),
        province=province,
        cbs_code=cbs_code,
        live=False,
    )
    case_index.add_child(instance=page)
    page.save_revision()
    return page


def _lines(text):
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _store_attachments(uploads, stored_files):
    Document = get_document_model()
    collection = private_collection()
    attachments = []
    for upload in uploads:
        document = Document(title=upload.name[:255], collection=collection)
        document.file.save(stored_name(upload), upload, save=False)
        stored_files.append(document.file)
        document.save()
        attachments.append(CaseAttachment(document=document, sort_order=len(attachments)))
    return attachments


def create_submission(data):
    """The draft case for valid form data; nothing is kept when any step fails."""
    stored_files = []
    try:
        with transaction.atomic():
            municipality = _municipality(data)
            html = body_to_html(data["body"])
            case = CaseStudyPage(
                title=data["title"],
                slug=unique_child_slug(municipality, data["title"]),
                summary=data["summary"],
                body=[("paragraph", RichText(html))] if html else [],
                neighbourhoods=_lines(data["neighbourhoods"]),
                partners=_lines(data["partners"]),
                year_start=data["year_start"],
                year_end=data["year_end"],
                results=data["results"],
                lessons_learned=data["lessons_learned"],
                contact_name=data["contact_name"],
                contact_role=data["contact_role"],
                contact_email=data["contact_email"],
                contact_public=data["contact_public"],
                live=False,
            )
            case.themes.set(list(data["themes"]))
            case.attachments = _store_attachments(data["attachments"], stored_files)
            municipality.add_child(instance=case)
            case.save_revision()
            case.get_workflow().start(case, user=None)
    except Exception:
        for stored in stored_files:
            stored.storage.delete(stored.name)
        raise
    transaction.on_commit(lambda: notify(case))
    return case


def notify(case):
    """Tell the editors there is something to review, and thank the submitter. The case is stored by now: a mail
    that cannot be sent is logged, never an error for the submitter. The mails are in the site's language, not in
    the one the submitter's browser asked for."""
    context = {
        "case": case,
        "admin_url": f"{settings.SITE_BASE_URL}/admin/pages/{case.pk}/edit/",
        "reference": submission_reference(case),
    }
    recipients = editor_emails() or [settings.EDITORS_EMAIL]
    deliveries = {
        "submission_to_editors.txt": lambda: send_mail(
            single_line(_("Nieuwe inzending: %(title)s") % {"title": case.title}),
            render_to_string("knowledge/email/submission_to_editors.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        ),
        "submission_confirmation.txt": lambda: send_to_submitter(
            case, gettext_lazy("Bedankt voor uw praktijkvoorbeeld"), "submission_confirmation.txt"
        ),
    }
    for template, deliver in deliveries.items():
        try:
            with translation.override(settings.LANGUAGE_CODE):
                deliver()
        except (BadHeaderError, smtplib.SMTPException, OSError) as error:
            logger.error("submission %s: mail %r not sent: %s", case.pk, template, error)
    logger.info("submission %s (%s) from %s", case.pk, slugify(case.title), case.municipality_name)

"""Keeping someone who shared a case through /delen/ informed: each step of the review reaches them by mail.

A public submission enters the review workflow without an account (WorkflowState.requested_by is None), so
Wagtail's own notifications, which go to the requesting user, pass them by; these receivers write to the
contact address given in the form instead. Replies go to the editors, with the reference in the subject.
The submitter has no account to choose a language in: the mails go out in the site's language, whoever's action
(a visitor's, an editor's) sends them.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from knowledge.models import CaseStudyPage


def submission_reference(case):
    return f"WW-{case.pk}"


def public_url(page):
    """The page's address on the public site (settings.SITE_BASE_URL), whatever Site record serves it."""
    return settings.SITE_BASE_URL + page.get_url_parts()[2]


def _subject(text, case):
    return f"{text}: {' '.join(case.title.split())} [{submission_reference(case)}]"


def send_to_submitter(case, subject, template, **context):
    context = {"case": case, "reference": submission_reference(case), "site_url": settings.SITE_BASE_URL, **context}
    with translation.override(settings.LANGUAGE_CODE):
        message = EmailMessage(
            _subject(subject, case),
            render_to_string(f"knowledge/email/{template}", context),
            settings.DEFAULT_FROM_EMAIL,
            [case.contact_email],
            reply_to=[settings.EDITORS_EMAIL],
        )
    message.send()


def submitted_case(workflow_state):
    """The case of this workflow when it came in through the public form, else None. The form starts its first
    workflow without a user; an editor who resubmits it after the submitter answered is the requester from then on."""
    case = CaseStudyPage.objects.filter(pk=workflow_state.object_id).first()
    if case is None or not case.contact_email:
        return None
    from_the_form = WorkflowState.objects.filter(
        base_content_type=workflow_state.base_content_type,
        object_id=workflow_state.object_id,
        requested_by=None,
    ).exists()
    return case if from_the_form else None


def review_comment(workflow_state):
    task_state = workflow_state.current_task_state
    return task_state.specific.get_comment() if task_state else ""


def changes_requested(sender, instance, user=None, **kwargs):
    case = submitted_case(instance)
    if case:
        comment = review_comment(instance)
        transaction.on_commit(
            lambda: send_to_submitter(
                case,
                _("De redactie heeft een vraag over uw praktijkvoorbeeld"),
                "submission_changes_requested.txt",
                comment=comment,
            )
        )


def approved(sender, instance, user=None, **kwargs):
    case = submitted_case(instance)
    if case:
        comment = review_comment(instance)
        transaction.on_commit(
            lambda: send_to_submitter(
                case,
                _("Uw praktijkvoorbeeld staat op Wijkwijs"),
                "submission_published.txt",
                comment=comment,
                case_url=public_url(case),
            )
        )


def declined(request, page):
    """An editor deleted a submission that was never published: the submitter hears that it will not appear."""
    case = page.specific
    if isinstance(case, CaseStudyPage) and case.owner_id is None and not case.first_published_at and case.contact_email:
        transaction.on_commit(
            lambda: send_to_submitter(
                case,
                _("Uw praktijkvoorbeeld wordt niet geplaatst"),
                "submission_declined.txt",
            )
        )

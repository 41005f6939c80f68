"""A question about a case: to its contact person when they agreed to be approached (they chose to be shown on
the case page), otherwise to the editors, who pass it on; a copy to the asker. Neither mail shows the contact
person's address to the asker; replies go straight to the asker. The mails go out in the site's language."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from knowledge.editorial.permissions import editor_emails
from knowledge.submission.mails import public_url


def to_contact_person(case):
    return bool(case.contact_public and case.contact_email)


def send_question(case, name, email, question):
    """Both mails over one connection; an SMTP failure raises before the count is raised."""
    direct = to_contact_person(case)
    recipients = [case.contact_email] if direct else editor_emails() or [settings.EDITORS_EMAIL]
    title = " ".join(case.title.split())
    context = {"case": case, "case_url": public_url(case), "name": name, "email": email, "question": question, "direct": direct}
    with translation.override(settings.LANGUAGE_CODE):
        question_mail = EmailMessage(
            (_("Vraag over uw praktijkvoorbeeld: %(title)s") if direct else _("Vraag voor de contactpersoon van: %(title)s"))
            % {"title": title},
            render_to_string("engagement/email/question.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            recipients,
            reply_to=[email],
        )
        copy = EmailMessage(
            _("Uw vraag over: %(title)s") % {"title": title},
            render_to_string("engagement/email/question_copy.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [email],
            reply_to=[settings.EDITORS_EMAIL],
        )
    get_connection().send_messages([question_mail, copy])

"""The question form of a case page. Nothing of the question is stored: it is mailed, and the case's count
of questions goes up by one."""

import logging
import smtplib

from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from engagement.limits import QUESTION_LIMIT
from engagement.models import CaseQuestionCount
from engagement.questions.forms import QuestionForm
from engagement.questions.mails import send_question, to_contact_person
from knowledge.models import CaseStudyPage

logger = logging.getLogger("wijkwijs.engagement")


def _published_case(case_id):
    return get_object_or_404(CaseStudyPage.objects.published().select_related("municipality"), pk=case_id)


def _form_page(request, case, form, status, **extra):
    context = {"case": case, "form": form, "direct": to_contact_person(case), **extra}
    return render(request, "engagement/ask.html", context, status=status)


def count_question(case):
    counted = CaseQuestionCount.objects.filter(case=case).update(count=F("count") + 1)
    if not counted:
        CaseQuestionCount.objects.get_or_create(case=case, defaults={"count": 1})


@require_http_methods(["GET", "POST"])
def ask(request, case_id):
    case = _published_case(case_id)
    if request.method == "GET":
        return _form_page(request, case, QuestionForm(), 200)
    form = QuestionForm(request.POST)
    if form.is_spam:
        return redirect(reverse("question_sent", args=[case.pk]))
    if not form.is_valid():
        return _form_page(request, case, form, 400)
    if not QUESTION_LIMIT.allowed(request):
        return _form_page(request, case, form, 429, limited=True, limit=QUESTION_LIMIT.per_hour)
    QUESTION_LIMIT.count(request)
    data = form.cleaned_data
    try:
        send_question(case, data["name"], data["email"], data["question"])
    except (OSError, smtplib.SMTPException) as error:
        logger.error("question about case %s not sent: %r", case.pk, error)
        form.add_error(
            None,
            _(
                "Uw vraag kon nu niet worden verstuurd door een storing bij ons. Uw tekst staat hieronder nog; "
                "probeer het later opnieuw."
            ),
        )
        return _form_page(request, case, form, 503)
    count_question(case)
    return redirect(reverse("question_sent", args=[case.pk]))


def question_sent(request, case_id):
    case = _published_case(case_id)
    return render(request, "engagement/ask_sent.html", {"case": case, "direct": to_contact_person(case)})

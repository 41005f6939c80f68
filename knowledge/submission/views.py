import logging

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from knowledge.submission.forms import SubmissionForm
from knowledge.submission.mails import submission_reference
from knowledge.submission.service import create_submission
from knowledge.submission.throttle import SUBMISSIONS_PER_HOUR, count_submission, submission_allowed

THANKS_SESSION_KEY = "submitted_case"
logger = logging.getLogger("wijkwijs.submission")


@require_http_methods(["GET", "POST"])
def submit_case(request):
    if request.method == "GET":
        return render(request, "knowledge/submission_form.html", {"form": SubmissionForm()})
    form = SubmissionForm(request.POST, request.FILES)
    if form.is_spam:
        return redirect(reverse("submission_thanks"))
    if not form.is_valid():
        return render(request, "knowledge/submission_form.html", {"form": form}, status=400)
    if not submission_allowed(request):
        context = {"form": form, "limited": True, "limit": SUBMISSIONS_PER_HOUR, "editors_email": settings.EDITORS_EMAIL}
        return render(request, "knowledge/submission_form.html", context, status=429)
    # Counted before anything is stored or sent: whatever goes wrong later, the attempt counts.
    count_submission(request)
    try:
        case = create_submission(form.cleaned_data)
    except OSError as error:
        logger.error("submission not stored: %s", error)
        form.add_error(
            None,
            _(
                "Uw inzending kon nu niet worden opgeslagen door een storing bij ons; er is niets bewaard. "
                "Probeer het later opnieuw, of stuur haar zonder bijlagen."
            ),
        )
        return render(request, "knowledge/submission_form.html", {"form": form}, status=503)
    request.session[THANKS_SESSION_KEY] = {
        "title": case.title,
        "reference": submission_reference(case),
        "email": case.contact_email,
    }
    return redirect(reverse("submission_thanks"))


def submission_thanks(request):
    return render(request, "knowledge/submission_thanks.html", {"submitted": request.session.pop(THANKS_SESSION_KEY, {})})

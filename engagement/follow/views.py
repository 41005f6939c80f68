"""Following a search without an account: ask for an address, confirm it by mail, unsubscribe in one click."""

import logging
import smtplib

from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from engagement.follow.followed import description, followed_params, stored_query
from engagement.follow.forms import FollowForm
from engagement.follow.links import ExpiredLink, InvalidLink, follow_to_confirm, follow_to_unsubscribe
from engagement.follow.mails import send_confirmation
from engagement.limits import FOLLOW_LIMIT
from engagement.models import Follow
from search.params import InvalidSearchParams

logger = logging.getLogger("wijkwijs.engagement")
SENT_SESSION_KEY = "follow_sent_to"


def _follow_page(request, form, params, status=200, **extra):
    query = stored_query(params)
    context = {
        "form": form,
        "followed": description(params),
        "query": query,
        "search_url": reverse("search") + (f"?{query}" if query else ""),
        "feed_url": reverse("search_feed") + (f"?{query}" if query else ""),
        **extra,
    }
    return render(request, "engagement/follow.html", context, status=status)


def _bad_search(request, error):
    return render(request, "engagement/follow_bad_search.html", {"errors": error.errors}, status=400)


@require_http_methods(["GET", "POST"])
def follow(request):
    if request.method == "GET":
        try:
            params = followed_params(request.GET)
        except InvalidSearchParams as error:
            return _bad_search(request, error)
        return _follow_page(request, FollowForm(initial={"query": stored_query(params)}), params)
    form = FollowForm(request.POST)
    try:
        params = followed_params(QueryDict(request.POST.get("query", "")))
    except InvalidSearchParams as error:
        return _bad_search(request, error)
    if form.is_spam:
        return redirect(reverse("follow_sent"))
    if not form.is_valid():
        return _follow_page(request, form, params, status=400)
    if not FOLLOW_LIMIT.allowed(request):
        return _follow_page(request, form, params, status=429, limited=True)
    FOLLOW_LIMIT.count(request)
    follow, created = Follow.objects.get_or_create(email=form.cleaned_data["email"].lower(), query=stored_query(params))
    # A confirmed address gets no second confirmation; the answer is the same, so the page tells no one
    # whether an address already follows this search.
    if not follow.confirmed:
        try:
            send_confirmation(follow)
        except (OSError, smtplib.SMTPException) as error:
            logger.error("follow confirmation not sent: %r", error)
            if created:
                follow.delete()
            form.add_error(
                None, _("De bevestigingsmail kon nu niet worden verstuurd door een storing bij ons. Probeer het later opnieuw.")
            )
            return _follow_page(request, form, params, status=503)
    request.session[SENT_SESSION_KEY] = follow.email
    return redirect(reverse("follow_sent"))


def follow_sent(request):
    return render(request, "engagement/follow_sent.html", {"email": request.session.pop(SENT_SESSION_KEY, "")})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: a mail program that opens links to scan them confirms nothing."""
    try:
        follow = follow_to_confirm(token)
    except ExpiredLink as expired:
        query = expired.args[0]
        again = reverse("follow") + (f"?{query}" if query else "")
        return render(request, "engagement/follow_link_problem.html", {"expired": True, "again_url": again}, status=410)
    except InvalidLink:
        return render(request, "engagement/follow_link_problem.html", {"again_url": reverse("follow")}, status=400)
    if request.method == "POST" and not follow.confirmed:
        follow.confirmed = True
        follow.digest_sent_until = timezone.now()
        follow.save(update_fields=["confirmed", "digest_sent_until"])
    context = {"follow": follow, "followed": description(followed_params(QueryDict(follow.query)))}
    return render(request, "engagement/follow_confirm.html", context)


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" without a session; the signed link is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        follow = follow_to_unsubscribe(token)
    except InvalidLink:
        return render(request, "engagement/follow_link_problem.html", {"again_url": reverse("follow")}, status=400)
    if request.method == "POST":
        if follow is not None:
            follow.delete()
        return render(request, "engagement/unsubscribed.html")
    if follow is None:
        return render(request, "engagement/unsubscribed.html")
    return render(request, "engagement/unsubscribe.html", {"followed": description(followed_params(QueryDict(follow.query)))})

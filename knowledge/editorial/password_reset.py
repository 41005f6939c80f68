"""The admin's password reset, with a limit: without one, anyone could send an account a mail a millisecond."""

import logging

from django.http import HttpResponseRedirect
from wagtail.admin.views.account import PasswordResetView

from core.client_address import client_address
from core.counters import count

RESETS_PER_HOUR_PER_ACCOUNT = 3
RESETS_PER_HOUR_PER_ADDRESS = 10
WINDOW_SECONDS = 3600
logger = logging.getLogger("wijkwijs.accounts")


class LimitedPasswordResetView(PasswordResetView):
    """Over the limit the answer is the same as always ("if the address is known, a mail is on its way"), so that
    it tells nothing about which addresses exist; only no mail is sent."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        per_account = count(f"password-reset:account:{email}", WINDOW_SECONDS)
        per_address = count(f"password-reset:address:{client_address(self.request)}", WINDOW_SECONDS)
        if per_account > RESETS_PER_HOUR_PER_ACCOUNT or per_address > RESETS_PER_HOUR_PER_ADDRESS:
            logger.warning("password reset refused: over the hourly limit (%s, %s)", per_account, per_address)
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)

"""The second login step: a password alone is a half login until the code from the app is given."""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp import user_has_device

from twofactor.policy import required_for

# What a half signed-in user may still reach: the code page, logging in again or out, and what those pages load.
OPEN_URL_NAMES = {
    "twofactor_verify",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


class TwoFactorMiddleware:
    """Sends a signed-in user whose app is set up to the code page until the code is given, anywhere on the site,
    and where two-factor is required for them (ADMIN_2FA_REQUIRED) a user without an app to its setup.
    Needs django-otp's OTPMiddleware before it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified() or request.resolver_match.url_name in OPEN_URL_NAMES:
            return None
        if user_has_device(user):
            return redirect_to_login(request.get_full_path(), reverse("twofactor_verify"))
        if required_for(user) and request.resolver_match.url_name != "twofactor_setup":
            return redirect_to_login(request.get_full_path(), reverse("twofactor_setup"))
        return None

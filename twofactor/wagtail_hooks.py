from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks
from wagtail.admin.widgets import Button

from twofactor import views
from twofactor.policy import can_reset


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/", views.ManageView.as_view(), name="twofactor_manage"),
        path("2fa/code/", views.VerifyView.as_view(), name="twofactor_verify"),
        path("2fa/instellen/", views.SetupView.as_view(), name="twofactor_setup"),
        path("2fa/uitzetten/<int:user_id>/", views.ResetView.as_view(), name="twofactor_reset"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("twofactor_manage"),
        "label": _("Tweestapsverificatie"),
        "help_text": _("Na uw wachtwoord een code uit een app op uw telefoon, zodat een gestolen wachtwoord niet genoeg is."),
    }


def users_with_an_app(request_user):
    """The ids of users with a confirmed device, read once per listing (Wagtail asks for each row's buttons)."""
    if not hasattr(request_user, "_twofactor_user_ids"):
        request_user._twofactor_user_ids = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    return request_user._twofactor_user_ids


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if can_reset(request_user, user) and user.pk in users_with_an_app(request_user):
        url = reverse("twofactor_reset", args=[user.pk])
        yield Button(_("Tweestapsverificatie uitzetten"), url, icon_name="key", priority=100)

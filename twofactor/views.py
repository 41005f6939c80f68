"""Admin pages to give the code after the password, to set up the app, and to switch two-factor off."""

import logging

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import RedirectURLMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from twofactor.devices import (
    activate,
    device_of,
    new_key,
    qr_code_data_uri,
    readable_secret,
    remove_devices,
    unsaved_device,
)
from twofactor.forms import DeviceCodeForm, SetupForm
from twofactor.policy import can_reset, required_for

logger = logging.getLogger("wijkwijs.twofactor")
PENDING_KEY = "twofactor_pending_key"


def _sign_in_with(request, device):
    otp_login(request, device)
    # A session that has passed the second step gets a new key, as at the password step.
    request.session.cycle_key()


class _AdminPage(WagtailAdminTemplateMixin):
    header_icon = "key"
    breadcrumbs_items = []


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class VerifyView(RedirectURLMixin, FormView):
    """The second step of the login, for a user whose app is set up."""

    template_name = "twofactor/verify.html"
    form_class = DeviceCodeForm
    next_page = "wagtailadmin_home"

    def dispatch(self, request, *args, **kwargs):
        self.device = device_of(request.user)
        if self.device is None or request.user.is_verified():
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, next=self.get_redirect_url())

    def form_valid(self, form):
        _sign_in_with(self.request, self.device)
        return redirect(self.get_success_url())


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class ManageView(_AdminPage, FormView):
    """Whether two-factor is on; with a current code the user switches it off."""

    template_name = "twofactor/manage.html"
    page_title = gettext_lazy("Tweestapsverificatie")
    form_class = DeviceCodeForm

    def dispatch(self, request, *args, **kwargs):
        self.device = device_of(request.user)
        if self.device is None and request.method == "POST":
            return redirect("twofactor_manage")
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return super().get_form(form_class) if self.device else None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, device=self.device, required=required_for(self.request.user))

    def form_valid(self, form):
        remove_devices(self.request.user)
        messages.success(self.request, _("Tweestapsverificatie staat uit. U logt voortaan in met alleen uw wachtwoord."))
        return redirect("twofactor_manage")


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class SetupView(RedirectURLMixin, _AdminPage, FormView):
    """Scan the QR code (or type the secret) into an authenticator app and confirm with its first code. The secret
    waits in the session until then, so an abandoned setup leaves nothing behind."""

    template_name = "twofactor/setup.html"
    page_title = gettext_lazy("Tweestapsverificatie instellen")
    form_class = SetupForm
    next_page = "twofactor_manage"

    def dispatch(self, request, *args, **kwargs):
        if device_of(request.user) is not None:
            return redirect("twofactor_manage")
        key = request.session.setdefault(PENDING_KEY, new_key())
        self.device = unsaved_device(request.user, key)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            qr_code=qr_code_data_uri(self.device),
            secret=readable_secret(self.device),
            required=required_for(self.request.user),
            next=self.get_redirect_url(),
        )

    def form_valid(self, form):
        activate(self.device)
        del self.request.session[PENDING_KEY]
        _sign_in_with(self.request, self.device)
        messages.success(
            self.request,
            _("Tweestapsverificatie staat aan. Na uw wachtwoord vraagt Wijkwijs voortaan een code uit de app."),
        )
        return redirect(self.get_success_url())


class ResetView(_AdminPage, TemplateView):
    """A user manager switches two-factor off for someone who lost their phone; they set it up again."""

    template_name = "twofactor/reset.html"
    page_title = gettext_lazy("Tweestapsverificatie uitzetten")

    def dispatch(self, request, user_id):
        self.account = get_object_or_404(get_user_model(), pk=user_id)
        if not can_reset(request.user, self.account):
            raise PermissionDenied
        return super().dispatch(request, user_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, account=self.account, device=device_of(self.account))

    def post(self, request, user_id):
        remove_devices(self.account)
        logger.info("Two-factor authentication of %s switched off by %s", self.account, request.user)
        messages.success(request, _("Tweestapsverificatie van %(user)s staat uit.") % {"user": self.account})
        return redirect("wagtailusers_users:index")

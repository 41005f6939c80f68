"""The code from the authenticator app, when it is set up and at every login."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp import verify_token

from twofactor.devices import accept_first_code

WRONG_CODE = _("Deze code klopt niet. Controleer de tijd op uw telefoon en gebruik de code die de app nu toont.")


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True, "size": 8})
        super().__init__(
            label=_("Code uit de app"),
            help_text=_("De zes cijfers die de app nu toont."),
            max_length=12,
            widget=widget,
            **kwargs,
        )

    def clean(self, value):
        code = "".join(super().clean(value).split())
        if not code.isdigit() or len(code) != 6:
            raise ValidationError(_("Vul de zes cijfers uit de app in."))
        return code


class _CodeForm(forms.Form):
    code = CodeField()

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.check(code)
        return code


class DeviceCodeForm(_CodeForm):
    """A code of the user's device. After a wrong code django-otp makes the next attempt wait 1, 2, 4, ... seconds."""

    def check(self, code):
        if not self.device.verify_is_allowed()[0]:
            raise ValidationError(_("Te veel onjuiste codes na elkaar. Wacht even en probeer het opnieuw."))
        if verify_token(self.device.user, self.device.persistent_id, code) is None:
            raise ValidationError(WRONG_CODE)


class SetupForm(_CodeForm):
    """The first code of a new device proves that the app has the secret."""

    def check(self, code):
        if not accept_first_code(self.device, code):
            raise ValidationError(WRONG_CODE)

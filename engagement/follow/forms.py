from django import forms
from django.utils.translation import gettext_lazy as _


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_("U krijgt eerst een mail om te bevestigen. Daarna hoogstens één overzicht per week."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Dit is geen geldig e-mailadres, bijvoorbeeld naam@gemeente.nl."),
        },
    )
    # The followed search travels with the form: the page shows it, the POST stores it.
    query = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

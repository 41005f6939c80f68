from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.text import LINE_BREAKS, without_control_characters

QUESTION_MAX_LENGTH = 2000


def one_line(value):
    if LINE_BREAKS.search(value):
        raise ValidationError(_("Gebruik hier geen regeleinden: alles op één regel."))


class QuestionForm(forms.Form):
    name = forms.CharField(
        label=_("Uw naam"), max_length=120, validators=[one_line], error_messages={"required": _("Vul uw naam in.")}
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_("Hier komt het antwoord naartoe, en u krijgt een kopie van uw vraag."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Dit is geen geldig e-mailadres, bijvoorbeeld naam@gemeente.nl."),
        },
    )
    question = forms.CharField(
        label=_("Uw vraag"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Schrijf uw vraag.")},
    )
    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))

    def clean_name(self):
        return without_control_characters(self.cleaned_data["name"]).strip()

    def clean_question(self):
        return without_control_characters(self.cleaned_data["question"])

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

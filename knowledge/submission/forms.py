from django import forms
from django.utils.translation import gettext_lazy as _

from knowledge.models import Theme
from knowledge.municipalities import current_municipalities
from knowledge.provinces import Province
from knowledge.submission.uploads import MAX_FILES, validate_upload

NEW_MUNICIPALITY = "__nieuw__"
CURRENT_YEAR_MAX = 2100
SUMMARY_MAX_LENGTH = 600


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("U kunt hoogstens %(max)s bijlagen meesturen.") % {"max": MAX_FILES})
        cleaned = [super(MultipleFileField, self).clean(upload, initial) for upload in files]
        errors = []
        for upload in cleaned:
            try:
                validate_upload(upload)
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


def lines_field(label, help_text):
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=help_text, max_length=2000
    )


class SubmissionForm(forms.Form):
    """'Deel uw praktijkvoorbeeld': everything a case needs, for staff without an account."""

    new_municipality_choice = NEW_MUNICIPALITY

    title = forms.CharField(
        label=_("Titel"), max_length=255, help_text=_("Kort en concreet, bijvoorbeeld ‘Wijkbudget in handen van bewoners’.")
    )
    municipality = forms.ChoiceField(label=_("Gemeente"))
    new_municipality = forms.CharField(
        label=_("Naam van de gemeente"),
        max_length=100,
        required=False,
        help_text=_("Alleen invullen als uw gemeente niet in de lijst staat."),
    )
    new_province = forms.ChoiceField(label=_("Provincie"), required=False, choices=[("", "—"), *Province.choices])
    summary = forms.CharField(
        label=_("Samenvatting"),
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Twee of drie zinnen: wat is er gedaan en wat leverde het op? Hoogstens 600 tekens."),
    )
    body = forms.CharField(
        label=_("Beschrijving"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Aanleiding, aanpak en wie er meededen. Witregels maken alinea's."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
    )
    year_start = forms.IntegerField(label=_("Startjaar"), min_value=1900, max_value=CURRENT_YEAR_MAX, required=False)
    year_end = forms.IntegerField(
        label=_("Eindjaar"),
        min_value=1900,
        max_value=CURRENT_YEAR_MAX,
        required=False,
        help_text=_("Leeg laten als de aanpak nog loopt."),
    )
    neighbourhoods = lines_field(_("Wijken en buurten"), _("Eén per regel."))
    partners = lines_field(_("Partners"), _("Eén per regel."))
    results = forms.CharField(label=_("Resultaten"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    lessons_learned = forms.CharField(
        label=_("Geleerde lessen"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    attachments = MultipleFileField(
        label=_("Bijlagen"),
        required=False,
        help_text=_("PDF, Office-documenten of afbeeldingen, hoogstens 5 bestanden van 10 MB."),
    )
    contact_name = forms.CharField(label=_("Uw naam"), max_length=120)
    contact_role = forms.CharField(label=_("Uw functie"), max_length=120, required=False)
    contact_email = forms.EmailField(label=_("Uw e-mailadres"), max_length=254)
    consent = forms.BooleanField(
        label=_(
            "Ik geef toestemming om mijn gegevens op te slaan, "
            "zodat de redactie contact met mij kan opnemen over dit praktijkvoorbeeld."
        ),
        error_messages={"required": _("Zonder uw toestemming kunnen we de inzending niet bewaren.")},
    )
    contact_public = forms.BooleanField(
        label=_("Toon mijn naam, functie en e-mailadres bij het praktijkvoorbeeld, zodat collega's mij kunnen benaderen."),
        required=False,
    )
    # Honeypot: hidden from people, filled in by robots.
    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        municipalities = [(municipality.cbs_code, municipality.name) for municipality in current_municipalities()]
        self.fields["municipality"].choices = [
            ("", _("Kies uw gemeente")),
            *municipalities,
            (NEW_MUNICIPALITY, _("Mijn gemeente staat er niet bij")),
        ]
        # A browser's maxlength cuts pasted text off without a word; the counter next to the field warns instead,
        # and validation refuses what is too long.
        self.fields["summary"].widget.attrs.pop("maxlength")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("municipality") == NEW_MUNICIPALITY:
            if not cleaned.get("new_municipality"):
                self.add_error("new_municipality", _("Vul de naam van uw gemeente in."))
            if not cleaned.get("new_province"):
                self.add_error("new_province", _("Kies de provincie van uw gemeente."))
        start, end = cleaned.get("year_start"), cleaned.get("year_end")
        if start and end and end < start:
            self.add_error("year_end", _("Het eindjaar ligt vóór het startjaar."))
        return cleaned

    @property
    def chosen_attachment_names(self):
        """The files the visitor chose: a browser forgets them when the form comes back with an error."""
        return [upload.name for upload in self.files.getlist("attachments")] if self.files else []

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

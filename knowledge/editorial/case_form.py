"""The admin form of a case: themes as checkboxes with their descriptions, and the words that guide a contributor."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import HelpPanel

from knowledge.editorial.permissions import is_editor
from knowledge.editorial.references import ChoosableReferencesForm
from knowledge.models.theme import Theme

# Who may change the fields a contributor does not need (external key, licence, review date, slug, ...).
MANAGE_CASE_DETAILS = "knowledge.manage_case_details"


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """The curated themes to tick, each with its description, as the public form /delen/ offers them."""

    widget = forms.CheckboxSelectMultiple(attrs={"class": "theme-choices"})

    def __init__(self, **kwargs):
        super().__init__(queryset=Theme.objects.order_by("name"), required=False, **kwargs)

    def label_from_instance(self, theme):
        if not theme.description:
            return theme.name
        return format_html(
            '<span><strong>{}</strong><span class="theme-choices__description">{}</span></span>', theme.name, theme.description
        )


class CaseStudyPageForm(ChoosableReferencesForm, WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "themes" in self.fields:
            field = self.fields["themes"]
            self.fields["themes"] = ThemeChoiceField(
                label=field.label, help_text=_("Vink de thema's aan die bij dit praktijkvoorbeeld passen.")
            )
            if self.instance.pk:
                self.initial["themes"] = [theme.pk for theme in self.instance.themes.all()]

    def clean_tags(self):
        """'Participatie, Wijkgesprek' pasted into the tag field arrives as one tag: it is meant as two."""
        tags = self.cleaned_data.get("tags") or []
        return list(dict.fromkeys(part.strip() for tag in tags for part in tag.split(",") if part.strip()))


class NextStepPanel(HelpPanel):
    """For contributors, above the form: what happens to the case next. Editors know; they do not see it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "knowledge/admin/next_step_panel.html")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return not is_editor(self.request.user)

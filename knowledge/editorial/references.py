"""What a user may refer to: the documents, images and pages a form, a block, a chooser or the admin API lets
them use.

Wagtail's choosers list only what a user may choose, but a form takes any id it is sent. The rule is asked here,
once, by all of them: documents and images through their permission policy (the municipality's collection for
its contributors, see editorial/media_permissions.py), pages as the page chooser shows them (live pages and the
user's own, see editorial/page_access.py). Editors may use everything.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamValue
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.models import Page
from wagtail.permissions import policy_registry

from knowledge.editorial.page_access import live_or_editable

NOT_CHOOSABLE = _("Dit document, deze afbeelding of deze pagina mag u niet gebruiken. Kies er een uit uw eigen gemeente.")


def choosable(user, model):
    """The objects of this model (a page, document or image model) the user may choose."""
    if issubclass(model, Page):
        return live_or_editable(model._default_manager.all(), user)
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, ["choose"])


def is_reference_model(model):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return issubclass(model, (Page, get_document_model(), get_image_model()))


def restrict_choice(field, user, kept=()):
    """Let a model choice field accept only what the user may choose, and what it held already (a reference an
    editor made stays when a contributor saves the page)."""
    model = field.queryset.model
    allowed = choosable(user, model)
    kept = [pk for pk in kept if pk not in (None, "")]
    if kept:
        allowed = allowed | model._default_manager.filter(pk__in=kept)
    field.queryset = allowed
    field.error_messages["invalid_choice"] = NOT_CHOOSABLE


def _takes_a_reference(field):
    return isinstance(field, forms.ModelChoiceField) and is_reference_model(field.queryset.model)


def _pks(initial):
    """The pks in a field's initial value: none, a pk, an object, or (many-to-many) a list or queryset of them."""
    if initial is None or isinstance(initial, (str, int, Model)):
        initial = [initial]
    return [getattr(value, "pk", value) for value in initial]


def _references(block, value):
    return {(model, str(object_id)) for model, object_id, _path, _content_path in block.extract_references(value)}


def _allowed(user, references):
    by_model = {}
    for model, object_id in references:
        by_model.setdefault(model, set()).add(object_id)
    allowed = set()
    for model, ids in by_model.items():
        found = choosable(user, model).filter(pk__in=[int(pk) for pk in ids if pk.isdigit()]).values_list("pk", flat=True)
        allowed |= {(model, str(pk)) for pk in found}
    return allowed


def check_stream_references(stream_block, value, user, kept=None):
    """Refuse the blocks of a StreamField value (at any depth, rich-text links included) that refer to a
    document, image or page the user may not choose; `kept` is the value the page held already."""
    if not isinstance(value, StreamValue):
        return
    already = _references(stream_block, kept) if isinstance(kept, StreamValue) else set()
    per_block = [_references(child.block, child.value) - already for child in value]
    allowed = _allowed(user, set().union(*per_block))
    errors = {index: ValidationError(NOT_CHOOSABLE) for index, references in enumerate(per_block) if references - allowed}
    if errors:
        raise StreamBlockValidationError(block_errors=errors)


class ChoosableReferencesForm:
    """A mixin for Wagtail admin forms (pages and their inline panels): every document, image and page field,
    and every StreamField, accepts only what the form's user may choose."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if user is None:
            return
        for name, field in self.fields.items():
            if _takes_a_reference(field):
                restrict_choice(field, user, kept=_pks(self.initial.get(name)))
        for formset in getattr(self, "formsets", {}).values():
            held = list(formset.get_queryset())  # what the page holds already, in this inline panel
            for form in formset.forms:
                for name, field in form.fields.items():
                    if _takes_a_reference(field):
                        restrict_choice(field, user, kept=[child.serializable_value(name) for child in held])

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        if user is None:
            return cleaned_data
        for name, field in self.fields.items():
            block = getattr(field, "block", None)
            if block is None or name not in cleaned_data:
                continue
            try:
                check_stream_references(block, cleaned_data[name], user, kept=getattr(self.instance, name, None))
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned_data

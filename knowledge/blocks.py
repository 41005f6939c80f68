from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

BODY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("afbeelding"))
    alt_text = blocks.CharBlock(
        label=_("alternatieve tekst"), required=False, help_text=_("Beschrijf wat er op de afbeelding te zien is.")
    )
    caption = blocks.CharBlock(label=_("onderschrift"), required=False)

    class Meta:
        icon = "image"
        template = "knowledge/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citaat"))
    attribution = blocks.CharBlock(label=_("wie zei het"), required=False)

    class Meta:
        icon = "openquote"
        template = "knowledge/blocks/quote.html"


class CaseBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("tussenkop"), form_classname="title", icon="title", template="knowledge/blocks/heading.html"
    )
    # Not required: a new case opens with an empty paragraph (see without_empty_paragraphs).
    paragraph = blocks.RichTextBlock(label=_("tekst"), features=BODY_FEATURES, required=False)
    image = ImageBlock(label=_("afbeelding"))
    quote = QuoteBlock(label=_("citaat"))
    document = DocumentChooserBlock(label=_("document"), template="knowledge/blocks/document.html")


def without_empty_paragraphs(body):
    """The body without paragraphs that hold no text (such as the one a new case starts with).

    Read from the stored form, so that a case's images and documents are not fetched just to be looked past.
    """
    raw = list(body.raw_data)
    kept = [item for item in raw if not (item["type"] == "paragraph" and not strip_tags(item.get("value") or "").strip())]
    return body if len(kept) == len(raw) else kept

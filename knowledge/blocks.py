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
    heading = blocks.CharBlock(label=_("tussenkop"), form_classname="title", icon="title", template="knowledge/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("tekst"), features=BODY_FEATURES)
    image = ImageBlock(label=_("afbeelding"))
    quote = QuoteBlock(label=_("citaat"))
    document = DocumentChooserBlock(label=_("document"), template="knowledge/blocks/document.html")

"""StreamField blocks shared by every page body (news, directives, home page)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# A small, safe feature set: editors are not web specialists and pasted Word markup stays out.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline valid for screen readers."""

    text = blocks.CharBlock(label=_("Heading text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Kết quả xây dựng nông thôn mới", "level": "h2"}
        description = _("A heading that divides the body into sections.")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with the alt text that readers of screen readers need, a caption and a credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("An image with alternative text, caption and credit.")


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person it is attributed to."""

    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attributed to"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "Xây dựng nông thôn mới là nhiệm vụ thường xuyên, liên tục.",
            "attribution": "Ban Chỉ đạo tỉnh",
        }
        description = _("A highlighted quotation.")


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a downloadable document with a readable title."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_link_block.html"
        description = _("A link to download a document.")


class GalleryBlock(blocks.StructBlock):
    """A set of images shown together."""

    title = blocks.CharBlock(label=_("Gallery title"), required=False, max_length=255)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Image gallery")
        template = "blocks/gallery_block.html"
        description = _("Several images shown as a gallery.")


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every content page starts from."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=PARAGRAPH_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Text with bold, italic, lists and links."),
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(
        label=_("Table"),
        template="blocks/table_block.html",
        description=_("A table of figures or text."),
    )
    video = EmbedBlock(
        label=_("Embedded video"),
        icon="media",
        template="blocks/embed_block.html",
        description=_("A video from YouTube or another provider, by its address."),
    )
    document = DocumentLinkBlock()
    gallery = GalleryBlock()

"""StreamField blocks shared by every page body (news, directives), and the home page sections."""

import json

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

# What the editor's scripts send can be forged: a value they could not have sent is marked
# unreadable and refused by the block's clean, so the form shows an error instead of a 500.
UNREADABLE_INPUT_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError)


def unreadable_input_error():
    return ValidationError(
        _(
            "The editor sent content that cannot be read. Reload the page and enter this "
            "block again."
        ),
        code="unreadable",
    )


class UnreadableRichText(str):
    """The source of a rich-text value whose editor data could not be read (never stored)."""

    def __new__(cls):
        return super().__new__(cls, "<!-- unreadable editor input -->")


class UnreadableTable(dict):
    """A table value that was not the table editor's JSON object (never stored)."""

    def __init__(self):
        super().__init__(unreadable=True)


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


class TextRequiredRichTextBlock(blocks.RichTextBlock):
    """Rich text that must say something: the editor's empty paragraph ("<p></p>") is no text.

    Wagtail only refuses an empty string, so a paragraph left blank in the editor would reach
    review and readers as an empty block.
    """

    def value_from_datadict(self, data, files, prefix):
        try:
            return super().value_from_datadict(data, files, prefix)
        except UNREADABLE_INPUT_ERRORS:
            return RichText(UnreadableRichText())

    def clean(self, value):
        if isinstance(value.source, UnreadableRichText):
            raise unreadable_input_error()
        value = super().clean(value)
        source = value.source
        if self.required and not strip_tags(source).strip() and "<embed" not in source:
            raise ValidationError(self.field.error_messages["required"], code="required")
        return value


class CheckedTableBlock(TableBlock):
    """Wagtail's table, refusing with a form error a value that is not a JSON object."""

    def value_from_form(self, value):
        try:
            table = json.loads(value)
        except (TypeError, ValueError):
            return UnreadableTable()
        return table if isinstance(table, dict) or table is None else UnreadableTable()

    def clean(self, value):
        if isinstance(value, UnreadableTable):
            raise unreadable_input_error()
        return super().clean(value)


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every content page starts from."""

    paragraph = TextRequiredRichTextBlock(
        label=_("Paragraph"),
        features=PARAGRAPH_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Text with bold, italic, lists and links."),
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = CheckedTableBlock(
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


# Home page sections. home/ does not import the content apps: choosers name their page types
# by label and the sections call the pages' own listing methods (``latest_news``,
# ``featured_news``, ``latest_directives``).

NEWS_INDEX = "articles.NewsIndexPage"
NEWS_PAGE = "articles.NewsPage"
DIRECTIVE_INDEX = "directives.DirectiveIndexPage"


def _live(page):
    """The chosen page if readers can see it, as its specific type; else None."""
    if page is None or not page.live or page.get_view_restrictions().exists():
        return None
    return page.specific


class HomeSectionBlock(blocks.StructBlock):
    """A titled list of pages on the home page; subclasses say which pages."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the section's own title."),
    )
    count = blocks.IntegerBlock(label=_("Number of items"), default=5, min_value=1, max_value=12)

    def source(self, value):
        """The chosen page the section lists from, if readers may see it; asked once a render."""
        return None

    def items(self, value, source):
        raise NotImplementedError

    def default_heading(self, value, source):
        return source.title if source else ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        source = self.source(value)
        context["items"] = self.items(value, source)
        context["heading"] = value.get("heading") or self.default_heading(value, source)
        return context


class FeaturedNewsBlock(HomeSectionBlock):
    """Tin nổi bật: news picked by hand, or else the newest news flagged as featured."""

    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=NEWS_PAGE, label=_("News item")),
        label=_("News picked by hand"),
        min_num=0,
        help_text=_("Leave empty to show the newest news marked as featured."),
    )
    section = blocks.PageChooserBlock(
        page_type=NEWS_INDEX,
        label=_("News section"),
        required=False,
        help_text=_("Where featured news are taken from when none are picked by hand."),
    )

    def items(self, value, source):
        picked = [page for page in map(_live, value.get("pages") or []) if page]
        if picked:
            return picked[: value["count"]]
        section = _live(value.get("section"))
        return list(section.featured_news(value["count"])) if section else []

    def default_heading(self, value, source):
        return _("Featured news")

    class Meta:
        icon = "pick"
        label = _("Featured news")
        template = "blocks/featured_news_block.html"
        description = _("The news the board wants readers to see first.")


class CategoryNewsBlock(HomeSectionBlock):
    """The latest news of one category (news section)."""

    category = blocks.PageChooserBlock(page_type=NEWS_INDEX, label=_("News section"))

    def source(self, value):
        return _live(value.get("category"))

    def items(self, value, source):
        return list(source.latest_news(value["count"])) if source else []

    class Meta:
        icon = "list-ul"
        label = _("Latest news of a section")
        template = "blocks/page_list_block.html"
        description = _("The newest news of the section you choose.")


class LatestDirectivesBlock(HomeSectionBlock):
    """The latest documents of a directive register."""

    register = blocks.PageChooserBlock(page_type=DIRECTIVE_INDEX, label=_("Document register"))

    def source(self, value):
        return _live(value.get("register"))

    def items(self, value, source):
        return list(source.latest_directives(value["count"])) if source else []

    class Meta:
        icon = "doc-full"
        label = pgettext_lazy("directive", "Latest documents")
        template = "blocks/page_list_block.html"
        description = _("The newest directives and documents of a register.")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the portal or to another site."""

    title = blocks.CharBlock(label=_("Link text"), max_length=255)
    page = blocks.PageChooserBlock(label=_("Page of the portal"), required=False)
    url = blocks.URLBlock(label=_("Or another address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or give an address."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class NoticesBlock(blocks.StructBlock):
    """A strip of short notices (thông báo) across the home page."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=100, default="Thông báo")
    notices = blocks.ListBlock(LinkBlock(), label=_("Notices"), min_num=1)

    class Meta:
        icon = "warning"
        label = _("Notices strip")
        template = "blocks/notices_block.html"
        preview_value = {
            "heading": "Thông báo",
            "notices": [{"title": "Lịch tiếp công dân tháng 12", "url": "https://example.gov.vn"}],
        }
        description = _("Short announcements shown as a strip.")


class RelatedLinksBlock(blocks.StructBlock):
    """A titled list of links, such as the sites of related agencies."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=255)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "link"
        label = _("Related links")
        template = "blocks/related_links_block.html"
        preview_value = {
            "heading": "Liên kết",
            "links": [
                {"title": "Cổng thông tin điện tử tỉnh Hà Tĩnh", "url": "https://hatinh.gov.vn"}
            ],
        }
        description = _("A list of links to pages or other sites.")


class HomePageStreamBlock(BaseStreamBlock):
    """What editors compose the home page from: the body blocks plus the home sections."""

    featured_news = FeaturedNewsBlock()
    category_news = CategoryNewsBlock()
    latest_directives = LatestDirectivesBlock()
    notices = NoticesBlock()
    related_links = RelatedLinksBlock()

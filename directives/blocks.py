"""Body blocks of a directive page: the shared body plus the document's key points."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BaseStreamBlock


class KeyPointsBlock(blocks.StructBlock):
    """The main points of a document, so readers need not open the signed file for the gist."""

    heading = blocks.CharBlock(
        label=_("Heading"), max_length=255, required=False, default="Nội dung chính"
    )
    points = blocks.ListBlock(
        blocks.CharBlock(label=_("Point"), max_length=500), label=_("Points"), min_num=1
    )

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "blocks/key_points_block.html"
        preview_value = {
            "heading": "Nội dung chính",
            "points": [
                "Phấn đấu đến năm 2030, tiềm lực khoa học, công nghệ đạt mức tiên tiến.",
                "Hoàn thành xây dựng chính phủ số, kinh tế số.",
            ],
        }
        description = _("A short list of the document's main points.")


class DirectiveStreamBlock(BaseStreamBlock):
    """The shared body blocks (text, tables, document links) and the key points."""

    key_points = KeyPointsBlock()

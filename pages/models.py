"""General information pages ("Giới thiệu", "Chức năng nhiệm vụ", terms of use, ...).

They are not news (no date, no category, no feed) and not documents: a title, a lead and a
body of the shared blocks, nested as deep as the agency needs (an introduction with its
sub-pages).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.queries import without_private_sections
from home.blocks import BaseStreamBlock
from home.indexing import stream_text
from home.models import BasePage


class InformationPage(BasePage):
    """A page of standing information about the agency, with optional sub-pages."""

    lead = models.TextField(
        _("lead"),
        blank=True,
        max_length=1000,
        help_text=_("One or two sentences shown under the title."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage", "pages.InformationPage"]
    subpage_types = ["pages.InformationPage"]

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    def search_summary(self):
        return self.lead

    def search_body(self):
        return stream_text(self, "body")

    def subpages(self):
        """The live, public sub-pages, in the order editors gave them."""
        return without_private_sections(InformationPage.objects.child_of(self).live()).order_by(
            "path"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = list(self.subpages())
        return context

"""The home page, the page base every page type shares, and the site-wide footer settings."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import DIRECTIVE_INDEX, NEWS_INDEX, HomePageStreamBlock
from home.forms import PortalPageForm
from home.search import SearchablePage, folded_search_fields
from home.text import vietnamese_slugify


class BasePage(SearchablePage, Page):
    """Every page of the portal: ASCII slugs from Vietnamese titles, accent-insensitive search."""

    base_form_class = PortalPageForm
    search_fields = Page.search_fields + folded_search_fields()

    class Meta:
        abstract = True

    def og_image(self):
        """The image that link previews (Open Graph, Twitter cards) show; page types override."""
        return None

    def full_clean(self, *args, **kwargs):
        self.slug = vietnamese_slugify(self.slug or self.title)
        super().full_clean(*args, **kwargs)


class HomePage(BasePage):
    """The portal's front page; there is one per site, at the root of the tree."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=1000,
        help_text=_("A short welcome shown at the top of the home page."),
    )
    body = StreamField(
        HomePageStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "Sections of the home page. While this is empty the home page shows the featured "
            "news, the latest news of each section and the latest documents."
        ),
    )

    parent_page_types = ["wagtailcore.Page"]  # only at the root: one home page per site
    max_count_per_parent = 1
    # the site's sections; named by string so that home imports none of the content apps
    subpage_types = [
        "directives.DirectiveIndexPage",
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
    ]

    def search_summary(self):
        return self.intro

    def sections(self):
        """The blocks the home page shows: the editors' composition, or the default one."""
        return self.body if self.body else self.default_sections()

    def default_sections(self):
        """Featured and latest news and the latest documents, so a new site is never empty."""
        news_indexes = self._live_sections(NEWS_INDEX)
        registers = self._live_sections(DIRECTIVE_INDEX)
        stream = []
        if news_indexes:
            stream.append(("featured_news", {"section": news_indexes[0], "count": 5}))
        stream += [("category_news", {"category": index, "count": 5}) for index in news_indexes]
        stream += [("latest_directives", {"register": page, "count": 5}) for page in registers]
        block = self.body.stream_block
        return StreamValue(
            block, [(name, block.child_blocks[name].normalize(value)) for name, value in stream]
        )

    def _live_sections(self, label, limit=4):
        """Live, public top-level sections of the type ``label`` names, in menu order."""
        try:
            model = apps.get_model(label)
        except LookupError:
            return []
        return list(model.objects.child_of(self).live().public().order_by("path")[:limit])

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    """What Vietnamese rules ask every agency site to show in its footer."""

    portal_name = models.CharField(_("portal name"), max_length=255)
    agency_in_charge = models.CharField(_("agency in charge"), max_length=255, blank=True)
    content_responsible = models.CharField(
        _("person responsible for content"), max_length=255, blank=True
    )
    licence_number = models.CharField(_("licence number"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)

    panels = [
        FieldPanel("portal_name"),
        MultiFieldPanel(
            [
                FieldPanel("agency_in_charge"),
                FieldPanel("content_responsible"),
                FieldPanel("licence_number"),
            ],
            heading=_("Legal information"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")

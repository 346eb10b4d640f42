"""The home page, the page base every page type shares, related-link lists and site settings."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction, RevisionMixin, Site
from wagtail.search import index

from core.queries import ReaderPageManager, view_restricted
from core.signals import normalize_fields
from core.text import vietnamese_slugify
from home.blocks import DIRECTIVE_INDEX, NEWS_INDEX, HomePageStreamBlock
from home.caching import Dependents
from home.forms import PortalPageForm
from home.indexing import SearchablePage, folded_search_fields


class BasePage(SearchablePage, Page):
    """Every page of the portal: ASCII slugs from Vietnamese titles, accent-insensitive search."""

    base_form_class = PortalPageForm
    objects = ReaderPageManager()
    search_fields = Page.search_fields + folded_search_fields()

    class Meta:
        abstract = True

    def breadcrumb_ancestors(self):
        """The live sections between the home page and this page (the home link is fixed).

        Routing that already loaded them (news categories) spares the query; other pages ask
        the database once. No ``.public()``: whoever may see the page may see them.
        """
        known = self.routed_ancestors()
        if known is None:
            return list(self.get_ancestors().filter(depth__gt=2).live())
        return [ancestor for ancestor in known if ancestor.live]

    def routed_ancestors(self):
        """The sections above this page that routing loaded (``_route_ancestors``), or None."""
        if self.depth <= 3:
            return []
        return getattr(self, "_route_ancestors", None)

    def og_image(self):
        """The image that link previews (Open Graph, Twitter cards) show; page types override."""
        return None

    # Relations this page type's view reads, loaded with it when its parent routes to it.
    route_select_related = ()

    def full_clean(self, *args, **kwargs):
        """Also runs before a revision is stored, so revisions hold the normalised text too."""
        normalize_fields(self)
        self.slug = vietnamese_slugify(self.slug or self.title)
        super().full_clean(*args, **kwargs)

    def route(self, request, path_components):
        """Find the child in one query where Wagtail runs two (the page, then its type's row).

        The tables of the allowed child types are joined in, so the specific page comes with
        the row; a child of another kind is left to Wagtail's own lookup.
        """
        if path_components:
            child = self._specific_child(path_components[0])
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def _specific_child(self, slug):
        accessors = {}
        for model in self.specific_class.allowed_subpage_models():
            if list(model._meta.parents) == [Page]:
                name = model._meta.get_ancestor_link(Page).remote_field.get_accessor_name()
                accessors[name] = [f"{name}__{field}" for field in model.route_select_related]
        if not accessors:
            return None
        related = [*accessors, *(path for paths in accessors.values() for path in paths)]
        children = Page.objects.filter(path__startswith=self.path, depth=self.depth + 1)
        row = children.filter(slug=slug).select_related(*related)
        row = row.annotate(restricted=view_restricted()).first()
        for name in accessors:
            child = getattr(row, name, None) if row is not None else None
            if child is not None:
                child._view_restricted = row.restricted
                return child
        return None

    def cache_dependents(self):
        """The addresses that show this page, as it is in the database now.

        Its own address, every ancestor (each lists its descendants, up to the home page),
        the sitemap and search; everything below it when it has sub-pages (their breadcrumbs
        show its title); the whole site when the menu shows it. Page types add the other
        places that list them (``articles``, ``directives``).
        """
        dependents = Dependents()
        parts = self.get_url_parts()
        if parts is None or parts[2] is None:
            return dependents
        dependents.site_id, dependents.root_url, own_path = parts
        dependents.add_page(self)
        for ancestor in self.get_ancestors().filter(depth__gt=1).specific():
            dependents.add_page(ancestor)
        dependents.paths |= {reverse("sitemap"), reverse("search")}
        if self.specific_class.allowed_subpage_models():
            dependents.subtrees.add(own_path)
        is_site_root = own_path == "/"
        dependents.everything = is_site_root or (self.show_in_menus and self._is_top_level())
        dependents.link_lists = set(
            RelatedLink.objects.filter(page=self).values_list("link_list_id", flat=True)
        )
        return dependents

    def _is_top_level(self):
        """Whether this page is a child of a site's root page, where the main menu looks."""
        return Site.objects.filter(root_page__path=self.path[: -self.steplen]).exists()

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors, in one query where Wagtail runs two.

        Every page view asks this. The ancestors' paths are prefixes of this page's path, so they
        need no lookup; a restriction reaches an alias (this page or an ancestor) through the
        page it is an alias of, and the copies Wagtail keeps on aliases are ignored, as in Wagtail.
        """
        if self.__dict__.get("_view_restricted") is False:
            return PageViewRestriction.objects.none()  # routing found none (``route``)
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()


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
        "articles.NewsIndexPage",
        "directives.DirectiveIndexPage",
        "pages.InformationPage",
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
        sections = model.objects.child_of(self).readable()
        return list(sections.order_by("path")[:limit])

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class RelatedLinkList(RevisionMixin, ClusterableModel):
    """A named, ordered list of links that pages and site-wide places reuse.

    One list edited once shows up wherever it is picked (a news page's "see also", the
    sidebar's website links, the footer), so editors never copy links by hand.
    """

    name = models.CharField(
        _("name"),
        max_length=255,
        unique=True,
        help_text=_("Only editors see this name; it helps them pick the right list."),
    )
    heading = models.CharField(
        _("heading"),
        max_length=255,
        blank=True,
        help_text=_('Shown above the links, for example "Related news" or "See also".'),
    )

    panels = [FieldPanel("name"), FieldPanel("heading"), InlinePanel("links", label=_("Links"))]

    class Meta:
        ordering = ["name"]
        verbose_name = _("related-link list")
        verbose_name_plural = _("related-link lists")

    def __str__(self):
        return self.name


class RelatedLink(Orderable):
    """One link of a list: a page of this site, a document or an address elsewhere."""

    link_list = ParentalKey(RelatedLinkList, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=255, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(_("external address"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("page"), FieldPanel("document"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def clean(self):
        super().clean()
        if [bool(self.page_id), bool(self.document_id), bool(self.url)].count(True) != 1:
            raise ValidationError(
                _("Choose one of a page of this site, a document or an external address.")
            )
        if self.url and not self.title:
            raise ValidationError({"title": _("An external link needs a title.")})

    @property
    def text(self):
        """The title editors typed, else the linked page's or document's own title."""
        if self.title:
            return self.title
        if self.page_id:
            return self.page.title
        return self.document.title if self.document_id else self.url


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
    sidebar_links = models.ForeignKey(
        RelatedLinkList,
        verbose_name=_("website links in the sidebar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_links = models.ForeignKey(
        RelatedLinkList,
        verbose_name=_("footer links"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

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
        MultiFieldPanel(
            [FieldPanel("sidebar_links"), FieldPanel("footer_links")],
            heading=_("Link lists"),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")

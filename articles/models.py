"""News categories and news items: the tree, the listings and the newer/older lists."""

from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable
from wagtail.search import index

from core.pagination import paginate
from core.queries import without_private_sections
from core.text import vietnamese_slugify
from home.blocks import BaseStreamBlock
from home.indexing import stream_text
from home.models import BasePage

NEWS_PER_PAGE = 10
NEIGHBOURS = 5  # newer and older items shown under a news item, as on the old portal


def published_news():
    """News readers may see: live, public and not past an expiry the scheduler has not yet run."""
    return without_private_sections(
        NewsPage.objects.live().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
    ).order_by("-published_at", "-id")


def with_card_data(queryset):
    """What a news card shows (image and its renditions) in a fixed number of queries."""
    return queryset.select_related("featured_image").prefetch_related(
        Prefetch(
            "featured_image__renditions",
            queryset=get_image_model().get_rendition_model().objects.all(),
        )
    )


class NewsIndexPage(RoutablePageMixin, BasePage):
    """A news category (chuyên mục); categories nest, and each lists its sub-categories' news."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=1000,
        help_text=_("A sentence or two shown above the list of news."),
    )

    parent_page_types = ["home.HomePage", "articles.NewsIndexPage"]  # top section or sub-category
    subpage_types = ["articles.NewsIndexPage", "articles.NewsPage"]  # sub-categories and news

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    def news(self):
        """Published news of this category and its sub-categories, newest first, with the
        news that live elsewhere and are also listed here (``NewsPageCategory``)."""
        listed_here = NewsPageCategory.objects.filter(category__path__startswith=self.path)
        return published_news().filter(
            Q(path__startswith=self.path, depth__gt=self.depth)
            | Q(pk__in=listed_here.values("page_id"))
        )

    def latest_news(self, count):
        """The newest news of this category, for the home page's section lists."""
        return with_card_data(self.news())[:count]

    def featured_news(self, count):
        """The newest news of this category flagged as featured, for the home page."""
        return with_card_data(self.news().filter(featured=True))[:count]

    def subcategories(self):
        return without_private_sections(self.get_children().live().type(NewsIndexPage))

    def route(self, request, path_components):
        """Find a child in one query of its own type instead of Wagtail's two.

        Only a category can have more path below it; at the last step news items are looked
        up first, with their featured image. Children take precedence over the routes below.
        """
        if path_components:
            slug, remaining = path_components[0], path_components[1:]
            models_to_try = (NewsIndexPage,) if remaining else (NewsPage, NewsIndexPage)
            child = next(filter(None, (self._child(model, slug) for model in models_to_try)), None)
            if child is not None:
                child._cached_parent_obj = self
                known = self.routed_ancestors()
                if known is not None:
                    child._route_ancestors = [*known, self]
                return child.route(request, remaining)
        return super().route(request, path_components)

    def _child(self, model, slug):
        children = model.objects.filter(path__startswith=self.path, depth=self.depth + 1)
        if model is NewsPage:
            children = children.select_related("featured_image")
        return children.filter(slug=slug).first()

    @path("")
    def index_route(self, request):
        news_page = paginate(request, with_card_data(self.news()), NEWS_PER_PAGE)
        return self.render(request, context_overrides={"news_page": news_page})

    @path("rss/", name="feed")
    def feed(self, request):
        from articles.feeds import NewsFeed

        return NewsFeed()(request, category=self)


class NewsTag(TagBase):
    """A news tag whose address is ASCII ("/the/nong-thon-moi/"), as readers type it."""

    free_tagging = True

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def slugify(self, tag, i=None):
        slug = vietnamese_slugify(tag) or "the"
        return f"{slug}-{i}" if i is not None else slug


class NewsPageTag(ItemBase):
    """Tags of news items, kept in the page's cluster so drafts and revisions carry them."""

    tag = models.ForeignKey(NewsTag, on_delete=models.CASCADE, related_name="tagged_news")
    content_object = ParentalKey(
        "articles.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """One news item, with its lead, body, source line, tags and neighbours in its category."""

    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_("Shown to readers and used to order the news; set it for older news."),
    )
    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("One or two sentences summing up the news, shown in lists and feeds."),
    )
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_caption = models.CharField(
        _("featured image caption"), max_length=500, blank=True
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    author = models.CharField(_("author"), max_length=255, blank=True)
    source_name = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_('Where the news comes from, for example "Anh Hoài/baohatinh.vn".'),
    )
    source_url = models.URLField(_("source address"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Highlight this item as featured news.")
    )
    related_links = models.ForeignKey(
        "home.RelatedLinkList",
        verbose_name=_("related links"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_('A list of links shown under the news as "See also".'),
    )

    parent_page_types = ["articles.NewsIndexPage"]  # every item belongs to a category
    subpage_types = []  # a news item is a leaf

    content_panels = BasePage.content_panels + [
        FieldPanel("published_at"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_caption")],
            heading=_("Featured image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("source_name"), FieldPanel("source_url")],
            heading=_("Author and source"),
        ),
        FieldPanel("tags"),
        FieldPanel("featured"),
        FieldPanel("related_links"),
        InlinePanel(
            "extra_categories",
            heading=_("Also listed in"),
            label=_("category"),
            help_text=_("Other categories whose lists show this item; it stays in its own."),
        ),
        InlinePanel(
            "related_directive_links",
            heading=_("Related directives"),
            label=_("related directive"),
            help_text=_("Official documents this news item is about; each of them lists it."),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("published_at"),
        index.FilterField("featured"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-published_at", "-id"]

    def search_summary(self):
        return self.lead

    def search_body(self):
        return stream_text(self, "body")

    def display_date(self):
        return self.published_at

    def og_image(self):
        return self.featured_image

    def _siblings(self):
        # The parent's path is a prefix of ours: no query to fetch the category itself.
        parent_path = self.path[: -self.steplen]
        return (
            published_news()
            .filter(path__startswith=parent_path, depth=self.depth)
            .exclude(pk=self.pk)
        )

    def newer_news(self):
        """The items just after this one in its category, newest first; id breaks ties."""
        after = Q(published_at__gt=self.published_at) | Q(
            published_at=self.published_at, id__gt=self.id
        )
        closest = self._siblings().filter(after).order_by("published_at", "id")[:NEIGHBOURS]
        return sorted(closest, key=lambda item: (item.published_at, item.id), reverse=True)

    def older_news(self):
        """The items just before this one in its category, newest first; id breaks ties."""
        before = Q(published_at__lt=self.published_at) | Q(
            published_at=self.published_at, id__lt=self.id
        )
        return self._siblings().filter(before)[:NEIGHBOURS]

    def related_directives(self):
        """The live, public directives this item cites, newest first, in one query."""
        from directives.models import DirectivePage

        cited = DirectivePage.objects.live().filter(citing_news__page=self).distinct()
        return without_private_sections(cited).order_by("-issued_on", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_tags"] = list(self.tags.all())
        context["related_directives"] = list(self.related_directives())
        return context


class NewsPageCategory(Orderable):
    """Another category a news item is listed in, besides the one it lives in."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="extra_categories")
    category = models.ForeignKey(
        NewsIndexPage,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        related_name="listed_news",
    )

    panels = [PageChooserPanel("category", "articles.NewsIndexPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("also listed in")
        verbose_name_plural = _("also listed in")
        constraints = [
            models.UniqueConstraint(fields=["page", "category"], name="unique_news_extra_category")
        ]


class NewsRelatedDirective(Orderable):
    """A directive a news item cites; the directive page lists the news that cite it."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_directive_links")
    directive = models.ForeignKey(
        "directives.DirectivePage",
        verbose_name=_("related directive"),
        on_delete=models.CASCADE,
        related_name="citing_news",
    )

    panels = [PageChooserPanel("directive", "directives.DirectivePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related directive")
        verbose_name_plural = _("related directives")
        constraints = [
            models.UniqueConstraint(fields=["page", "directive"], name="unique_news_directive")
        ]

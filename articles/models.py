"""News categories and news items: the tree, the listings and the newer/older lists."""

import operator
from functools import partial, reduce

from django.db import connection, models
from django.db.models import Case, ExpressionWrapper, F, Prefetch, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
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

from core.counts import cached_count
from core.pagination import paginate
from core.queries import view_restricted
from core.text import vietnamese_slugify
from home.blocks import BaseStreamBlock
from home.indexing import stream_text
from home.models import BasePage

NEWS_PER_PAGE = 10
NEIGHBOURS = 5  # newer and older items shown under a news item, as on the old portal
# A save of only other fields (a draft's revision, say) leaves a news item's listings alone.
LISTED_FIELDS = {"live", "published_at", "expire_at", "path", "tagged_items", "extra_categories"}


def published_news():
    """News readers may see: live, public and not past an expiry the scheduler has not yet run."""
    not_expired = Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    return NewsPage.objects.readable().filter(not_expired).order_by("-published_at", "-id")


def news_page(request, listing, count):
    """The page of news that ``request`` asks for, from rows of ``NewsListing`` (a category's
    or a tag's): the offset is taken over the rows' index, and ``count()`` counts them."""
    ids = listing.values("page_id")
    news = with_card_data(published_news().filter(pk__in=ids))
    return paginate(request, news, NEWS_PER_PAGE, count=count, ids=ids)


def counts_by_pk(counts):
    return {category.pk: n for category, n in counts.items()}


def with_card_data(queryset):
    """What a news card shows (image and its renditions) in a fixed number of queries."""
    return queryset.select_related("featured_image").prefetch_related(
        Prefetch(
            "featured_image__renditions",
            queryset=get_image_model().get_rendition_model().objects.all(),
        )
    )


def _sections_wanted(counts, featured):
    """(path, how many, featured only) for each list of the home page."""
    wanted = [(category.path, n, False) for category, n in counts.items()]
    if featured:
        wanted.append((featured[0].path, featured[1], True))
    return wanted


def _newest_of_each(counts, featured):
    """The home page's candidates, each list read from the newest-first index and stopped
    at its count: the union of one limited subquery per list, inside one query."""
    parts = []
    for prefix, n, featured_only in _sections_wanted(counts, featured):
        part = published_news().filter(path__startswith=prefix)
        if featured_only:
            part = part.filter(featured=True)
        parts.append(part.values("pk")[:n])
    if not parts:
        return []
    newest = parts[0].union(*parts[1:], all=True)
    return list(published_news().filter(pk__in=newest).select_related("featured_image"))


def _ranked_newest(counts, featured):
    """The same candidates where a union cannot hold limited subqueries (SQLite): every
    item of the lists' categories ranked newest first within its list."""
    newest_first = [F("published_at").desc(), F("id").desc()]
    section = Case(
        *[When(path__startswith=c.path, then=Value(c.pk)) for c in counts],
        output_field=models.IntegerField(),
    )
    wanted = [Q(path__startswith=path) for path in (c.path for c in counts)]
    in_featured = Value(False)
    if featured:
        in_featured = Q(featured=True, path__startswith=featured[0].path)
        wanted.append(in_featured)
        in_featured = ExpressionWrapper(in_featured, output_field=models.BooleanField())
    ranked = (
        published_news()
        .filter(reduce(operator.or_, wanted))
        .select_related("featured_image")
        .annotate(section=section, in_featured=in_featured)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("section")], order_by=newest_first),
            featured_rank=Window(
                RowNumber(), partition_by=[F("in_featured")], order_by=newest_first
            ),
        )
        .filter(
            Q(rank__lte=max(counts.values(), default=0))
            | Q(featured_rank__lte=featured[1] if featured else 0)
        )
    )
    return list(ranked)


def _home_sections(items, counts, featured):
    """Deal the candidates, newest first, into their lists up to each list's count."""
    items = sorted(items, key=lambda item: (item.published_at, item.id), reverse=True)
    news = {category.pk: [] for category in counts}
    if featured:
        news["featured", featured[0].pk] = []
    for item in items:
        for category, n in counts.items():
            if item.path.startswith(category.path) and len(news[category.pk]) < n:
                news[category.pk].append(item)
        if featured and item.featured and item.path.startswith(featured[0].path):
            chosen = news["featured", featured[0].pk]
            if len(chosen) < featured[1]:
                chosen.append(item)
    return news


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

    def listing(self):
        """The rows of ``NewsListing`` readers may see here, newest first: one range of its
        index, so page 1,000 skips ids in order instead of ranking the whole section."""
        return NewsListing.objects.filter(category=self).readable().newest_first()

    def news(self):
        """Published news of this category and its sub-categories, newest first, with the
        news that live elsewhere and are also listed here (``NewsPageCategory``)."""
        return published_news().filter(pk__in=self.listing().values("page_id"))

    def news_count(self):
        """How many items ``news()`` lists, from the listing's index alone."""
        return self.listing().count()

    def latest_news(self, count):
        """The newest news of this category, for the home page's section lists (no images)."""
        return self.news()[:count]

    @classmethod
    def latest_news_of(cls, counts, featured=None):
        """The home page's news in one query: the newest of each category in ``counts``
        ({category: how many}), and with ``featured`` ((category, how many)) the newest
        featured news of that category under the key ("featured", its id).

        Each item is counted in the category it lies in; categories inside one another
        would share items, which one query cannot give, so they are asked one by one.
        """
        paths = [category.path for category in counts]
        if any(a != b and b.startswith(a) for a in paths for b in paths):
            news = {category.pk: list(category.latest_news(n)) for category, n in counts.items()}
            if featured:
                news["featured", featured[0].pk] = list(featured[0].featured_news(featured[1]))
            return news
        if connection.features.supports_slicing_ordering_in_compound:
            items = _newest_of_each(counts, featured)
        else:
            items = _ranked_newest(counts, featured)
        return _home_sections(items, counts, featured)

    def featured_news(self, count):
        """The newest news of this category flagged as featured, for the home page.

        Their few renditions come from Wagtail's rendition cache (the Django cache) rather
        than a prefetch query, which keeps the home page within its query ceiling.
        """
        return self.news().filter(featured=True).select_related("featured_image")[:count]

    def subcategories(self):
        return NewsIndexPage.objects.child_of(self).readable()

    def route(self, request, path_components):
        """Find the page at the end of the path in one or two queries, however deep.

        Wagtail asks the database twice per level (the child, then its type's row). Every
        category on the path is found at once by its ``url_path``; the last component, when
        it is not a category, is a news item of the deepest one, looked up with its featured
        image. Children take precedence over the routes below (``rss/``).
        """
        if not path_components:
            return super().route(request, path_components)
        chain = self._categories_on(path_components)
        known = self.routed_ancestors()
        ancestors = None if known is None else [*known, self]
        parent = self
        for category in chain:
            category._cached_parent_obj = parent
            if ancestors is not None:
                category._route_ancestors = list(ancestors)
                ancestors.append(category)
            parent = category
        remaining = path_components[len(chain) :]
        if remaining:
            item = parent._child(NewsPage, remaining[0])
            if item is not None:
                item._cached_parent_obj = parent
                if ancestors is not None:
                    item._route_ancestors = ancestors
                return item.route(request, remaining[1:])
        if not chain:
            return super().route(request, path_components)
        return RoutablePageMixin.route(parent, request, remaining)

    def _categories_on(self, path_components):
        """The categories that the leading components of the path name, top first."""
        prefixes = [
            f"{self.url_path}{'/'.join(path_components[: end + 1])}/"
            for end in range(len(path_components))
        ]
        found = {
            category.url_path: category
            for category in NewsIndexPage.objects.filter(
                path__startswith=self.path, depth__gt=self.depth, url_path__in=prefixes
            ).annotate(restricted=view_restricted())
        }
        chain = []
        for depth, prefix in enumerate(prefixes, start=self.depth + 1):
            category = found.get(prefix)
            if category is None or category.depth != depth:
                break
            category._view_restricted = category.restricted
            chain.append(category)
        return chain

    def get_cached_paths(self):
        """The category page and its feed: both change when a news item of it does."""
        return ["/", "/rss/"]

    def _child(self, model, slug):
        children = model.objects.filter(path__startswith=self.path, depth=self.depth + 1)
        if model is NewsPage:
            children = children.select_related("featured_image")
        child = children.filter(slug=slug).annotate(restricted=view_restricted()).first()
        if child is not None:
            child._view_restricted = child.restricted
        return child

    @path("")
    def index_route(self, request):
        count = partial(cached_count, ("news", self.pk), self.news_count)
        page = news_page(request, self.listing(), count)
        return self.render(request, context_overrides={"news_page": page})

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
        # The body's text through the method the folded copy also uses: the index asks each
        # field once per column, and extracting a long body is the dear part (bulk indexing
        # computes ``search_body`` once per page).
        index.SearchField("search_body"),
        index.FilterField("published_at"),
        index.FilterField("featured"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-published_at", "-id"]
        # Every news listing pages in this order: read in it, never sorted (page 1,000 too).
        indexes = [models.Index(fields=["-published_at", "-page_ptr"], name="news_newest_first")]

    def save(self, *args, **kwargs):
        """Write the item's listing rows again once it is saved: publishing saves its tags,
        its other categories and its date with it (after ``post_save``, which is too early)."""
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or LISTED_FIELDS & set(update_fields):
            from articles import listings

            listings.sync([self.pk])

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
        return self._neighbours()[0]

    def older_news(self):
        """The items just before this one in its category, newest first; id breaks ties."""
        return self._neighbours()[1]

    def _neighbours(self):
        """(newer, older) in one query, kept on the page for the render."""
        if "_neighbour_lists" in self.__dict__:
            return self.__dict__["_neighbour_lists"]
        after = Q(published_at__gt=self.published_at) | Q(
            published_at=self.published_at, id__gt=self.id
        )
        if connection.features.supports_slicing_ordering_in_compound:
            rows = self._closest_on_each_side(after)
        else:
            rows = self._ranked_on_each_side(after)
        newest_first = {"key": lambda item: (item.published_at, item.id), "reverse": True}
        lists = (
            sorted((item for item in rows if item.is_newer), **newest_first),
            sorted((item for item in rows if not item.is_newer), **newest_first),
        )
        self.__dict__["_neighbour_lists"] = lists
        return lists

    def _closest_on_each_side(self, after):
        """The closest items on each side, each side read from the newest-first index from
        this item on and stopped at ``NEIGHBOURS``: a union of two limited subqueries (a
        ranking numbers every item of the category, some 1,500 at 100,000 news: 45 ms)."""
        newer = self._siblings().filter(after).order_by("published_at", "id")
        older = self._siblings().exclude(after).order_by("-published_at", "-id")
        closest = newer.values("pk")[:NEIGHBOURS].union(older.values("pk")[:NEIGHBOURS], all=True)
        is_newer = ExpressionWrapper(after, output_field=models.BooleanField())
        return list(published_news().filter(pk__in=closest).annotate(is_newer=is_newer))

    def _ranked_on_each_side(self, after):
        """The same where a union cannot hold limited subqueries (SQLite): each side ranked
        by its distance from this item, the newer side oldest first, the older side newest
        first. One ranking per direction runs over both sides (a filter cannot mix a side and
        its rank), so up to twice the rows come back and the far ends are dropped here."""
        is_newer = ExpressionWrapper(after, output_field=models.BooleanField())
        closest_after = [F("published_at").asc(), F("id").asc()]
        closest_before = [F("published_at").desc(), F("id").desc()]
        rows = (
            self._siblings()
            .annotate(is_newer=is_newer)
            .annotate(
                rank_up=Window(RowNumber(), partition_by=[F("is_newer")], order_by=closest_after),
                rank_down=Window(
                    RowNumber(), partition_by=[F("is_newer")], order_by=closest_before
                ),
            )
            .filter(Q(rank_up__lte=NEIGHBOURS) | Q(rank_down__lte=NEIGHBOURS))
        )
        return [
            item
            for item in rows
            if (item.rank_up if item.is_newer else item.rank_down) <= NEIGHBOURS
        ]

    def related_directives(self):
        """The live, public directives this item cites, newest first, in one query."""
        from directives.models import DirectivePage

        cited = DirectivePage.objects.readable().filter(citing_news__page=self).distinct()
        return cited.order_by("-issued_on", "-pk")

    def cache_dependents(self):
        """Beyond its categories: the site feed, its tag pages, the newer and older items
        that list it and the directives that list it back."""
        dependents = super().cache_dependents()
        dependents.paths.add(reverse("articles:feed"))
        dependents.paths |= {
            reverse("articles:tag", args=[slug])
            for slug in NewsTag.objects.filter(tagged_news__content_object=self).values_list(
                "slug", flat=True
            )
        }
        neighbours = [*self.newer_news(), *self.older_news()]
        cited = [
            link.directive for link in self.related_directive_links.select_related("directive")
        ]
        for page in [*neighbours, *cited]:
            dependents.add_page(page)
        return dependents


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


class NewsListingQuerySet(models.QuerySet):
    def readable(self):
        """Rows of news readers may see now: outside every section with a view restriction
        and not past an expiry the scheduler has not yet run. Both are read from the
        listing's index with the row, so the list is still read in order."""
        not_expired = Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
        return self.filter(not_expired, private=False)

    def newest_first(self):
        return self.order_by("-published_at", "-page_id")


class NewsListing(models.Model):
    """Where a live news item is listed: one row per category that lists it and per tag.

    A category lists the news below it and those "also listed in" it or in one of its
    sub-categories (``NewsPageCategory``); no index orders that OR, so page 1,000 of a
    category took the offset over every item of the section. Here each list is one range
    of an index in its order (-published_at, -page). ``articles.listings`` keeps the rows.
    """

    category = models.ForeignKey(
        NewsIndexPage, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    tag = models.ForeignKey(
        NewsTag, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    page = models.ForeignKey(NewsPage, on_delete=models.CASCADE, related_name="listings")
    # Copied from the page: its date orders the list, its expiry and whether a view
    # restriction covers it (``core.queries.in_private_section``) filter it.
    published_at = models.DateTimeField()
    expire_at = models.DateTimeField(null=True)
    private = models.BooleanField(default=False)

    objects = NewsListingQuerySet.as_manager()

    class Meta:
        verbose_name = _("news listing entry")
        verbose_name_plural = _("news listing entries")
        constraints = [
            models.UniqueConstraint(fields=["category", "page"], name="unique_category_listing"),
            models.UniqueConstraint(fields=["tag", "page"], name="unique_tag_listing"),
            models.CheckConstraint(
                condition=Q(category__isnull=False, tag__isnull=True)
                | Q(category__isnull=True, tag__isnull=False),
                name="listing_of_category_or_tag",
            ),
        ]
        indexes = [
            models.Index(
                fields=[key, "-published_at", "-page"],
                include=["expire_at", "private"],
                name=f"listing_{key}_newest",
            )
            for key in ("category", "tag")
        ]

    def __str__(self):
        listing = f"category {self.category_id}" if self.category_id else f"tag {self.tag_id}"
        return f"news {self.page_id} in {listing}"

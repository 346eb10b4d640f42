"""The rows of the news listings (``NewsListing``), written again whenever they may change.

A live news item has a row for each category it lies below, each category it is also
listed in (``NewsPageCategory``) and the categories above those, and each of its tags:
what ``NewsIndexPage.news()`` and the tag page used to find by path OR "also listed in".
The rows are written again from the database, never patched:

- after a save of a news item that may change them (``NewsPage.save``): publishing saves
  the tags, the other categories and the date with the page, and so do imports' edits;
- on unpublishing (``page_unpublished``, expiry by ``publish_scheduled`` included);
- after a move to another parent (``post_page_move``): the news below the moved page and
  the news listed in a category below it;
- once a category's deletion is committed, for the news listed in it from elsewhere
  (the categories above it listed them through it);
- after each batch of the bulk writer (imports and ``generate_content``).

Each row also says whether a view restriction covers the item (``private``): a
restriction added to or removed from a section sets it again on the rows of the news
below (``post_save`` and ``post_delete``, where the page cache purges for them too).
Reordering siblings rewrites the paths of their subtrees with no signal for them, which
is why the rows keep no path. Expiry is tested when a listing is read, and deleting a news
item, a category or a tag deletes its rows (CASCADE).
"""

from collections import defaultdict
from functools import partial

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from articles.models import NewsIndexPage, NewsListing, NewsPage, NewsPageCategory, NewsPageTag
from core import bulk
from core.queries import in_private_section

CHUNK = 500  # news items written per round: a few thousand rows


def sync(page_ids):
    """Write the rows of these news items again, as the pages stand in the database."""
    page_ids = sorted(set(page_ids))
    for start in range(0, len(page_ids), CHUNK):
        chunk = page_ids[start : start + CHUNK]
        NewsListing.objects.filter(page_id__in=chunk).delete()
        NewsListing.objects.bulk_create(rows_of(chunk))


def rebuild(progress=None):
    """Every row from scratch, in one transaction; ``progress(n)`` after each round.
    Returns how many news items are listed and in how many rows."""
    with transaction.atomic():
        with connection.cursor() as cursor:  # no row read back, as a queryset's delete does
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(NewsListing._meta.db_table)}")
        page_ids = list(
            NewsPage.objects.filter(live=True).order_by("pk").values_list("pk", flat=True)
        )
        for start in range(0, len(page_ids), CHUNK):
            chunk = page_ids[start : start + CHUNK]
            NewsListing.objects.bulk_create(rows_of(chunk))
            if progress is not None:
                progress(len(chunk))
        return len(page_ids), NewsListing.objects.count()


def rows_of(page_ids):
    """The rows of the live news items among ``page_ids``, in four queries."""
    items = (
        NewsPage.objects.filter(pk__in=page_ids, live=True)
        .annotate(private=in_private_section())
        .values_list("pk", "path", "published_at", "expire_at", "private")
    )
    also_in = defaultdict(list)
    for page_id, path in NewsPageCategory.objects.filter(page_id__in=page_ids).values_list(
        "page_id", "category__path"
    ):
        also_in[page_id].append(path)
    tags = defaultdict(set)
    for page_id, tag_id in NewsPageTag.objects.filter(content_object_id__in=page_ids).values_list(
        "content_object_id", "tag_id"
    ):
        tags[page_id].add(tag_id)
    items = [(*item, listed_paths(item[1], also_in[item[0]])) for item in items]
    categories = dict(
        NewsIndexPage.objects.filter(
            path__in=set().union(*(paths for *_item, paths in items))
        ).values_list("path", "pk")
    )
    rows = []
    for page_id, _path, published_at, expire_at, private, paths in items:
        copied = {
            "page_id": page_id,
            "published_at": published_at,
            "expire_at": expire_at,
            "private": private,
        }
        rows += [
            NewsListing(category_id=categories[p], **copied) for p in paths & categories.keys()
        ]
        rows += [NewsListing(tag_id=tag_id, **copied) for tag_id in tags[page_id]]
    return rows


def listed_paths(path, also_in):
    """The paths of the pages whose lists may show the item at ``path``: the pages above it,
    and each category it is also listed in with the pages above that (the categories among
    them are looked up)."""
    step = Page.steplen
    paths = {path[:end] for end in range(step, len(path), step)}
    for other in also_in:
        paths |= {other[:end] for end in range(step, len(other) + 1, step)}
    return paths


def news_below(path):
    """The live news at or below ``path`` and the news listed in a category there."""
    below = NewsPage.objects.filter(path__startswith=path, live=True).values_list("pk", flat=True)
    listed = NewsPageCategory.objects.filter(category__path__startswith=path)
    return {*below, *listed.values_list("page_id", flat=True)}


def restriction_changed(sender, instance, **kwargs):
    """Whether each news item below the restricted page is private, as the restrictions
    stand now (another one may still cover it)."""
    below = NewsPage.objects.filter(path__startswith=instance.page.path)
    covered = NewsListing.objects.filter(page__in=below.filter(in_private_section()))
    covered.filter(private=False).update(private=True)
    uncovered = NewsListing.objects.filter(page__in=below.exclude(in_private_section()))
    uncovered.filter(private=True).update(private=False)


def unpublished(sender, instance, **kwargs):
    if isinstance(instance, NewsPage):
        NewsListing.objects.filter(page_id=instance.pk).delete()


def moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A page moved to another parent: the categories above its news changed. Reordering
    among siblings changes no listing (and the rows keep no path)."""
    if parent_page_before.pk != parent_page_after.pk:
        sync(news_below(instance.path))


def category_deleted(sender, instance, **kwargs):
    """The news listed in the category from elsewhere keep their other rows; the ones of
    the categories above it are written again once the whole deletion is committed (before,
    the pages being deleted with it are still there)."""
    listed = list(
        NewsPageCategory.objects.filter(category=instance).values_list("page_id", flat=True)
    )
    if listed:
        transaction.on_commit(partial(sync, listed))


def pages_flushed(sender, pages, **kwargs):
    """A batch of the bulk writer: its news have no rows yet."""
    sync(page.pk for page in pages if isinstance(page, NewsPage) and page.live)


def connect():
    """Called from the app's ``ready``."""
    page_unpublished.connect(unpublished, dispatch_uid="news-listings-unpublished")
    post_page_move.connect(moved, dispatch_uid="news-listings-moved")
    pre_delete.connect(
        category_deleted, sender=NewsIndexPage, dispatch_uid="news-listings-category-deleted"
    )
    bulk.pages_flushed.connect(pages_flushed, dispatch_uid="news-listings-bulk")
    restriction = {"receiver": restriction_changed, "sender": PageViewRestriction}
    post_save.connect(**restriction, dispatch_uid="news-listings-restriction-saved")
    post_delete.connect(**restriction, dispatch_uid="news-listings-restriction-deleted")

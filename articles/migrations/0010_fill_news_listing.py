"""The rows of ``NewsListing`` for the news already published, from the historical models.

The same rows as ``articles.listings.rows_of`` writes: for each live news item, one per
category it lies below, per category it is also listed in and the categories above that,
and per tag, each saying whether a view restriction covers the item. Migrating back
empties the table.
"""

from collections import defaultdict

from django.db import migrations
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Substr

CHUNK = 500
STEP = 4  # treebeard's step of a Wagtail page path


def listed_paths(path, also_in):
    paths = {path[:end] for end in range(STEP, len(path), STEP)}
    for other in also_in:
        paths |= {other[:end] for end in range(STEP, len(other) + 1, STEP)}
    return paths


def in_private_section(apps):
    restrictions = apps.get_model("wagtailcore", "PageViewRestriction").objects
    return Exists(
        restrictions.filter(page__path=Substr(OuterRef("path"), 1, F("page__depth") * STEP))
    )


def rows_of(apps, page_ids):
    NewsPage = apps.get_model("articles", "NewsPage")
    NewsListing = apps.get_model("articles", "NewsListing")
    items = (
        NewsPage.objects.filter(pk__in=page_ids)
        .annotate(private=in_private_section(apps))
        .values_list("pk", "path", "published_at", "expire_at", "private")
    )
    also_in = defaultdict(list)
    for page_id, path in (
        apps.get_model("articles", "NewsPageCategory")
        .objects.filter(page_id__in=page_ids)
        .values_list("page_id", "category__path")
    ):
        also_in[page_id].append(path)
    tags = defaultdict(set)
    for page_id, tag_id in (
        apps.get_model("articles", "NewsPageTag")
        .objects.filter(content_object_id__in=page_ids)
        .values_list("content_object_id", "tag_id")
    ):
        tags[page_id].add(tag_id)
    items = [(*item, listed_paths(item[1], also_in[item[0]])) for item in items]
    categories = dict(
        apps.get_model("articles", "NewsIndexPage")
        .objects.filter(path__in=set().union(*(paths for *_item, paths in items)))
        .values_list("path", "pk")
    )
    rows = []
    for page_id, _path, published_at, expire_at, private, paths in items:
        copied = {
            "page_id": page_id,
            "published_at": published_at,
            "expire_at": expire_at,
            "private": private,
        }
        rows += [NewsListing(category_id=categories[p], **copied) for p in paths & categories.keys()]
        rows += [NewsListing(tag_id=tag_id, **copied) for tag_id in tags[page_id]]
    return rows


def fill(apps, schema_editor):
    NewsPage = apps.get_model("articles", "NewsPage")
    NewsListing = apps.get_model("articles", "NewsListing")
    page_ids = list(NewsPage.objects.filter(live=True).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(page_ids), CHUNK):
        NewsListing.objects.bulk_create(rows_of(apps, page_ids[start : start + CHUNK]))


def empty(apps, schema_editor):
    apps.get_model("articles", "NewsListing").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_news_listing")]

    operations = [migrations.RunPython(fill, empty)]

"""The news listings' rows follow every change a category or tag page shows, and equal what
the old definition gave (below the category OR also listed in it or a sub-category)."""

import importlib
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.models import (
    NewsListing,
    NewsPage,
    NewsPageCategory,
    NewsPageTag,
    NewsTag,
    published_news,
)
from core.bulk import BulkPageWriter
from tests.factories import make_news, make_news_index

pytestmark = pytest.mark.django_db

BASE = timezone.now() - timedelta(days=30)
fill_migration = importlib.import_module("articles.migrations.0010_fill_news_listing")


def listed(client, url):
    """The titles a category or tag page shows on its first page, in order (none on a 404)."""
    response = client.get(url)
    if response.status_code == 404:
        return []
    assert response.status_code == 200, url
    return [item.title for item in response.context["news_page"].object_list]


def publish(page, **changes):
    """Change the page's fields or cluster (``tags``, ``extra_categories``) and publish."""
    tags = changes.pop("tags", None)
    for name, value in changes.items():
        setattr(page, name, value)
    if tags is not None:
        page.tags.set(tags)
    page.save_revision().publish()


def also_in(*categories):
    return [NewsPageCategory(category=category) for category in categories]


def test_publishing_lists_the_item_in_its_categories_and_tags(client, news_root, province):
    assert listed(client, province.url) == []
    make_news(province, "Tin mới", tags=["OCOP"])
    assert listed(client, province.url) == ["Tin mới"]
    assert listed(client, news_root.url) == ["Tin mới"], "and in the categories above"
    assert listed(client, "/the/ocop/") == ["Tin mới"]


def test_unpublishing_takes_the_item_out_of_every_listing(client, news_root, province):
    item = make_news(province, "Tin sẽ gỡ", tags=["OCOP"])
    make_news(province, "Tin ở lại", published_at=BASE, tags=["OCOP"])
    item.unpublish()
    for url in (province.url, news_root.url, "/the/ocop/"):
        assert listed(client, url) == ["Tin ở lại"], url


def test_a_new_date_reorders_the_listings(client, province):
    older = make_news(province, "Tin cũ", published_at=BASE, tags=["OCOP"])
    make_news(province, "Tin giữa", published_at=BASE + timedelta(days=1), tags=["OCOP"])
    assert listed(client, province.url) == ["Tin giữa", "Tin cũ"]
    publish(older, published_at=BASE + timedelta(days=2))
    assert listed(client, province.url) == ["Tin cũ", "Tin giữa"]
    assert listed(client, "/the/ocop/") == ["Tin cũ", "Tin giữa"]


def test_expired_item_leaves_the_listing_when_its_time_passes(client, province):
    item = make_news(province, "Tin hết hạn sau", expire_at=timezone.now() + timedelta(hours=1))
    assert listed(client, province.url) == ["Tin hết hạn sau"]
    NewsListing.objects.filter(page=item).update(expire_at=timezone.now() - timedelta(hours=1))
    assert listed(client, province.url) == [], "expiry is tested when the listing is read"


def test_scheduled_publishing_and_expiry_go_through_the_listings(client, province):
    item = make_news(province, "Tin hẹn giờ", publish=False)
    item.go_live_at = timezone.now() - timedelta(minutes=1)
    item.save_revision().publish()  # in the past: Wagtail publishes at once
    assert listed(client, province.url) == ["Tin hẹn giờ"]
    NewsPage.objects.filter(pk=item.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", stdout=StringIO())
    assert not NewsListing.objects.filter(page=item).exists()
    assert listed(client, province.url) == []


def test_moving_a_category_moves_its_news_and_the_news_listed_in_it(
    client, news_root, province, districts
):
    commune = make_news_index(province, "Tin xã")
    make_news(commune, "Tin của xã", published_at=BASE)
    guest = make_news(districts, "Tin huyện nêu ở xã", published_at=BASE + timedelta(hours=1))
    publish(guest, extra_categories=also_in(commune))
    assert listed(client, province.url) == ["Tin huyện nêu ở xã", "Tin của xã"]
    commune.move(districts, pos="last-child")
    commune.refresh_from_db()
    assert listed(client, province.url) == []
    assert listed(client, districts.url) == ["Tin huyện nêu ở xã", "Tin của xã"]
    assert listed(client, commune.url) == ["Tin huyện nêu ở xã", "Tin của xã"]


def test_moving_a_news_item(client, province, districts):
    item = make_news(province, "Tin chuyển mục")
    item.move(districts, pos="last-child")
    assert listed(client, province.url) == []
    assert listed(client, districts.url) == ["Tin chuyển mục"]


def test_also_listed_in_follows_publishing(client, news_root, province, districts):
    commune = make_news_index(districts, "Tin xã")
    item = make_news(province, "Tin nêu thêm")
    assert listed(client, commune.url) == []
    publish(item, extra_categories=also_in(commune))
    assert listed(client, commune.url) == ["Tin nêu thêm"]
    assert listed(client, districts.url) == ["Tin nêu thêm"], "the categories above list it too"
    assert listed(client, news_root.url) == ["Tin nêu thêm"], "once"
    publish(item, extra_categories=[])
    assert listed(client, commune.url) == [] and listed(client, districts.url) == []
    assert listed(client, province.url) == ["Tin nêu thêm"]


def test_tags_follow_publishing(client, province):
    item = make_news(province, "Tin đổi thẻ", tags=["OCOP"])
    assert listed(client, "/the/ocop/") == ["Tin đổi thẻ"]
    publish(item, tags=["Đặc sản"])
    assert client.get("/the/ocop/").status_code == 404, "no published item has the tag now"
    assert listed(client, "/the/dac-san/") == ["Tin đổi thẻ"]


def test_a_draft_of_a_live_item_changes_no_listing(client, province):
    item = make_news(province, "Tin đang sửa", tags=["OCOP"])
    item.tags.set(["Đặc sản"])
    item.save_revision()
    assert listed(client, "/the/ocop/") == ["Tin đang sửa"]
    assert client.get("/the/dac-san/").status_code == 404


def test_deleting_an_item_or_a_tag_deletes_its_rows(client, province):
    item = make_news(province, "Tin bị xóa", tags=["OCOP"])
    make_news(province, "Tin còn lại", published_at=BASE, tags=["Đặc sản"])
    item.delete()
    assert listed(client, province.url) == ["Tin còn lại"]
    NewsTag.objects.get(slug="dac-san").delete()
    assert NewsListing.objects.filter(tag__isnull=False).count() == 0


def test_deleting_a_category_unlists_the_news_listed_in_it_above(
    client, news_root, province, districts, django_capture_on_commit_callbacks
):
    commune = make_news_index(districts, "Tin xã")
    make_news(commune, "Tin của xã")
    guest = make_news(province, "Tin tỉnh nêu ở xã")
    publish(guest, extra_categories=also_in(commune))
    assert set(listed(client, districts.url)) == {"Tin của xã", "Tin tỉnh nêu ở xã"}
    with django_capture_on_commit_callbacks(execute=True):
        commune.delete()
    assert listed(client, districts.url) == []
    assert listed(client, news_root.url) == ["Tin tỉnh nêu ở xã"]


def test_deleting_a_section_with_news_listed_across_it(
    client, news_root, province, districts, django_capture_on_commit_callbacks
):
    commune = make_news_index(districts, "Tin xã")
    inside = make_news(districts, "Tin huyện")
    publish(inside, extra_categories=also_in(commune))
    guest = make_news(province, "Tin tỉnh nêu ở xã")
    publish(guest, extra_categories=also_in(commune))
    PageViewRestriction.objects.create(  # deleted with the section
        page=commune, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    with django_capture_on_commit_callbacks(execute=True):
        districts.delete()
    assert listed(client, news_root.url) == ["Tin tỉnh nêu ở xã"]
    assert set(NewsListing.objects.values_list("page_id", flat=True)) == {guest.pk}


def test_view_restrictions_are_tested_when_the_listing_is_read(client, news_root, districts):
    make_news(districts, "Tin nội bộ", tags=["OCOP"])
    restriction = PageViewRestriction.objects.create(
        page=districts, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    for url in (news_root.url, "/the/ocop/"):  # the section itself asks for its password
        assert listed(client, url) == [], url
    restriction.delete()
    for url in (news_root.url, districts.url, "/the/ocop/"):
        assert listed(client, url) == ["Tin nội bộ"], url


def test_reordering_sections_keeps_private_news_out(client, news_root, province, districts):
    """Moving a section before its sibling rewrites the paths of both subtrees."""
    make_news(province, "Tin công khai", published_at=BASE, tags=["OCOP"])
    make_news(districts, "Tin nội bộ", tags=["OCOP"])
    PageViewRestriction.objects.create(
        page=districts, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    districts.move(province, pos="left")
    for url in (news_root.url, "/the/ocop/"):
        assert listed(client, url) == ["Tin công khai"], url


def _bulk_news(title, hours):
    when = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(hours=hours)
    return NewsPage(
        title=title,
        lead="Tóm tắt",
        published_at=when,
        live=True,
        first_published_at=when,
        last_published_at=when,
        body=[],
    )


def test_pages_written_in_bulk_are_listed(client, news_root, province, districts):
    tag = NewsTag.objects.create(name="OCOP")
    writer = BulkPageWriter()
    items = [writer.add(province, _bulk_news(f"Tin loạt {n}", n)) for n in range(3)]
    items[1].tagged_items = [NewsPageTag(tag=tag)]
    items[1].extra_categories = also_in(districts)
    draft = writer.add(province, _bulk_news("Tin loạt nháp", 9))
    draft.live = False
    writer.flush()
    writer.finish()
    assert listed(client, province.url) == ["Tin loạt 2", "Tin loạt 1", "Tin loạt 0"]
    assert listed(client, districts.url) == ["Tin loạt 1"]
    assert listed(client, "/the/ocop/") == ["Tin loạt 1"]


# -- the rows equal the old definition ------------------------------------------------


def _old_category_listing(category):
    """What ``NewsIndexPage.news()`` listed before the table: by path OR also listed in."""
    listed_here = NewsPageCategory.objects.filter(category__path__startswith=category.path)
    news = published_news().filter(
        Q(path__startswith=category.path, depth__gt=category.depth)
        | Q(pk__in=listed_here.values("page_id"))
    )
    return list(news.values_list("pk", flat=True))


def _old_tag_listing(tag):
    return list(published_news().filter(tagged_items__tag=tag).values_list("pk", flat=True))


def _varied_tree(news_root, province, districts):
    """Nested categories, news listed across them, tags, drafts, expired and private news."""
    commune = make_news_index(districts, "Tin xã")
    hamlet = make_news_index(commune, "Tin thôn")
    categories = [news_root, province, districts, commune, hamlet]
    for n in range(12):
        home = categories[n % len(categories)]
        item = make_news(
            home,
            f"Tin {n}",
            published_at=BASE + timedelta(hours=n % 5),  # ties: id decides
            tags=[["OCOP"], ["OCOP", "Đặc sản"], []][n % 3],
            publish=n != 7,
            expire_at=timezone.now() - timedelta(hours=1) if n == 8 else None,
        )
        if n % 4 == 1 and n != 7:
            publish(item, extra_categories=also_in(categories[(n + 2) % len(categories)]))
    PageViewRestriction.objects.create(
        page=hamlet, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    return categories


def _assert_listings_as_before(categories):
    for category in categories:
        rows = list(category.listing().values_list("page_id", flat=True))
        assert rows == _old_category_listing(category), category.title
        assert category.news_count() == len(rows), category.title
    for tag in NewsTag.objects.all():
        rows = NewsListing.objects.filter(tag=tag).readable().newest_first()
        assert list(rows.values_list("page_id", flat=True)) == _old_tag_listing(tag), tag.name


def test_rows_kept_as_pages_change_equal_the_old_definition(news_root, province, districts):
    _assert_listings_as_before(_varied_tree(news_root, province, districts))


def test_a_rebuild_gives_the_same_rows(news_root, province, districts):
    categories = _varied_tree(news_root, province, districts)
    kept = set(
        NewsListing.objects.values_list("category", "tag", "page", "published_at", "private")
    )
    NewsListing.objects.all().delete()
    output = StringIO()
    call_command("rebuild_listings", "--no-progress", stdout=output)
    rebuilt = set(
        NewsListing.objects.values_list("category", "tag", "page", "published_at", "private")
    )
    assert rebuilt == kept
    assert f"trong {len(kept)} dòng (trước đó 0)" in output.getvalue()
    _assert_listings_as_before(categories)


def test_the_migration_fills_the_same_rows(news_root, province, districts):
    categories = _varied_tree(news_root, province, districts)
    kept = set(
        NewsListing.objects.values_list("category", "tag", "page", "published_at", "private")
    )
    fill_migration.empty(apps, None)
    fill_migration.fill(apps, None)
    filled = set(
        NewsListing.objects.values_list("category", "tag", "page", "published_at", "private")
    )
    assert filled == kept
    _assert_listings_as_before(categories)

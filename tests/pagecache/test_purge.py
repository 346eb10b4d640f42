"""Each change that alters what readers see purges exactly the cached pages that show it.

Every test fills the cache first (each page answered from it once), makes the change the way
Wagtail makes it (publish, unpublish, move, delete, the scheduler, saving a snippet or a
setting), then checks that the next anonymous GET of each page shows the change.
"""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.models import NewsPage
from core.bulk import BulkPageWriter
from directives.models import DirectiveRelation
from home.models import RelatedLink, RelatedLinkList
from tests.factories import make_directive, make_news, make_news_index, portal_settings
from tests.pagecache.conftest import cached_get, text

pytestmark = pytest.mark.django_db


def warm(reader, *urls):
    for url in urls:
        cached_get(reader, url)


def shows(reader, url, words):
    response = reader.get(url)
    assert response.status_code == 200, url
    assert response["X-Page-Cache"] == "MISS", f"{url} was purged"
    return words in text(response)


def listing_urls(item):
    category = item.get_parent()
    return [
        "/",
        category.url,
        category.get_parent().url,
        f"{category.url}rss/",
        "/rss/",
        "/sitemap.xml",
        "/tim-kiem/?q=xa+cam+hung",
    ]


def test_publishing_purges_the_listings_neighbours_tags_and_cited_directives(
    reader, committed, first_item, resolution
):
    urls = [*listing_urls(first_item), first_item.url, "/the/ocop/", resolution.url]
    warm(reader, *urls)
    with committed():
        news = make_news(
            first_item.get_parent(),
            "Xã Cẩm Hưng đạt chuẩn nông thôn mới",
            tags=["OCOP"],
            cites=[resolution],
        )
    for url in [*listing_urls(news), "/the/ocop/", resolution.url, first_item.url]:
        assert shows(reader, url, "Cẩm Hưng" if "sitemap" not in url else news.url), url
    assert cached_get(reader, news.url)


def test_republishing_purges_old_places_too_a_dropped_tag(reader, committed, first_item):
    other = make_news(first_item.get_parent(), "Tin khác", tags=["OCOP"])
    warm(reader, "/the/ocop/", first_item.url, other.url)
    edited = first_item.get_latest_revision_as_object()
    edited.title = "Hội nghị tổng kết nông thôn mới"
    edited.tags.set(["Chuyển đổi số"])
    with committed():
        edited.save_revision().publish()
    assert not shows(reader, "/the/ocop/", "Hội nghị"), "the old tag page lost it"
    assert shows(reader, "/the/chuyen-doi-so/", "Hội nghị tổng kết")
    assert shows(reader, other.url, "Hội nghị tổng kết"), "its neighbour shows the new title"
    assert shows(reader, first_item.url, "Hội nghị tổng kết")


def test_unpublishing_removes_it_everywhere(reader, committed, first_item, resolution):
    cited = make_news(first_item.get_parent(), "Tin trích dẫn Cẩm Hưng", cites=[resolution])
    warm(reader, cited.url, first_item.url, resolution.url, "/", "/rss/")
    with committed():
        cited.unpublish()
    assert reader.get(cited.url).status_code == 404
    for url in [first_item.url, resolution.url, "/", "/rss/"]:
        assert not shows(reader, url, "Tin trích dẫn Cẩm Hưng"), url


def test_moving_purges_old_and_new_places(reader, committed, news_root, first_item):
    other = make_news_index(news_root, "Tin huyện, thị xã")
    old_url, old_category = first_item.url, first_item.get_parent().url
    warm(reader, old_url, old_category, other.url)
    with committed():
        first_item.move(other, pos="last-child")
    first_item.refresh_from_db()
    moved = reader.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == first_item.url, "Wagtail's redirect"
    assert not shows(reader, old_category, "Hội nghị sơ kết")
    assert shows(reader, other.url, "Hội nghị sơ kết")
    assert shows(reader, first_item.url, "Hội nghị sơ kết")


def test_deleting_purges_its_page_and_listings(reader, committed, first_item):
    url, category = first_item.url, first_item.get_parent().url
    warm(reader, url, category, "/")
    with committed():
        first_item.delete()
    assert reader.get(url).status_code == 404
    assert not shows(reader, category, "Hội nghị sơ kết")
    assert not shows(reader, "/", "Hội nghị sơ kết")


def test_scheduled_publishing_and_expiry_purge_when_the_scheduler_runs(reader, committed, province):
    item = make_news(province, "Tin hẹn giờ Cẩm Hưng", publish=False)
    warm(reader, province.url, "/")
    past = timezone.now() - datetime.timedelta(minutes=1)
    assert item.save_revision(approved_go_live_at=past).approved_go_live_at
    with committed():
        call_command("publish_scheduled")
    assert shows(reader, province.url, "Tin hẹn giờ Cẩm Hưng")
    warm(reader, province.url, "/")
    item.refresh_from_db()
    item.expire_at = timezone.now() - datetime.timedelta(seconds=1)
    item.save(update_fields=["expire_at"])
    with committed():
        call_command("publish_scheduled")
    assert not shows(reader, province.url, "Tin hẹn giờ Cẩm Hưng")
    assert not shows(reader, "/", "Tin hẹn giờ Cẩm Hưng")


def test_renaming_a_category_purges_the_breadcrumbs_below_it(reader, committed, first_item):
    warm(reader, first_item.url)
    category = first_item.get_parent().specific
    category.title = "Tin tức trong tỉnh Hà Tĩnh"
    with committed():
        category.save_revision().publish()
    assert shows(reader, first_item.url, "Tin tức trong tỉnh Hà Tĩnh")


def test_a_new_menu_section_purges_every_page(reader, committed, first_item, home_page):
    warm(reader, first_item.url, "/the/ocop/")
    with committed():
        make_news_index(home_page, "Gương điển hình", show_in_menus=True)
    assert shows(reader, first_item.url, "Gương điển hình")
    assert shows(reader, "/the/ocop/", "Gương điển hình")


def test_editing_a_sidebar_link_list_purges_every_page(reader, committed, first_item):
    links = RelatedLinkList.objects.create(name="Liên kết website", heading="Liên kết")
    RelatedLink.objects.create(link_list=links, title="Cổng tỉnh", url="https://hatinh.gov.vn")
    portal_settings(sidebar_links=links)
    warm(reader, first_item.url, first_item.get_parent().url)
    link = links.links.get()
    link.title = "Cổng thông tin tỉnh Hà Tĩnh"
    with committed():
        link.save()
    assert shows(reader, first_item.url, "Cổng thông tin tỉnh Hà Tĩnh")
    assert shows(reader, first_item.get_parent().url, "Cổng thông tin tỉnh Hà Tĩnh")


def test_editing_a_see_also_list_purges_the_news_that_show_it(reader, committed, province):
    links = RelatedLinkList.objects.create(name="Xem thêm OCOP", heading="Xem thêm")
    RelatedLink.objects.create(link_list=links, title="Sản phẩm OCOP", url="https://ocop.vn")
    item = make_news(province, "Tin có liên kết", related_links=links)
    other = make_news(province, "Tin không liên kết")
    warm(reader, item.url, other.url)
    links.heading = "Đọc thêm về OCOP"
    with committed():
        links.save()
    assert shows(reader, item.url, "Đọc thêm về OCOP")
    assert reader.get(other.url)["X-Page-Cache"] == "HIT", "a page without the list stays"


def test_a_linked_page_renamed_purges_the_lists_that_name_it(
    reader, committed, first_item, province
):
    links = RelatedLinkList.objects.create(name="Chân trang")
    RelatedLink.objects.create(link_list=links, page=first_item)
    portal_settings(footer_links=links)
    other = make_news(province, "Tin khác")
    warm(reader, other.url)
    first_item.title = "Hội nghị toàn tỉnh"
    with committed():
        first_item.save_revision().publish()
    assert shows(reader, other.url, "Hội nghị toàn tỉnh")


def test_editing_the_portal_settings_purges_every_page(reader, committed, first_item, resolution):
    warm(reader, first_item.url, resolution.url, "/rss/")
    with committed():
        portal_settings(phone="0239 3999 999")
    assert shows(reader, first_item.url, "0239 3999 999")
    assert shows(reader, resolution.url, "0239 3999 999")


def test_a_replacing_directive_purges_the_one_it_replaces(reader, committed, register, resolution):
    citing = make_news(
        make_news_index(register.get_parent(), "Tin tức"), "Tin về Nghị quyết", cites=[resolution]
    )
    warm(reader, resolution.url, register.url, citing.url)
    newer = make_directive(register, "58-NQ/TW", live=False)
    newer.outgoing_relations.add(
        DirectiveRelation(kind=DirectiveRelation.Kind.REPLACES, target=resolution)
    )
    with committed():
        newer.save_revision().publish()
    newer.refresh_from_db()
    assert shows(reader, resolution.url, "Được thay thế bởi")
    assert shows(reader, register.url, "58-NQ/TW")
    resolution.title = "Nghị quyết 57 về khoa học công nghệ"
    with committed():
        resolution.save_revision().publish()
    assert shows(reader, citing.url, "Nghị quyết 57 về khoa học công nghệ")
    assert shows(reader, newer.url, "Nghị quyết 57 về khoa học công nghệ")


def test_a_renamed_document_type_purges_the_register(reader, committed, register, resolution):
    warm(reader, register.url, resolution.url)
    document_type = resolution.document_type
    document_type.name = "Nghị quyết của Bộ Chính trị"
    with committed():
        document_type.save()
    assert shows(reader, register.url, "Nghị quyết của Bộ Chính trị")


def test_unrelated_pages_stay_cached(reader, committed, first_item, resolution, province):
    warm(reader, resolution.url, first_item.url)
    elsewhere = make_news_index(province.get_parent(), "Tin huyện")
    with committed():
        make_news(elsewhere, "Tin huyện Cẩm Xuyên")
    assert reader.get(resolution.url)["X-Page-Cache"] == "HIT"
    assert reader.get(first_item.url)["X-Page-Cache"] == "HIT", "not a neighbour: other category"


def test_restricting_a_section_purges_its_pages_and_every_listing(reader, committed, first_item):
    warm(reader, first_item.url, "/", "/the/ocop/", "/rss/")
    with committed():
        PageViewRestriction.objects.create(
            page=first_item.get_parent(), restriction_type=PageViewRestriction.LOGIN
        )
    assert reader.get(first_item.url).status_code == 302, "readers are sent to sign in"
    for url in ["/", "/rss/"]:
        assert not shows(reader, url, "Hội nghị sơ kết"), url
    assert reader.get("/the/ocop/").status_code == 404, "its only item is no longer listed"


def test_pages_written_in_bulk_purge_every_page(reader, committed, first_item, resolution):
    """Imports and generate_content write pages without Django's signals."""
    category = first_item.get_parent()
    warm(reader, "/", category.url, resolution.url)
    now = timezone.now()
    item = NewsPage(
        title="Tin nhập từ NukeViet",
        lead="Tóm tắt",
        published_at=now,
        first_published_at=now,
        last_published_at=now,
        live=True,
    )
    with committed():
        writer = BulkPageWriter()
        writer.add(category, item)
        writer.flush()
        writer.finish()
    assert shows(reader, category.url, "Tin nhập từ NukeViet")
    assert shows(reader, "/", "Tin nhập từ NukeViet")
    assert reader.get(resolution.url)["X-Page-Cache"] == "MISS"


def test_generate_content_purges_every_page_once_written(reader, committed, first_item):
    """Generated pages go through the bulk writer, like an import: no signal per page. The
    second run finds its sections made, so only the bulk writer writes."""
    category = first_item.get_parent()
    for _run in range(2):
        warm(reader, "/", category.url)
        with committed():
            call_command(
                "generate_content",
                "--news",
                "3",
                "--directives",
                "1",
                "--no-progress",
                stdout=StringIO(),
            )
        for url in ["/", category.url]:
            assert reader.get(url)["X-Page-Cache"] == "MISS", url

"""Category and tag pages: what they list, bad page numbers, unpublished news, query counts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import NEWS_PER_PAGE, NewsPageCategory
from tests.factories import make_image, make_news, make_news_index

pytestmark = pytest.mark.django_db

BASE = timezone.now() - timedelta(days=60)


def fill(category, count, prefix="Tin", **values):
    return [
        make_news(category, f"{prefix} {n}", published_at=BASE + timedelta(hours=n), **values)
        for n in range(count)
    ]


def test_category_lists_its_own_and_sub_categories_news_newest_first(
    client, news_root, province, districts
):
    make_news(news_root, "Tin chung", published_at=BASE)
    make_news(province, "Tin tỉnh", published_at=BASE + timedelta(days=1))
    make_news(districts, "Tin huyện", published_at=BASE + timedelta(days=2))
    response = client.get(news_root.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Tin huyện") < html.index("Tin tỉnh") < html.index("Tin chung")
    only_province = client.get(province.url).content.decode()
    assert "Tin tỉnh" in only_province and "Tin huyện" not in only_province


def test_news_card_shows_vietnamese_date_and_lead(client, province):
    moment = timezone.make_aware(timezone.datetime(2026, 11, 28, 9, 15))
    make_news(province, "Tin thứ Bảy", published_at=moment, lead="Tóm tắt riêng của tin.")
    html = client.get(province.url).content.decode()
    assert "Thứ Bảy, 28/11/2026, 09:15" in html
    assert "Tóm tắt riêng của tin." in html


def test_category_is_paginated(client, province):
    fill(province, NEWS_PER_PAGE + 3)
    first = client.get(province.url).context["news_page"]
    second = client.get(province.url, {"page": 2}).context["news_page"]
    assert first.paginator.num_pages == 2
    assert len(first.object_list) == NEWS_PER_PAGE and len(second.object_list) == 3
    assert list(second.object_list)[-1].title == "Tin 0", "the last page ends with the oldest item"


def test_bad_page_numbers_fall_back_to_first_or_last_page(client, province):
    fill(province, NEWS_PER_PAGE + 1)
    cases = [("abc", 1), ("0", 1), ("-1", 1), ("1.5", 1), ("", 1), ("999999", 2), ("2", 2)]
    for raw, expected in cases:
        response = client.get(province.url, {"page": raw})
        assert response.status_code == 200, f"?page={raw} must not fail"
        assert response.context["news_page"].number == expected, f"?page={raw} gives {expected}"


def test_unpublished_news_never_listed_anywhere(client, news_root, province):
    make_news(province, "Tin công khai", tags=["nông thôn mới"])
    make_news(province, "Tin bản nháp", publish=False, tags=["nông thôn mới"])
    make_news(
        province,
        "Tin hẹn giờ",
        go_live_at=timezone.now() + timedelta(days=3),
        tags=["nông thôn mới"],
    )
    make_news(
        province,
        "Tin hết hạn",
        expire_at=timezone.now() - timedelta(minutes=5),
        tags=["nông thôn mới"],
    )
    for url in [news_root.url, province.url, "/the/nong-thon-moi/", "/rss/", f"{province.url}rss/"]:
        html = client.get(url).content.decode()
        assert "Tin công khai" in html, f"{url} must list the published item"
        for hidden in ("Tin bản nháp", "Tin hẹn giờ", "Tin hết hạn"):
            assert hidden not in html, f"{url} must not list {hidden}"


def test_news_in_a_private_section_is_not_listed(client, news_root, province, districts):
    from wagtail.models import PageViewRestriction

    make_news(province, "Tin công khai", tags=["OCOP"])
    make_news(districts, "Tin nội bộ", tags=["OCOP"])
    PageViewRestriction.objects.create(
        page=districts, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    for url in [news_root.url, "/the/ocop/", "/rss/"]:
        html = client.get(url).content.decode()
        assert "Tin công khai" in html and "Tin nội bộ" not in html, url


def test_tag_page_lists_every_category_and_only_that_tag(client, province, districts):
    make_news(province, "Tin OCOP tỉnh", tags=["OCOP"])
    make_news(districts, "Tin OCOP huyện", tags=["OCOP", "Đặc sản"])
    make_news(districts, "Tin khác", tags=["Đặc sản"])
    response = client.get("/the/ocop/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tin OCOP tỉnh" in html and "Tin OCOP huyện" in html and "Tin khác" not in html
    assert client.get("/the/dac-san/").status_code == 200, "tag addresses are ASCII"


def test_unknown_tag_or_tag_without_published_news_is_404(client, province):
    make_news(province, "Bản nháp", publish=False, tags=["bí mật"])
    assert client.get("/the/khong-ton-tai/").status_code == 404
    assert client.get("/the/bi-mat/").status_code == 404


def test_tag_page_bad_page_number_gives_first_page(client, province):
    make_news(province, "Tin có thẻ", tags=["OCOP"])
    response = client.get("/the/ocop/", {"page": "abc"})
    assert response.status_code == 200 and "Tin có thẻ" in response.content.decode()


def test_news_page_shows_breadcrumbs_date_source_and_tags(client, news_root, province):
    moment = timezone.make_aware(timezone.datetime(2026, 11, 28, 9, 15))
    news = make_news(
        province,
        "Tin có nguồn",
        published_at=moment,
        source_name="Anh Hoài/baohatinh.vn",
        source_url="https://baohatinh.vn/",
        tags=["Nông thôn mới"],
    )
    html = client.get(news.url).content.decode()
    assert "Thứ Bảy, 28/11/2026, 09:15" in html
    assert "Theo <a" in html and "Anh Hoài/baohatinh.vn</a>" in html
    assert 'href="/the/nong-thon-moi/"' in html
    assert f'href="{news_root.url}"' in html and f'href="{province.url}"' in html


def _with_images(category, count, prefix):
    for n in range(count):
        make_news(
            category,
            f"{prefix} {n}",
            published_at=BASE + timedelta(hours=n),
            featured_image=make_image(f"Ảnh {prefix} {n}", (n * 20 % 255, 90, 120)),
            tags=["OCOP", "Nông thôn mới"],
            body=[
                ("paragraph", "<p>Đoạn văn</p>"),
                (
                    "image",
                    {"image": make_image(f"Ảnh thân {prefix}"), "alt_text": "Ảnh minh họa"},
                ),
            ],
        )


def _site_link_lists(site_settings, home_page):
    """Every link list a news page can show: sidebar, footer and its own "see also"."""
    from home.models import RelatedLink, RelatedLinkList

    lists = []
    for name in ("Cột bên", "Chân trang", "Xem thêm"):
        link_list = RelatedLinkList.objects.create(name=name, heading=name)
        RelatedLink.objects.create(link_list=link_list, title="Báo", url="https://a.vn/")
        RelatedLink.objects.create(link_list=link_list, page=home_page)
        lists.append(link_list)
    site_settings.sidebar_links, site_settings.footer_links = lists[:2]
    site_settings.save()
    return lists[2]


@pytest.mark.parametrize("count", [2, 9])
def test_reader_pages_run_a_fixed_number_of_queries(
    client, home_page, site_settings, province, django_assert_max_num_queries, count
):
    see_also = _site_link_lists(site_settings, home_page)
    _with_images(province, count, "Tin ảnh")
    news = province.news().first()
    news.related_links = see_also
    news.save_revision().publish()
    for url in [province.url, news.url, "/the/ocop/"]:
        client.get(url)  # the first visit creates renditions; count the steady state
        with django_assert_max_num_queries(12, info=url):
            assert client.get(url).status_code == 200


def test_unknown_or_draft_addresses_under_a_category_are_404(client, province):
    make_news(province, "Tin nháp", publish=False)
    assert client.get(f"{province.url}khong-co-tin-nay/").status_code == 404
    assert client.get(f"{province.url}tin-nhap/").status_code == 404
    assert client.get(f"{province.url}rss/").status_code == 200, "the feed route still answers"


def test_featured_news_is_marked_in_the_category_list(client, province):
    make_news(province, "Tin nổi bật nhất", featured=True)
    make_news(province, "Tin thường", published_at=timezone.now() - timedelta(days=1))
    html = client.get(province.url).content.decode()
    assert html.count("Tin nổi bật</p>") == 1, "only the featured item carries the badge"
    assert html.index("Tin nổi bật</p>") < html.index("Tin nổi bật nhất")


def also_list(page, category):
    """List ``page`` in ``category`` too, as an editor does: in the page, then publish."""
    page.extra_categories = [NewsPageCategory(category=category)]
    page.save_revision().publish()


def test_category_count_holds_news_listed_from_elsewhere_once(client, news_root, province):
    """``news_count`` counts the listing; it must give what ``news()`` lists."""
    hamlet = make_news_index(province, "Tin thôn xóm")
    elsewhere = make_news_index(news_root, "Tin nơi khác")
    below = make_news(hamlet, "Tin thôn", published_at=BASE)
    listed = make_news(elsewhere, "Tin được liệt kê", published_at=BASE)
    also_list(below, province)  # below and listed: once
    also_list(listed, hamlet)
    make_news(province, "Tin nháp", publish=False)
    make_news(province, "Tin hết hạn", expire_at=timezone.now() - timedelta(hours=1))
    for category in (news_root, province, hamlet, elsewhere):
        assert category.news_count() == category.news().count(), category.title
    assert province.news_count() == 2
    assert hamlet.news_count() == 2
    html = client.get(f"{province.url}?page=9").content.decode()
    assert "Tin thôn" in html and "Tin được liệt kê" in html, "the last page is page 1"


def test_cached_category_count_follows_publishing_and_unpublishing(client, province):
    fill(province, NEWS_PER_PAGE)

    def pages():
        return client.get(province.url).context["news_page"].paginator.num_pages

    assert pages() == 1
    assert pages() == 1, "the count now comes from the cache"
    extra = make_news(province, "Tin thêm")
    assert pages() == 2, "publishing gives the counts a new version"
    extra.unpublish()
    assert pages() == 1, "so does unpublishing"

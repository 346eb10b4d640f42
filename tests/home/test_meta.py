"""Sitemap, robots.txt, canonical and link-preview tags, favicon, 404 and 500 pages."""

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import PageViewRestriction

from demo.images import demo_image
from home.models import HomePage
from home.sitemaps import ReaderSitemap
from tests.factories import make_directive, make_directive_index, make_news, make_news_index

pytestmark = pytest.mark.django_db

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_live_pages_with_lastmod_per_the_protocol(client, home_page):
    live = home_page.add_child(instance=HomePage(title="Giới thiệu chung"))
    live.save_revision().publish()
    draft = home_page.add_child(instance=HomePage(title="Bản nháp riêng", live=False))
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP_NS}urlset", "root must be <urlset> in the sitemap namespace"
    entries = {}
    for url in root:
        assert url.tag == f"{SITEMAP_NS}url"
        children = {child.tag.removeprefix(SITEMAP_NS): child.text for child in url}
        assert set(children) <= {"loc", "lastmod", "changefreq", "priority"}
        assert children["loc"].startswith(("http://", "https://")), "loc must be absolute"
        entries[children["loc"]] = children
    assert live.full_url in entries
    assert draft.full_url not in entries, "drafts must stay out of the sitemap"
    lastmod = entries[live.full_url].get("lastmod")
    assert lastmod, "a published page must carry lastmod"
    datetime.fromisoformat(lastmod)


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_page_has_canonical_and_link_preview_tags(client, site_settings, monkeypatch):
    page = site_settings.site.root_page.specific
    page.add_child(instance=HomePage(title="Liên hệ", search_description="Địa chỉ liên hệ"))
    html = client.get("/lien-he/").content.decode()
    assert '<link rel="canonical" href="http://localhost/lien-he/">' in html
    assert '<meta property="og:title" content="Liên hệ">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:description" content="Địa chỉ liên hệ">' in html
    assert f'<meta property="og:site_name" content="{site_settings.portal_name}">' in html
    assert '<meta name="twitter:card" content="summary">' in html, "no image: small card"
    image = demo_image("Ảnh chia sẻ")
    monkeypatch.setattr(HomePage, "og_image", lambda self: image)
    html = client.get("/lien-he/").content.decode()
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:image" content="http://testserver/' in html


def test_a_page_with_nothing_of_its_own_is_described_by_the_portal(client, site_settings):
    """The home page of a site built without the demo has no description or summary."""
    html = client.get("/").content.decode()
    description = f"Trang chủ – {site_settings.portal_name}"
    assert f'<meta name="description" content="{description}">' in html


def test_favicon_is_served_locally(client, home_page):
    html = client.get("/").content.decode()
    assert 'rel="icon" href="/static/img/favicon.svg"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.ico"


@pytest.mark.parametrize(
    ("path", "status"), [("/robots.txt", 200), ("/favicon.ico", 301), ("/tim-kiem/?q=a", 200)]
)
def test_reader_tools_answer_head_like_get(client, site_settings, path, status):
    """Link checkers, uptime monitors and some crawlers ask with HEAD first."""
    response = client.head(path)
    assert response.status_code == status, f"HEAD {path} should answer as GET does"
    assert response.content == b""
    assert client.post(path).status_code == 405, "posting to a reader tool is still refused"


def test_404_is_vietnamese_with_header_and_search_box(client, site_settings):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert site_settings.portal_name in html
    assert 'action="/tim-kiem/"' in html, "the 404 page must keep the search box"


def test_500_page_renders_without_context_processors_or_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Hệ thống đang gặp sự cố" in html
    assert 'action="/tim-kiem/"' in html, "the 500 page must keep the search box"


def test_sitemap_gives_wagtail_s_entries_from_base_pages(rf, news_root, province):
    """The portal's sitemap reads base pages; Wagtail's reads every page as its own type."""
    make_news(province, "Tin trong tỉnh đầu tiên", tags=["OCOP"])
    make_directive(make_directive_index(news_root.get_parent()), "57-NQ/TW")
    private = make_news_index(news_root, "Chuyên mục nội bộ")
    make_news(private, "Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    request = rf.get("/sitemap.xml")

    def entries(sitemap):
        return sorted(
            (entry["location"], entry["lastmod"])
            for page in sitemap.items()
            for entry in page.get_sitemap_urls(request)
        )

    ours = entries(ReaderSitemap(request))
    assert ours == entries(Sitemap(request))
    assert len(ours) == 6 and not any("noi-bo" in location for location, _ in ours)


def sitemap_locations(client, url, tag):
    root = ET.fromstring(client.get(url).content)
    assert root.tag == f"{SITEMAP_NS}{tag}", url
    return [element.text for element in root.iter(f"{SITEMAP_NS}loc")]


def test_a_sitemap_over_one_file_is_an_index_of_its_files(client, province, monkeypatch):
    for number in range(4):
        make_news(province, f"Tin số {number}")
    whole = sitemap_locations(client, "/sitemap.xml", "urlset")
    assert len(whole) == 7  # home, two categories, four items
    monkeypatch.setattr(ReaderSitemap, "limit", 3)
    files = sitemap_locations(client, "/sitemap.xml", "sitemapindex")
    assert files == [f"http://localhost/sitemap.xml?p={number}" for number in (1, 2, 3)]
    parts = [
        sitemap_locations(client, url.removeprefix("http://localhost"), "urlset") for url in files
    ]
    assert [len(part) for part in parts] == [3, 3, 1]
    assert sorted(sum(parts, [])) == sorted(whole)

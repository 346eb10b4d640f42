"""Related-link lists: editing in the admin, revisions, usage, and where readers see them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import RelatedLink, RelatedLinkList
from tests.factories import make_link_list, make_news, make_news_index, portal_settings

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/home/relatedlinklist/"


def test_link_lists_have_their_own_admin_menu_item():
    from wagtail.admin.menu import admin_menu

    items = {item.name: item for item in admin_menu.registered_menu_items}
    assert items["related-link-lists"].url == LIST_URL
    assert str(items["related-link-lists"].label) == "Danh sách liên kết"


def test_listing_searches_by_name(admin_client):
    make_link_list("Liên kết website", heading="")
    make_link_list("Tin liên quan OCOP", heading="")
    response = admin_client.get(LIST_URL, {"q": "OCOP"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tin liên quan OCOP" in html and "Liên kết website" not in html


def test_creating_a_list_in_the_admin_saves_ordered_links_and_a_revision(admin_client, home_page):
    data = nested_form_data(
        {
            "name": "Xem thêm",
            "heading": "Xem thêm",
            "links": inline_formset(
                [
                    {"title": "Báo Hà Tĩnh", "url": "https://baohatinh.vn/", "page": ""},
                    {"title": "", "url": "", "page": home_page.pk},
                ]
            ),
        }
    )
    response = admin_client.post(f"{LIST_URL}add/", data)
    assert response.status_code == 302, "a valid list must be saved"
    link_list = RelatedLinkList.objects.get(name="Xem thêm")
    assert [link.text for link in link_list.links.all()] == ["Báo Hà Tĩnh", "Trang chủ"]
    assert Revision.objects.for_instance(link_list).count() == 1
    history = admin_client.get(f"{LIST_URL}history/{link_list.pk}/")
    assert history.status_code == 200


def test_a_link_needs_exactly_one_target_and_external_links_a_title(home_page):
    link_list = make_link_list()
    with pytest.raises(ValidationError):
        RelatedLink(link_list=link_list, title="Trống").full_clean()
    with pytest.raises(ValidationError):
        RelatedLink(link_list=link_list, page=home_page, url="https://a.vn/").full_clean()
    with pytest.raises(ValidationError):
        RelatedLink(link_list=link_list, url="https://a.vn/").full_clean()


def test_admin_form_shows_a_vietnamese_error_for_a_link_without_target(admin_client):
    data = nested_form_data(
        {
            "name": "Lỗi",
            "heading": "",
            "links": inline_formset([{"title": "Không đích", "url": "", "page": ""}]),
        }
    )
    response = admin_client.post(f"{LIST_URL}add/", data)
    assert response.status_code == 200
    assert "Hãy chọn một trong ba" in response.content.decode()
    assert not RelatedLinkList.objects.filter(name="Lỗi").exists()


def test_sidebar_and_footer_show_the_lists_chosen_in_settings(client, home_page, site_settings):
    category = make_news_index(home_page, "Tin tức - Sự kiện")
    sidebar = make_link_list(
        "Cột bên", "Liên kết website", [("Cổng Hà Tĩnh", None, "https://hatinh.gov.vn/")]
    )
    footer = make_link_list("Chân trang", "Chuyên mục", [("", category, "")])
    site_settings.sidebar_links = sidebar
    site_settings.footer_links = footer
    site_settings.save()
    html = client.get(category.url).content.decode()
    sidebar_html = html[html.index('class="sidebar"') :]
    assert "Liên kết website" in sidebar_html and 'href="https://hatinh.gov.vn/"' in sidebar_html
    footer_html = html[html.index("<footer") :]
    assert f'href="{category.url}"' in footer_html and "Tin tức - Sự kiện" in footer_html


def test_usage_report_lists_the_news_pages_and_settings_using_a_list(admin_client, home_page):
    link_list = make_link_list("Tin liên quan", "Tin liên quan", [("Báo", None, "https://a.vn/")])
    category = make_news_index(home_page, "Tin tức - Sự kiện")
    news = make_news(category, "Tin có liên kết", related_links=link_list)
    ReferenceIndex.create_or_update_for_object(news)
    response = admin_client.get(f"{LIST_URL}usage/{link_list.pk}/")
    assert response.status_code == 200
    assert "Tin có liên kết" in response.content.decode(), "the usage report names the page"


def test_news_page_shows_its_related_links(client, home_page, site_settings):
    link_list = make_link_list("Xem thêm OCOP", "", [("Sản phẩm OCOP", None, "https://ocop.vn/")])
    category = make_news_index(home_page, "Tin tức - Sự kiện")
    news = make_news(category, "Tin OCOP", related_links=link_list)
    html = client.get(news.url).content.decode()
    assert "Xem thêm" in html and 'href="https://ocop.vn/"' in html


def test_the_lists_of_a_page_sidebar_and_footer_load_in_one_query(client, home_page):
    """The per-request link-list cache: three lists on one page, one query for their links."""
    sidebar = make_link_list("Liên kết nhanh", "", [("Cổng tỉnh", None, "https://hatinh.gov.vn/")])
    footer = make_link_list("Chân trang", "", [("Bộ Nông nghiệp", None, "https://mae.gov.vn/")])
    own = make_link_list("Xem thêm OCOP", "", [("Sản phẩm OCOP", None, "https://ocop.vn/")])
    portal_settings(sidebar_links=sidebar, footer_links=footer)
    news = make_news(make_news_index(home_page, "Tin tức"), "Tin OCOP", related_links=own)
    client.get(news.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(news.url).content.decode()
    for url in ("https://hatinh.gov.vn/", "https://mae.gov.vn/", "https://ocop.vn/"):
        assert url in html, url
    link_queries = [q["sql"] for q in queries if 'FROM "home_relatedlink"' in q["sql"]]
    assert len(link_queries) == 1, f"the three lists in one query, not {len(link_queries)}"


def test_copying_a_list_creates_a_new_list_and_leaves_the_original(admin_client, home_page):
    """Wagtail's copy view used to save the form onto the list being copied."""
    from tests.editorial.admin_forms import read_form

    original = make_link_list(
        "Liên kết website", links=[("Báo Hà Tĩnh", None, "https://baohatinh.vn/")]
    )
    copy_url = f"{LIST_URL}copy/{original.pk}/"
    page = admin_client.get(copy_url)
    assert page.status_code == 200
    data = read_form(page.content.decode(), form_id=None)
    assert data["name"] == "Liên kết website", "the form starts from the original"
    assert data["links-0-title"] == "Báo Hà Tĩnh"
    assert data["links-0-id"] == "", "the copied links are new links"
    response = admin_client.post(copy_url, {**data, "name": "Liên kết website (bản sao)"})
    assert response.status_code == 302
    original.refresh_from_db()
    assert original.name == "Liên kết website"
    assert [link.title for link in original.links.all()] == ["Báo Hà Tĩnh"]
    copy = RelatedLinkList.objects.get(name="Liên kết website (bản sao)")
    assert copy.pk != original.pk
    assert [link.url for link in copy.links.all()] == ["https://baohatinh.vn/"]
    assert copy.latest_revision.object_id == str(copy.pk)

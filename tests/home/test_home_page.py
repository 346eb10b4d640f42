"""The home page and the site frame, requested over HTTP as readers do."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_vietnamese_with_footer_fields(client, site_settings):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    for value in (
        site_settings.portal_name,
        site_settings.agency_in_charge,
        site_settings.content_responsible,
        site_settings.licence_number,
        site_settings.address,
        site_settings.phone,
        site_settings.email,
    ):
        assert value in html, f"footer should show {value!r}"
    assert "Cơ quan chủ quản" in html, "footer labels should be translated to Vietnamese"
    assert 'href="#main-content"' in html and 'id="main-content"' in html, "skip link missing"


def test_main_navigation_lists_live_menu_pages_only(client, home_page, site_settings):
    from home.models import HomePage

    shown = home_page.add_child(instance=HomePage(title="Giới thiệu", show_in_menus=True))
    hidden = home_page.add_child(instance=HomePage(title="Nội bộ", show_in_menus=False))
    draft = home_page.add_child(instance=HomePage(title="Bản nháp", show_in_menus=True, live=False))
    nav = client.get("/").content.decode().split('class="main-nav"')[1].split("</nav>")[0]
    assert shown.title in nav
    assert hidden.title not in nav
    assert draft.title not in nav


def test_unknown_page_gives_vietnamese_404_inside_the_site_frame(client, site_settings):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert site_settings.portal_name in html


def test_anonymous_admin_request_redirects_to_login(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_login_works_and_speaks_vietnamese(client, home_page):
    from tests.factories import make_superuser

    make_superuser("quantri", "mat-khau-123")
    response = client.post(
        "/admin/login/", {"username": "quantri", "password": "mat-khau-123"}, follow=True
    )
    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated
    assert '<html lang="vi"' in response.content.decode()


def test_stylesheets_are_served_locally(client, home_page):
    html = client.get("/").content.decode()
    assert "/static/css/portal.css" in html
    assets = re.findall(
        r'<(?:link rel="(?:stylesheet|icon)"|script)[^>]*(?:href|src)="([^"]+)"', html
    )
    assert assets, "the page should load its stylesheets and icon"
    external = [url for url in assets if url.startswith(("http:", "https:", "//"))]
    assert not external, f"stylesheets, scripts and icons must be local, found {external}"

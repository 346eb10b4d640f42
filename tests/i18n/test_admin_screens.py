"""Wagtail's screens served over HTTP read the project's Vietnamese, not Wagtail's English.

The catalogue tests prove the files are complete; this proves Django finds them
(LOCALE_PATHS, compiled .mo) for screens whose strings come from those catalogues.
"""

import re

import pytest
from wagtail.models import Collection

from tests.factories import make_superuser


@pytest.fixture
def admin_client(client, home_page):
    # Upload forms need the root collection, which a transactional test's flush removes.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Gốc")
    client.force_login(make_superuser())
    return client


@pytest.mark.parametrize(
    "url, vietnamese, english",
    [
        ("/admin/images/", "Thêm ảnh", "Add an image"),
        ("/admin/images/multiple/add/", "Kéo và thả ảnh vào vùng này", "Drag and drop images"),
        ("/admin/documents/", "Thêm tài liệu", "Add a document"),
        ("/admin/documents/multiple/add/", "Thêm nhiều tài liệu", "Add multiple documents"),
        ("/admin/redirects/", "Nhập chuyển hướng", "Import redirects"),
        ("/admin/redirects/add/", "Chuyển hướng vĩnh viễn giúp", "Permanent redirects ensure"),
        ("/admin/forms/", "Biểu mẫu", "Forms"),
    ],
)
def test_admin_screen_speaks_vietnamese(admin_client, url, vietnamese, english):
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert vietnamese in html
    assert english not in html


@pytest.mark.parametrize(
    "url, vietnamese",
    [("/admin/images/chooser/", "Chọn ảnh"), ("/admin/documents/chooser/", "Chọn tài liệu")],
)
def test_choosers_speak_vietnamese(admin_client, url, vietnamese):
    response = admin_client.get(url)
    assert response.status_code == 200
    assert vietnamese in response.json()["html"]


def test_screen_reader_text_hard_coded_in_wagtail_reads_vietnamese(admin_client):
    """Two Wagtail templates write English outside gettext; the project's copies translate."""
    html = admin_client.get("/admin/users/").content.decode()
    assert '<nav aria-label="Thao tác" id="w-slim-header-buttons"' in html
    assert 'aria-label="Actions"' not in html
    status_icons = re.findall(
        r'icon-(?:check|cross|help)[^>]*>.*?<span class="w-sr-only">\s*([^<]*?)\s*</span>',
        html,
        re.S,
    )
    assert status_icons and set(status_icons) <= {"Có", "Không", "Chưa xác định"}, status_icons

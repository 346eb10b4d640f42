"""Uploads: images checked by their content and refused over the pixel limit (decompression
bombs), in Vietnamese; documents always downloaded with Content-Disposition and nosniff."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import make_directive, make_directive_index, make_document, make_superuser

pytestmark = pytest.mark.django_db
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def png(width, height, mode="1"):
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@pytest.fixture
def admin(client, home_page):
    client.force_login(make_superuser())
    return client


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh thử",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_the_pixel_limit_is_the_one_the_readme_states():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 25_000_000
    readme = (settings.BASE_DIR / "README.md").read_text()
    assert "25 megapixels" in readme


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (10_000, 10_000),  # the reported bomb: 100 megapixels, 1.3 MB on the wire
        (6_000, 5_000),  # 30 megapixels: below Pillow's own bomb threshold (89 megapixels)
    ],
)
def test_an_image_over_the_pixel_limit_is_refused_in_vietnamese(admin, width, height):
    bomb = png(width, height)
    assert len(bomb) < 2 * 1024 * 1024, "small on the wire, huge once decoded"
    response = upload_image(admin, "bom.png", bomb)
    assert response.status_code == 200
    message = f"Tệp có quá nhiều điểm ảnh ({width * height}). Tối đa 25000000 điểm ảnh."
    assert message in response.content.decode(), "refused by the portal's limit, in Vietnamese"
    assert not get_image_model().objects.exists()


def test_a_photo_under_the_limit_is_accepted(admin):
    response = upload_image(admin, "anh.png", png(1600, 900, "RGB"))
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("anh.svg", SVG, "Định dạng ảnh không được hỗ trợ"),
        ("anh.png", SVG, "Không phải ảnh .png hợp lệ"),
        ("anh.jpg", HTML, "Không phải ảnh .jpeg hợp lệ"),
        ("anh.gif", png(40, 40), "Không phải ảnh .gif hợp lệ"),
    ],
)
def test_an_image_is_checked_by_its_content(admin, name, content, message):
    response = upload_image(admin, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("nghi-quyet.pdf", None), ("bang.xlsx", None)],
)
def test_documents_are_sent_with_disposition_and_nosniff(client, home_page, name, content):
    from tests.directives.test_attachments import XLSX

    data = XLSX if name.endswith(".xlsx") else None
    document = make_document("Văn bản", name, content=data)
    make_directive(make_directive_index(home_page), attachments=[document])
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].split(";")[0] in {"attachment", "inline"}
    assert f'filename="{document.filename}"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"

"""An upload the media folder refuses: a Vietnamese message, no row, no file, never a 500.

Here the media folder cannot be created (its parent is a file: a real OSError, as root too);
the full disk and the read-only folder are drilled on real small file systems by
deploy/drill.py.
"""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from directives.pdf import minimal_pdf
from tests.factories import make_superuser

# Requests run in autocommit, as in production: no test transaction around the failed save.
pytestmark = pytest.mark.django_db(transaction=True)
MESSAGE = "Không lưu được tệp"


@pytest.fixture
def broken_media(settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = str(blocker / "media")
    return blocker


@pytest.fixture
def editor(client, home_page):
    make_superuser()
    client.login(username="admin", password="secret-pass-123")
    return client


def png_upload(name="anh.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def root_collection():
    return Collection.get_first_root_node().pk


def test_image_upload_to_unwritable_media_explains_itself(editor, broken_media):
    response = editor.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh hội nghị", "file": png_upload(), "collection": root_collection()},
        follow=True,
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not get_image_model().objects.exists()


def test_document_upload_to_unwritable_media_explains_itself(editor, broken_media):
    response = editor.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Nghị quyết",
            "file": SimpleUploadedFile("nghi-quyet.pdf", minimal_pdf(["57-NQ/TW"])),
            "collection": root_collection(),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not get_document_model().objects.exists()


def test_multiple_upload_answers_the_upload_screen_in_json(editor, broken_media):
    response = editor.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": png_upload(), "collection": root_collection()},
    )
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["success"] is False
    assert MESSAGE in body["error_message"]
    assert not get_image_model().objects.exists()

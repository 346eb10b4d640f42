"""An upload the media folder refuses: a Vietnamese message, no row, no file, never a 500.

Three real refusals: a media folder that cannot be created (its parent is a file), a full
disk and a read-only disk (small tmpfs mounts, which need root: skipped, with the reason,
elsewhere). MediaStorage turns the OSError into MediaWriteError after removing the partial file.
"""

import io
import json
import os
import subprocess

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


def mounted_tmpfs(folder, options):
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {result.stderr.decode().strip()}")


@pytest.fixture
def full_media(settings, tmp_path):
    """A 256 KiB disk already filled to its last few kilobytes."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    media = tmp_path / "full"
    mounted_tmpfs(media, "size=256k")
    filler = media / "filler.bin"
    with open(filler, "wb") as handle:
        try:
            handle.write(b"\0" * (256 * 1024 - 4096))
        except OSError:
            pass
    settings.MEDIA_ROOT = str(media)
    yield media
    subprocess.run(["umount", "-l", str(media)], check=False)


@pytest.fixture
def read_only_media(settings, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    media = tmp_path / "read-only"
    mounted_tmpfs(media, "size=256k,ro")
    settings.MEDIA_ROOT = str(media)
    yield media
    subprocess.run(["umount", "-l", str(media)], check=False)


def big_png_upload(name="anh-lon.png"):
    """About 200 KB that does not compress: more than the full disk has left."""
    image = PILImage.frombytes("RGB", (300, 250), os.urandom(300 * 250 * 3))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


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


@pytest.mark.parametrize("disk", ["full_media", "read_only_media"])
def test_image_upload_to_a_full_or_read_only_disk_keeps_nothing_half_saved(editor, disk, request):
    media = request.getfixturevalue(disk)
    before = sorted(path.name for path in media.rglob("*") if path.is_file())
    response = editor.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh hội nghị", "file": big_png_upload(), "collection": root_collection()},
        follow=True,
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode(), "the editor is told in Vietnamese"
    assert not get_image_model().objects.exists(), "no image row without its file"
    after = sorted(path.name for path in media.rglob("*") if path.is_file())
    assert after == before, "no partly written file is left on the disk"


def test_document_upload_to_a_full_disk_keeps_nothing_half_saved(editor, full_media):
    pdf = minimal_pdf(["57-NQ/TW"]) + b"%" + os.urandom(64 * 1024).hex().encode()
    response = editor.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Nghị quyết",
            "file": SimpleUploadedFile("nghi-quyet.pdf", pdf),
            "collection": root_collection(),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not get_document_model().objects.exists()
    assert [path.name for path in full_media.rglob("*") if path.is_file()] == ["filler.bin"]

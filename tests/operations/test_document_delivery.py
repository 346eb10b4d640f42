"""Documents: never from /media/ in development, handed to nginx in production only after the
download view's rules (X-Accel-Redirect), and a private file gets no X-Accel-Redirect at all."""

import pytest
from django.test import Client
from wagtail.utils.sendfile import _get_sendfile

from tests.factories import make_directive, make_directive_index, make_document, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def nginx_delivery(settings):
    settings.SENDFILE_BACKEND = "operations.sendfile_nginx"
    _get_sendfile.clear()
    yield
    _get_sendfile.clear()


def test_live_document_is_handed_to_nginx_without_its_bytes(home_page, nginx_delivery):
    document = make_document("Nghị quyết 57", name="nghi-quyet-57.pdf")
    make_directive(make_directive_index(), attachments=[document])
    response = Client().get(document.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_protected_media/{document.file.name}"
    assert response.content == b""
    assert response["Content-Disposition"] == 'inline; filename="nghi-quyet-57.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_document_of_an_unpublished_directive_is_not_handed_over(home_page, nginx_delivery):
    document = make_document("Dự thảo", name="du-thao.pdf")
    make_directive(make_directive_index(), live=False, attachments=[document])
    response = Client().get(document.url)
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response


def test_without_nginx_the_view_streams_the_file(home_page):
    document = make_document("Kế hoạch", name="ke-hoach.pdf")
    make_directive(make_directive_index(), attachments=[document])
    response = Client().get(document.url)
    assert response.status_code == 200
    assert "X-Accel-Redirect" not in response
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.fixture
def dev_site(settings, home_page):
    settings.ROOT_URLCONF = "tests.operations.dev_urls"
    return Client()


def test_development_media_serves_images(dev_site):
    image = make_image()
    response = dev_site.get(image.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_development_media_never_serves_documents(dev_site):
    document = make_document("Dự thảo", name="du-thao-kin.pdf")
    assert document.file.url.startswith("/media/documents/")
    response = dev_site.get(document.file.url)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert dev_site.get("/media/../settings.py").status_code == 404

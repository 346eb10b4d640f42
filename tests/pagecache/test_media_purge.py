"""Editing an image or a document purges the cached pages that show it.

Each test fills the cache, changes the file through the admin's own edit screen (as an
editor does), then checks that the next anonymous GET of every page that shows it is rendered
again and shows the change: new rendition addresses for a replaced image, the new title and
the new file's address for a document, wherever the reference index says it is used.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import Collection

from directives.pdf import minimal_pdf
from home.models import RelatedLink, RelatedLinkList
from tests.factories import make_directive, make_document, make_image, make_news
from tests.pagecache.conftest import cached_get, text

pytestmark = pytest.mark.django_db


def fresh(reader, url):
    response = reader.get(url)
    assert response.status_code == 200, url
    assert response["X-Page-Cache"] == "MISS", f"{url} must have been purged"
    return text(response)


def png(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 360), colour).save(buffer, "PNG")
    return buffer.getvalue()


def edit_image(admin_client, image, name, **changes):
    data = {"title": image.title, "collection": image.collection_id, "tags": "", **changes}
    data["file"] = SimpleUploadedFile(name, png((200, 30, 30)), "image/png")
    response = admin_client.post(f"/admin/images/{image.pk}/", data)
    assert response.status_code == 302, "the edit was saved"


def edit_document(admin_client, document, **changes):
    data = {"title": document.title, "collection": document.collection_id, "tags": "", **changes}
    response = admin_client.post(f"/admin/documents/edit/{document.pk}/", data)
    assert response.status_code == 302, "the edit was saved"


@pytest.fixture
def illustrated(province):
    return make_news(province, "Khánh thành cầu Cửa Sót", featured_image=make_image("Cầu"))


def test_replacing_an_image_purges_its_news_item_and_the_listings(
    reader, admin_client, committed, illustrated
):
    urls = [
        illustrated.url,
        illustrated.get_parent().url,
        illustrated.get_parent().get_parent().url,
    ]
    for url in urls:
        assert "cau-cua-sot-moi" not in text(cached_get(reader, url))
    with committed():
        edit_image(admin_client, illustrated.featured_image, "cau-cua-sot-moi.png")
    for url in urls:
        assert "cau-cua-sot-moi" in fresh(reader, url), f"{url} shows the new file's renditions"


def test_renaming_and_replacing_a_directive_attachment_purges_the_directive(
    reader, admin_client, committed, register
):
    document = make_document("Nghị quyết (bản ký)", "nghi-quyet.pdf")
    directive = make_directive(register, "12-NQ/TU", attachments=[document])
    assert "Nghị quyết (bản ký)" in text(cached_get(reader, directive.url))
    with committed():
        edit_document(admin_client, document, title="Nghị quyết (bản đóng dấu)")
    assert "Nghị quyết (bản đóng dấu)" in fresh(reader, directive.url)
    cached_get(reader, directive.url)
    new_file = SimpleUploadedFile(
        "nghi-quyet-dong-dau.pdf", minimal_pdf(["mới"]), "application/pdf"
    )
    with committed():
        edit_document(admin_client, document, title="Nghị quyết (bản đóng dấu)", file=new_file)
    document.refresh_from_db()
    assert "nghi-quyet-dong-dau" in document.filename
    assert document.url in fresh(reader, directive.url), "the link points at the new file"


def test_a_document_in_a_link_list_purges_the_news_items_showing_the_list(
    reader, admin_client, committed, province
):
    document = make_document("Kế hoạch năm 2026", "ke-hoach.pdf")
    see_also = RelatedLinkList.objects.create(name="Tài liệu", heading="Tài liệu")
    RelatedLink.objects.create(link_list=see_also, title="Tải kế hoạch", document=document)
    news = make_news(province, "Triển khai kế hoạch", related_links=see_also)
    cached_get(reader, news.url)
    other = Collection.get_first_root_node().add_child(name="Lưu trữ")
    new_file = SimpleUploadedFile("ke-hoach-sua-doi.pdf", minimal_pdf(["sửa"]), "application/pdf")
    with committed():
        edit_document(admin_client, document, collection=other.pk, file=new_file)
    document.refresh_from_db()
    assert document.url in fresh(reader, news.url)


def test_saving_a_file_size_alone_purges_nothing(reader, committed, illustrated):
    """Wagtail records a file's size and hash on first use: no page changes."""
    cached_get(reader, illustrated.url)
    image = illustrated.featured_image
    with committed():
        image.file_size = None
        image.save(update_fields=["file_size"])
    assert reader.get(illustrated.url)["X-Page-Cache"] == "HIT"

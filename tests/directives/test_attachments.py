"""Attachments: only office and PDF files, checked by content; drafts keep their files private."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from directives.documents import OLE2_SIGNATURE
from directives.pdf import minimal_pdf
from tests.factories import make_directive, make_directive_index, make_document, make_superuser


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
OLE2 = OLE2_SIGNATURE + b"\x00" * 504


@pytest.fixture
def admin_client(client, home_page):
    make_superuser()
    client.login(username="admin", password="secret-pass-123")
    return client


def upload(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Văn bản thử",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("nghi-quyet.pdf", minimal_pdf(["57-NQ/TW"])),
        ("quyet-dinh.doc", OLE2),
        ("bang-so-lieu.xls", OLE2),
        ("ke-hoach.docx", DOCX),
        ("bao-cao.xlsx", XLSX),
        ("huong-dan.odt", ODT),
    ],
)
def test_accepted_formats_upload(admin_client, name, content):
    response = upload(admin_client, name, content)
    assert response.status_code == 302, f"{name} is an accepted format and should be saved"
    assert get_document_model().objects.filter(file__contains=name.split(".")[0]).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00", "Chỉ được tải lên tệp PDF"),
        ("gia-mao.pdf", b"MZ\x90\x00 not a pdf", "không phải là tệp PDF thật"),
        ("gia-mao.docx", XLSX, "không phải là tệp DOCX thật"),
        ("gia-mao.odt", zipped({"content.xml": "<x/>"}), "không phải là tệp ODT thật"),
        ("gia-mao.doc", minimal_pdf(["x"]), "không phải là tệp DOC thật"),
    ],
)
def test_wrong_content_gets_a_vietnamese_form_error(admin_client, name, content, message):
    response = upload(admin_client, name, content)
    assert response.status_code == 200, "the form should come back with an error"
    assert message in response.content.decode()
    assert not get_document_model().objects.exists()


def test_refused_extension_shows_only_its_own_error(admin_client):
    page = upload(admin_client, "script.exe", b"MZ\x90\x00").content.decode()
    assert page.count("Chỉ được tải lên tệp PDF") == 1
    assert "Phần mở rộng tệp" not in page, "Wagtail's check of the refused file is not repeated"


def test_too_large_a_file_gets_a_clear_error(admin_client, settings):
    settings.DIRECTIVES_MAX_ATTACHMENT_SIZE = 1000
    response = upload(admin_client, "lon.pdf", minimal_pdf(["x"]) + b"%" * 2000)
    assert response.status_code == 200
    assert "dung lượng tối đa cho phép là 1000" in response.content.decode()


@pytest.fixture
def register(home_page):
    return make_directive_index(home_page)


def test_live_directive_file_downloads_with_headers(client, register):
    document = make_document("Nghị quyết 57", "nq-57.pdf")
    make_directive(register, attachments=[document])
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert document.filename in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_word_file_is_sent_as_an_attachment_with_its_type(client, register):
    document = make_document("Kế hoạch", "ke-hoach.docx", content=DOCX)
    make_directive(register, attachments=[document])
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment;")
    assert f'filename="{document.filename}"' in response["Content-Disposition"]


def test_draft_directive_file_is_hidden_from_anonymous_readers(client, register):
    document = make_document("Dự thảo", "du-thao.pdf")
    make_directive(register, live=False, attachments=[document])
    assert client.get(document.url).status_code == 404


def test_unpublished_directive_file_is_hidden_again(client, register):
    document = make_document("Đã gỡ", "da-go.pdf")
    directive = make_directive(register, attachments=[document])
    assert client.get(document.url).status_code == 200
    directive.unpublish()
    assert client.get(document.url).status_code == 404


def test_editors_can_download_draft_files_to_review(admin_client, register):
    document = make_document("Dự thảo", "du-thao.pdf")
    make_directive(register, live=False, attachments=[document])
    assert admin_client.get(document.url).status_code == 200


def test_file_shared_with_a_live_directive_stays_downloadable(client, register):
    document = make_document("Dùng chung", "dung-chung.pdf")
    make_directive(register, "1/QĐ-VPĐP", live=False, attachments=[document])
    make_directive(register, "2/QĐ-VPĐP", attachments=[document])
    assert client.get(document.url).status_code == 200

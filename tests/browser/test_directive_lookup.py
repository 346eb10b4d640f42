"""A reader types a document number into the register's box, lands on it and downloads it."""

from tests.factories import make_directive, make_directive_index, make_document


def test_number_typed_loosely_finds_the_directive_and_its_file(page, site):
    register = make_directive_index(site, show_in_menus=True)
    make_directive(register, "1234/QĐ-UBND", document_type="Quyết định", issuing_body="UBND tỉnh")
    directive = make_directive(
        register, "57-NQ/TW", attachments=[make_document("Nghị quyết 57 bản ký", "nq-57-tw.pdf")]
    )

    page.goto("/")
    page.get_by_role("link", name=register.title).click()
    page.get_by_label("Từ khóa").fill("57 nq tw")
    page.get_by_role("button", name="Tra cứu").click()

    page.wait_for_url(f"**{directive.url}")
    assert "Nghị quyết số 57-NQ/TW" in page.locator("h1").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Nghị quyết 57 bản ký").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as saved:
        assert saved.read(5) == b"%PDF-", "the downloaded file should be the signed PDF"

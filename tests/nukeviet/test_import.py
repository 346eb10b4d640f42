"""The sample NukeViet 4.5 portal imported once; each test checks what arrived where."""

import html
import unicodedata
from datetime import UTC, date, datetime

import pymysql
import pytest
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.models import Page

from articles.models import NewsIndexPage, NewsPage
from core.text import fold_for_search
from directives.models import DirectivePage, DirectiveRelation, IssuingBody
from nukeviet.models import LegacyRecord
from pages.models import InformationPage
from search.engine import search_pages
from tests.nukeviet.conftest import run_import

Kind = LegacyRecord.Kind


def source_rows(source, sql):
    from nukeviet.source import parse_source

    settings = parse_source(source.url)
    connection = pymysql.connect(
        **settings, charset="utf8mb4", cursorclass=pymysql.cursors.DictCursor
    )
    with connection, connection.cursor() as cursor:
        cursor.execute(sql)
        return list(cursor.fetchall())


@pytest.fixture(scope="module")
def imported(module_transaction, scratch_source, old_site_root):
    # An issuer the portal already has, spelt with the other tone placement.
    existing = IssuingBody.objects.create(name="Tỉnh uỷ Hà Tĩnh")
    output, warnings = run_import(scratch_source, old_site_root, "--activate-users")
    return {
        "output": output,
        "warnings": warnings,
        "issuer": existing,
        "source": scratch_source,
        "root": old_site_root,
    }


def page_of(kind, legacy_id, module="news"):
    record = LegacyRecord.objects.get(module=module, kind=kind, legacy_id=str(legacy_id))
    return record.page.specific


def article(legacy_id):
    return page_of(Kind.ARTICLE, legacy_id)


def test_every_article_arrives_with_its_decoded_nfc_title(imported, db):
    rows = source_rows(imported["source"], "SELECT id, title FROM nv4_vi_news_rows")
    assert len(rows) == 50
    for row in rows:
        expected = unicodedata.normalize("NFC", html.unescape(row["title"]))
        assert article(row["id"]).title == expected
    assert NewsPage.objects.count() == 50
    assert "&#x" not in "".join(NewsPage.objects.values_list("title", flat=True))


def test_nfd_titles_are_stored_composed_with_ascii_slugs(imported, db):
    for legacy_id in (41, 42):
        page = article(legacy_id)
        assert unicodedata.is_normalized("NFC", page.title)
        assert page.slug.isascii() and "-ng-" not in page.slug
    assert "Hồng Lĩnh" in article(41).title


def test_both_tone_placements_are_kept_and_found_by_one_search(imported, db):
    assert "Thành uỷ" in article(16).title
    found = {page.pk for page in search_pages("Thành ủy Hà Tĩnh", [NewsPage])}
    assert {article(16).pk, article(44).pk} <= found


def test_categories_keep_three_levels_and_listcatid(imported, db):
    top, middle, leaf = (page_of(Kind.CATEGORY, i) for i in (13, 14, 15))
    assert (middle.get_parent().pk, leaf.get_parent().pk) == (top.pk, middle.pk)
    assert leaf.slug == "khu-dan-cu-ntm-kieu-mau-vuon-mau"
    assert page_of(Kind.CATEGORY, 12).slug == "chi-dao-dieu-hanh"
    assert NewsIndexPage.objects.count() == 17
    item = article(28)
    assert item.get_parent().pk == leaf.pk
    assert item in page_of(Kind.CATEGORY, 9).news()  # listed in its other category
    assert item in leaf.news()


def test_article_dates_are_kept_exactly(imported, db):
    item = article(16)
    published = datetime.fromtimestamp(1527041700, tz=UTC)
    assert item.published_at == published
    assert item.first_published_at == published
    row = source_rows(imported["source"], "SELECT edittime FROM nv4_vi_news_rows WHERE id=36")[0]
    assert article(36).latest_revision_created_at == datetime.fromtimestamp(row["edittime"], tz=UTC)


def test_statuses_scheduled_draft_waiting_expired(imported, db):
    scheduled, draft, waiting, expired = (article(i) for i in (47, 48, 49, 50))
    assert not scheduled.live
    assert scheduled.go_live_at == datetime(2027, 6, 15, 1, 0, tzinfo=UTC)
    assert scheduled.latest_revision.approved_go_live_at == scheduled.go_live_at
    for page in (draft, waiting):
        assert not page.live and page.first_published_at is None and page.go_live_at is None
    assert expired.expired and not expired.live
    assert expired.expire_at == datetime.fromtimestamp(1796153820, tz=UTC)
    hidden = {scheduled.pk, draft.pk, waiting.pk, expired.pk}
    assert not hidden & {page.pk for page in search_pages("nông thôn mới", [NewsPage])}


def test_hidden_articles_stay_out_of_pages_and_feeds(imported, client):
    for legacy_id in (47, 48, 49, 50):
        assert client.get(article(legacy_id).url_path.replace("/home", "", 1)).status_code == 404
    feed = client.get("/rss/").content.decode()
    assert article(16).title in feed
    assert article(48).title not in feed and article(47).title not in feed


def test_tags_unicode_and_merged_tag_43(imported, db):
    tag = LegacyRecord.objects.get(module="news", kind=Kind.TAG, legacy_id="43")
    assert tag.alias == "thành-uỷ-hà-tĩnh"
    for legacy_id in (16, 44):
        assert tag.tag in article(legacy_id).tags.all()
    assert LegacyRecord.objects.filter(kind=Kind.TAG).count() == 84
    assert {t.name for t in article(16).tags.all()} >= {tag.tag.name}


def test_sources_authors_and_topics(imported, db):
    assert article(16).source_name == "Anh Hoài/baohatinh.vn"
    assert article(24).source_url.startswith("https://baohatinh.vn/")
    assert article(17).author.startswith("PV")
    assert "Minh Đức" in article(18).author
    topic = LegacyRecord.objects.get(module="news", kind=Kind.TOPIC, legacy_id="2").tag
    assert topic in article(27).tags.all()


def test_images_with_alt_text_caption_and_thumbnail_records(imported, db):
    item = article(16)
    images = [block for block in item.body if block.block_type == "image"]
    assert images and images[0].value["alt_text"] and images[0].value["caption"]
    assert item.featured_image is not None
    path = "uploads/news/2018_05/doan-cong-tac-thanh-uy.jpg"
    original = LegacyRecord.objects.get(kind=Kind.FILE, legacy_id=path)
    thumb = LegacyRecord.objects.get(kind=Kind.FILE, legacy_id=path.replace("uploads", "assets"))
    assert original.image_id == thumb.image_id == item.featured_image_id
    assert item.featured_image.file.read(2) == b"\xff\xd8"  # the JPEG itself was copied


def test_every_uploaded_file_used_by_the_content_is_a_record_with_its_file(imported, db):
    records = LegacyRecord.objects.filter(kind=Kind.FILE)
    laws_files = {f"uploads/laws/{p.name}" for p in (imported["root"] / "uploads/laws").iterdir()}
    assert laws_files <= set(records.values_list("legacy_id", flat=True))
    for record in records:
        stored = record.image or record.document
        assert stored is not None and stored.file.size > 0, record.legacy_id


def test_tables_and_the_attachment_of_40(imported, db):
    for legacy_id in (23, 24):
        assert any(block.block_type == "table" for block in article(legacy_id).body)
    documents = [block for block in article(40).body if block.block_type == "document"]
    assert len(documents) == 1
    assert documents[0].value["document"].file.read(5) == b"%PDF-"
    record = LegacyRecord.objects.get(
        kind=Kind.FILE, legacy_id="uploads/news/2025_04/thong-bao-ocop-2025.pdf"
    )
    assert record.document_id == documents[0].value["document"].pk


def test_served_article_page(imported, client):
    item = article(16)
    response = client.get(item.url)
    assert response.status_code == 200
    assert item.title in response.content.decode()


def test_laws_documents_relations_and_status(imported, db):
    assert DirectivePage.objects.count() == 18
    first, second = page_of(Kind.DOCUMENT, 1, "laws"), page_of(Kind.DOCUMENT, 2, "laws")
    assert first.number == "1600/QĐ-TTg"
    assert DirectiveRelation.objects.filter(source=second, target=first, kind="replaces").exists()
    old, new = page_of(Kind.DOCUMENT, 11, "laws"), page_of(Kind.DOCUMENT, 13, "laws")
    assert DirectiveRelation.objects.filter(source=new, target=old, kind="replaces").exists()
    assert old.legal_status == "replaced"
    assert DirectiveRelation.objects.filter(
        source=page_of(Kind.DOCUMENT, 12, "laws"),
        target=page_of(Kind.DOCUMENT, 5, "laws"),
        kind="related",
    ).exists()
    assert not page_of(Kind.DOCUMENT, 16, "laws").live
    assert len(page_of(Kind.DOCUMENT, 3, "laws").attachments.all()) == 2
    # relations are part of the latest revision, so publishing it later keeps them
    assert second.latest_revision.content["outgoing_relations"]


def test_laws_dates_are_vietnamese_days(imported, db):
    document = page_of(Kind.DOCUMENT, 6, "laws")
    assert document.issued_on == date(2022, 7, 18)
    assert document.effective_on == date(2022, 8, 1)
    assert document.expires_on == date(2025, 12, 31)


def test_reference_data_merged_by_folded_name(imported, db):
    record = LegacyRecord.objects.get(module="laws", kind=Kind.ISSUER, legacy_id="8")
    assert record.object_id == imported["issuer"].pk
    folded = [fold_for_search(body.name) for body in IssuingBody.objects.all()]
    assert folded.count("tinh uy ha tinh") == 1
    assert page_of(Kind.DOCUMENT, 12, "laws").issuing_body == imported["issuer"]


def test_members_only_download_of_14_needs_a_login(imported, client):
    document = page_of(Kind.DOCUMENT, 14, "laws").attachments.first().document
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]
    public = page_of(Kind.DOCUMENT, 13, "laws").attachments.first().document
    assert client.get(public.url).status_code == 200


def test_static_pages_are_information_pages(imported, client):
    about = LegacyRecord.objects.get(module="about", kind=Kind.PAGE, legacy_id="0").page.specific
    assert isinstance(about, InformationPage) and about.title == "Giới thiệu"
    assert InformationPage.objects.child_of(about).count() == 8
    response = client.get(about.url)
    assert response.status_code == 200 and "Giới thiệu về NukeViet" in response.content.decode()


def test_accounts_log_in_with_their_nukeviet_passwords_then_rehashed(imported, client):
    User = get_user_model()
    for username, password in (("quantri", "Admin@2026Nv"), ("bientapntm", "Thanhvien2026")):
        user = User.objects.get(username=username)
        assert not user.is_superuser and not user.is_staff and not user.groups.exists()
        assert user.password.startswith("nukeviet_ssha512$")
        assert client.login(username=username, password=password)
        user.refresh_from_db()
        assert not user.password.startswith("nukeviet_ssha512$")  # upgraded at first login
    assert not client.login(username="ctvkyanh", password="wrong")


def test_second_run_changes_nothing(imported, db):
    pages, revisions = Page.objects.count(), _revisions()
    output, _warnings = run_import(imported["source"], imported["root"])
    assert Page.objects.count() == pages and _revisions() == revisions
    lines = [line.split() for line in output.splitlines()]
    article_line = next(line for line in lines if line[:1] == ["article"])
    assert article_line[1:] == ["0", "0", "50", "0", "0"]
    assert (
        get_document_model().objects.count()
        == LegacyRecord.objects.filter(kind=Kind.FILE, document__isnull=False).count()
    )


def _revisions():
    from wagtail.models import Revision

    return Revision.objects.count()


def test_warnings_csv_lists_what_was_dropped(imported, db):
    text = imported["warnings"].read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "kind,nukeviet_id,title,warning"
    assert "image not imported: http://dantri4.vcmedia.vn" in text
    assert "document,16," in text

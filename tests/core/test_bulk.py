"""The batch page writer: pages it creates are what Page.save() would have made."""

import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from articles.models import NewsIndexPage, NewsPage, NewsPageCategory, NewsTag
from core import bulk
from core.bulk import BulkPageWriter, update_page
from core.counts import cached_count
from directives.models import DirectivePage
from search.engine import search_pages
from tests.factories import (
    make_directive_index,
    make_image,
    make_news,
    make_news_index,
    reference_data,
)


def news(title, hours, **values):
    when = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(hours=hours)
    body = values.pop("body", [{"type": "paragraph", "value": "<p>Nội dung nông thôn mới</p>"}])
    fields = {
        "title": title,
        "lead": "Tóm tắt",
        "published_at": when,
        "live": True,
        "first_published_at": when,
        "last_published_at": when,
        "latest_revision_created_at": when,
        "body": StreamValue(NewsPage.body.field.stream_block, body, is_lazy=True),
    }
    return NewsPage(**{**fields, **values})


@pytest.fixture
def category(home_page, site_settings):
    return make_news_index(home_page, "Tin tức - Sự kiện")


def test_written_pages_make_a_valid_live_tree_next_to_saved_ones(category, client):
    make_news(category, "Bài lưu bằng save")  # an existing child: positions continue after it
    writer = BulkPageWriter()
    sub = writer.add(
        category,
        NewsIndexPage(title="Chuyên mục con", live=True, first_published_at=timezone.now()),
    )
    pages = [writer.add(sub if i % 2 else category, news(f"Tin số {i}", i)) for i in range(6)]
    writer.add(category, news("Tin số 0", 99))  # same title: a unique slug among siblings
    writer.flush()
    writer.finish()
    assert not any(Page.find_problems())
    category.refresh_from_db()
    sub.refresh_from_db()
    assert category.numchild == 6 and sub.get_children().count() == 3  # 1 + sub + 3 + dup
    assert [p.slug for p in category.get_children().filter(title="Tin số 0")] == [
        "tin-so-0",
        "tin-so-0-2",
    ]
    for page in pages:
        page.refresh_from_db()
        assert page.live and page.live_revision_id == page.latest_revision_id
        assert client.get(page.url).status_code == 200
    assert page.url_path.endswith("/chuyen-muc-con/tin-so-5/")


def test_text_is_nfc_and_search_finds_the_pages(category):
    writer = BulkPageWriter()
    decomposed = unicodedata.normalize("NFD", "Thành uỷ Hà Tĩnh kiểm tra")
    page = writer.add(category, news(decomposed, 1))
    writer.flush()
    writer.finish()
    page.refresh_from_db()
    assert page.title == unicodedata.normalize("NFC", decomposed) and page.slug.isascii()
    assert page.pk in {hit.pk for hit in search_pages("thanh ủy ha tinh", [NewsPage])}


def test_newer_and_older_lists_and_tags_and_extra_categories(category, home_page):
    other = make_news_index(home_page, "Chương trình OCOP")
    tag = NewsTag.objects.create(name="nông thôn mới")
    writer = BulkPageWriter()
    items = [writer.add(category, news(f"Tin {i}", i)) for i in range(3)]
    items[1].tags.add(tag)
    items[1].extra_categories = [NewsPageCategory(category=other)]
    writer.flush()
    middle = NewsPage.objects.get(pk=items[1].pk)
    assert [p.pk for p in middle.newer_news()] == [items[2].pk]
    assert [p.pk for p in middle.older_news()] == [items[0].pk]
    assert list(middle.tags.all()) == [tag]
    assert list(other.news()) == [middle]
    assert middle.latest_revision.content["tagged_items"]


def test_references_are_indexed_and_derived_fields_set(category, home_page):
    image = make_image()
    writer = BulkPageWriter()
    page = writer.add(
        category,
        news(
            "Có ảnh",
            1,
            body=[
                {
                    "type": "image",
                    "value": {"image": image.pk, "alt_text": "ảnh", "caption": "", "credit": ""},
                }
            ],
        ),
    )
    register = make_directive_index(home_page)
    document_type, issuing_body = reference_data("Quyết định", "UBND tỉnh")
    directive = writer.add(
        register,
        DirectivePage(
            title="Quyết định thử",
            number="57-NQ/TW",
            document_type=document_type,
            issuing_body=issuing_body,
            issued_on=datetime(2025, 1, 1).date(),
            effective_on=datetime(2025, 1, 1).date(),
            summary="Tóm tắt",
            live=True,
            first_published_at=timezone.now(),
        ),
    )
    writer.flush()
    assert ReferenceIndex.get_references_to(image).filter(object_id=str(page.pk)).exists()
    directive.refresh_from_db()
    assert directive.number_key == "57-NQ-TW" and directive.folded_text.strip()


def test_drafts_and_scheduled_pages_are_not_live_and_update_makes_a_revision(category):
    writer = BulkPageWriter()
    later = timezone.now() + timedelta(days=3)
    draft = writer.add(category, news("Bản nháp", 1, live=False, first_published_at=None))
    scheduled = writer.add(category, news("Hẹn giờ", 2, live=False, go_live_at=later))
    writer.flush()
    for page in (draft, scheduled):
        page.refresh_from_db()
        assert not page.live and page.has_unpublished_changes and page.live_revision_id is None
    assert scheduled.latest_revision.approved_go_live_at == later
    page = NewsPage.objects.get(pk=draft.pk)
    page.title = "Bản nháp đã sửa"
    update_page(page, timezone.now())
    assert page.latest_revision.content["title"] == "Bản nháp đã sửa"


def _index_rows(pages):
    columns = [f.attname for f in IndexEntry._meta.concrete_fields if f.name not in ("id",)]
    rows = IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages])
    return {(row["content_type_id"], row["object_id"]): row for row in rows.values(*columns)}


def test_search_index_rows_are_the_ones_the_backend_writes(category, home_page):
    """Same texts, vectors and title norms as Wagtail's backend gives the same pages."""
    register = make_directive_index(home_page)
    document_type, issuing_body = reference_data("Quyết định", "UBND tỉnh")
    writer = BulkPageWriter()
    pages = [
        writer.add(category, news(f"Thành ủy Hà Tĩnh kiểm tra hòa giải {i}", i, lead=""))
        for i in range(3)
    ]
    pages.append(
        writer.add(
            register,
            DirectivePage(
                title="Quyết định về nông thôn mới",
                number="12/QĐ-UBND",
                document_type=document_type,
                issuing_body=issuing_body,
                issued_on=datetime(2025, 1, 1).date(),
                effective_on=datetime(2025, 1, 1).date(),
                summary="Về việc thủy lợi nội đồng",
                live=True,
                first_published_at=timezone.now(),
            ),
        )
    )
    writer.flush()
    writer.finish()
    ours = _index_rows(pages)
    IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages]).delete()
    backend = get_search_backend()
    for model in (NewsPage, DirectivePage):
        backend.add_bulk(model, list(model.objects.filter(pk__in=[p.pk for p in pages])))
    theirs = _index_rows(pages)
    assert ours.keys() == theirs.keys() and len(ours) == 4
    for key, row in theirs.items():
        assert ours[key]["title_norm"] == pytest.approx(row.pop("title_norm"))
        assert {name: ours[key][name] for name in row} == row


def test_listing_counts_start_again_once_the_pages_are_committed(
    category, django_capture_on_commit_callbacks
):
    assert cached_count(("category", category.pk), lambda: 0) == 0
    writer = BulkPageWriter()
    writer.add(category, news("Tin nhập", 1))
    writer.flush()
    with django_capture_on_commit_callbacks(execute=True):
        writer.finish()
    assert cached_count(("category", category.pk), lambda: 1) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite keeps no statistics")
def test_a_large_batch_refreshes_the_planner_statistics(category, monkeypatch):
    monkeypatch.setattr(bulk, "ANALYZE_AFTER", 2)
    writer = BulkPageWriter()
    for hours in (1, 2):
        writer.add(category, news(f"Tin {hours}", hours))
    writer.flush()
    with CaptureQueriesContext(connection) as queries:
        writer.finish()
    analyzed = [query["sql"] for query in queries if query["sql"].startswith("ANALYZE")]
    assert analyzed == ["ANALYZE"], "every table: the pages, their types, what apps derived"

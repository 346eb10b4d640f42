"""Interrupted, incremental, dry and faulty runs, hostile HTML and a NukeViet 4.4 schema.

The tests of this module run in order on one scratch copy of the sample database, which
they change the way the old site would (new and edited articles, a broken row).
"""

import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from nukeviet.models import LegacyRecord
from tests.nukeviet.conftest import run_import

Kind = LegacyRecord.Kind
NEW_ID = 60
HOSTILE_ID = 61


def counts(output, kind="article"):
    line = next(line.split() for line in output.splitlines() if line.split()[:1] == [kind])
    return dict(
        zip(
            ["created", "updated", "unchanged", "skipped", "failed"],
            map(int, line[1:]),
            strict=False,
        )
    )


def copy_article(
    source, new_id, title, body, edittime=1796200000, publtime=1700000000, addtime=None
):
    addtime = publtime if addtime is None else addtime
    source.execute(
        f"REPLACE INTO nv4_vi_news_rows SELECT {new_id}, catid, listcatid, topicid, admin_id, "
        "author, sourceid, %d, %d, 1, weight, %d, 0, 0, '%s', 'bai-moi-%d', hometext, '', '', 0, "
        "inhome, allowed_comm, allowed_rating, 0, 0, 0, 0, 0, 0, '', 0 "
        "FROM nv4_vi_news_rows WHERE id=16" % (addtime, edittime, publtime, title, new_id)
    )
    source.execute(
        f"REPLACE INTO nv4_vi_news_detail (id, titlesite, description, bodyhtml, keywords, "
        f"sourcetext, files) VALUES ({new_id}, '', '', '{body}', '', '', '')"
    )


@pytest.fixture(scope="module")
def run(module_transaction, scratch_source, old_site_root):
    """Import once (the baseline every test starts from), then give tests another run."""

    def _run(*extra):
        return run_import(scratch_source, old_site_root, *extra)

    _run()
    return _run


def test_dry_run_shows_changes_and_writes_nothing(run, scratch_source, db):
    scratch_source.execute(
        "UPDATE nv4_vi_news_rows SET title='Tiêu đề đã sửa', edittime=1796300000 WHERE id=20"
    )
    copy_article(scratch_source, NEW_ID, "Bài mới sau khi nhập", "<p>Nội dung mới</p>")
    pages = Page.objects.count()
    output, _warnings = run("--dry-run")
    assert counts(output)["created"] == 1 and counts(output)["updated"] == 1
    assert "Dry run" in output or "nháp" in output.lower() or "thử" in output.lower()
    assert Page.objects.count() == pages
    assert not LegacyRecord.objects.filter(kind=Kind.ARTICLE, legacy_id=str(NEW_ID)).exists()


def test_incremental_run_creates_and_updates_only_what_changed(run, scratch_source, db):
    scratch_source.execute(
        "UPDATE nv4_vi_news_rows SET title='Tiêu đề đã sửa', edittime=1796300000 WHERE id=20"
    )
    copy_article(scratch_source, NEW_ID, "Bài mới sau khi nhập", "<p>Nội dung mới</p>")
    output, _warnings = run()
    assert counts(output) == {
        "created": 1,
        "updated": 1,
        "unchanged": 49,
        "skipped": 0,
        "failed": 0,
    }
    edited = LegacyRecord.objects.get(
        module="news", kind=Kind.ARTICLE, legacy_id="20"
    ).page.specific
    assert edited.title == "Tiêu đề đã sửa" and edited.live
    assert edited.latest_revision.content["title"] == "Tiêu đề đã sửa"


def test_one_bad_row_is_reported_and_skipped(run, scratch_source, db):
    copy_article(scratch_source, 62, "Bài ngày 0", "<p>x</p>", publtime=0, addtime=0)
    output, warnings = run()
    assert counts(output)["failed"] == 1
    assert "62,Bài ngày 0,failed: publication time is 0" in warnings.read_text(encoding="utf-8-sig")


HOSTILE = (
    '<p onclick="steal()">Chào <a href="javascript:alert(1)">bấm</a> '
    '<a href="data:text/html;base64,PHNjcmlwdD4=">dữ liệu</a></p>'
    '<script>alert("xss")</script><style>body{display:none}</style>'
    '<img src="x" onerror="alert(2)"><iframe src="https://evil.example/frame"></iframe>'
    '<p><img src="data:image/png;base64,AAAA"></p><svg onload="alert(3)"></svg>'
    '<p style="color:red">Văn bản an toàn</p>'
)


def test_hostile_html_is_cleaned_in_the_served_page(run, scratch_source, db, client):
    copy_article(scratch_source, HOSTILE_ID, "Bài có mã độc", HOSTILE.replace("'", "''"))
    output, warnings = run()
    page = LegacyRecord.objects.get(kind=Kind.ARTICLE, legacy_id=str(HOSTILE_ID)).page
    body = client.get(page.url).content.decode()
    article = body[body.index("news-body") : body.index("news-body") + 3000]
    assert "Văn bản an toàn" in article and "Chào" in article
    for bad in (
        "steal()",
        "javascript:",
        "data:",
        "alert",
        "evil.example",
        "onerror",
        "onload",
        "<script",
        "<style",
        "display:none",
        "<svg",
        "color:red",
    ):
        assert bad not in article, bad
    text = warnings.read_text(encoding="utf-8-sig")
    assert "removed <script>" in text and "removed frame from https://evil.example" in text


def test_fatal_errors_exit_non_zero_with_a_message_and_no_traceback(scratch_source):
    wrong_prefix = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "import_nukeviet",
            "--source",
            scratch_source.url,
            "--prefix",
            "nv3",
            "--no-progress",
        ],
        capture_output=True,
        text=True,
    )
    assert wrong_prefix.returncode != 0
    assert "nv3" in wrong_prefix.stderr and "Traceback" not in wrong_prefix.stderr
    with pytest.raises(CommandError, match="connect"):
        call_command(
            "import_nukeviet", "--source", "mysql://nobody:x@127.0.0.1:1/none", "--no-progress"
        )


def test_a_nukeviet_44_schema_without_authors_and_history_imports(run, scratch_source, db):
    before = LegacyRecord.objects.get(kind=Kind.ARTICLE, legacy_id="16").page.specific
    assert "Phan Trâm" in before.author
    for table in ("author", "authorlist", "row_histories", "voices"):
        scratch_source.execute(f"DROP TABLE IF EXISTS nv4_vi_news_{table}")
    scratch_source.execute("ALTER TABLE nv4_vi_news_detail DROP COLUMN voicedata")
    scratch_source.execute("UPDATE nv4_vi_news_rows SET edittime=1796400000 WHERE id=16")
    output, _warnings = run()
    assert counts(output)["failed"] == 1
    item = LegacyRecord.objects.get(kind=Kind.ARTICLE, legacy_id="16").page.specific
    assert "Phan Trâm" not in item.author  # the pen names lived in the dropped table

"""Interrupted, incremental, dry and faulty runs, hostile HTML and a NukeViet 4.4 schema.

The tests of this module share one scratch copy of the sample database, which each changes
the way the old site would (new and edited articles, a broken row, a 4.4 schema); the tables
they change are put back after each test, so every test starts from the sample whatever ran
before it in its process.
"""

import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page

from nukeviet.models import LegacyRecord
from tests.nukeviet.conftest import ScratchDatabase, run_import

Kind = LegacyRecord.Kind
NEW_ID = 60
HOSTILE_ID = 61
BAD_ID = 62


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


# What the tests below change in the old site's database.
CHANGED_TABLES = [
    "nv4_users",
    *(f"nv4_vi_news_{table}" for table in ("rows", "detail", "author", "authorlist")),
    *(f"nv4_vi_news_{table}" for table in ("row_histories", "voices")),
]


@pytest.fixture(scope="module")
def pristine_source(scratch_source):
    database = ScratchDatabase()
    database.create()
    yield database
    database.drop()


@pytest.fixture(autouse=True)
def restore_source(scratch_source, pristine_source):
    yield
    scratch_source.restore(CHANGED_TABLES, pristine_source)


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
    assert "Chạy thử: chưa ghi gì" in output
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


def test_an_incremental_run_purges_the_pages_readers_were_served(
    run, scratch_source, db, client, settings, django_capture_on_commit_callbacks
):
    """New articles are written in bulk, without Django's signals: at its end the import says
    what it wrote, and the pages kept for anonymous readers are served afresh."""
    settings.PAGE_CACHE_ENABLED = settings.FRAGMENT_CACHE_ENABLED = True
    cache.clear()
    sibling = LegacyRecord.objects.get(module="news", kind=Kind.ARTICLE, legacy_id="16").page
    category = sibling.get_parent()
    for url in ("/", category.url):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "HIT", url
    copy_article(
        scratch_source, NEW_ID, "Bài mới sau khi nhập", "<p>Nội dung mới</p>", publtime=1796200000
    )
    with django_capture_on_commit_callbacks(execute=True):
        run()
    for url in ("/", category.url):
        answer = client.get(url)
        assert answer["X-Page-Cache"] == "MISS", url
    assert "Bài mới sau khi nhập" in answer.content.decode()


def test_a_member_keeps_the_authenticator_app_used_on_nukeviet(run, scratch_source, db):
    secret = "JBSWY3DPEHPK3PXP"
    scratch_source.execute(
        "INSERT INTO nv4_users (userid, group_id, username, md5username, password, email, "
        "first_name, last_name, gender, photo, birthday, sig, regdate, question, answer, "
        "passlostkey, view_mail, remember, in_groups, active, active2step, secretkey, "
        "checknum, last_login, last_ip, last_agent, last_openid, last_update, idsite, "
        "safemode, safekey, email_verification_time, active_obj) "
        "SELECT 90, group_id, 'hai_buoc', MD5('hai_buoc'), password, 'hai.buoc@example.vn', "
        "first_name, last_name, gender, photo, birthday, sig, regdate, question, answer, "
        f"passlostkey, view_mail, remember, in_groups, active, 1, '{secret}', checknum, last_login, "
        "last_ip, last_agent, last_openid, last_update, idsite, safemode, safekey, "
        "email_verification_time, active_obj FROM nv4_users WHERE userid=5"
    )
    run()
    user = get_user_model().objects.get(username="hai_buoc")
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and device.step == 30, "the carried-over device should be usable"
    code = TOTP(bytes.fromhex(device.key), step=30, digits=6).token()
    assert device.verify_token(f"{code:06d}"), "the NukeViet secret should give the same codes"


def test_one_bad_row_is_reported_and_skipped(run, scratch_source, db):
    copy_article(scratch_source, BAD_ID, "Bài ngày 0", "<p>x</p>", publtime=0, addtime=0)
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
    assert counts(output)["failed"] == 0
    item = LegacyRecord.objects.get(kind=Kind.ARTICLE, legacy_id="16").page.specific
    assert "Phan Trâm" not in item.author  # the pen names lived in the dropped table

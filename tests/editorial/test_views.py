"""The board's admin screens: work queue, moderation history with filters and CSV."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from editorial.roles import ADMIN_TEAM, CHIEF, CONTRIBUTOR, DEPUTY, EDITOR
from tests.editorial.conftest import csv_rows
from tests.factories import make_item, make_superuser

pytestmark = pytest.mark.django_db
MY_WORK = reverse("editorial_my_work")
HISTORY = reverse("editorial_history")


@pytest.fixture
def moderated(news_section, directive_section, board):
    """A news item approved at step 1 and waiting at step 2, and a rejected directive."""
    news = make_item(news_section, board[CONTRIBUTOR], "Hà Tĩnh có thêm 5 xã nông thôn mới")
    news.get_workflow().start(news, board[CONTRIBUTOR])
    news.current_workflow_task_state.approve(user=board[EDITOR], comment="Tốt")
    directive = make_item(directive_section, board[EDITOR], "Kế hoạch số 120/KH-VPĐP")
    directive.get_workflow().start(directive, board[EDITOR])
    directive.current_workflow_task_state.reject(user=board[EDITOR], comment="Sai số hiệu")
    return news, directive


def test_my_work_lists_what_the_dashboard_cannot(client, board, moderated, news_section):
    """Submissions whose moderation ended are here; what is still in moderation is on
    Wagtail's dashboard, for the submitter and for the reviewers of its step."""
    published = make_item(news_section, board[CONTRIBUTOR], "Tin đã duyệt xong")
    published.get_workflow().start(published, board[CONTRIBUTOR])
    published.current_workflow_task_state.approve(user=board[EDITOR])
    Page.objects.get(pk=published.pk).current_workflow_task_state.approve(user=board[DEPUTY])

    client.force_login(board[CONTRIBUTOR])
    html = client.get(MY_WORK).content.decode()
    assert "Tin đã duyệt xong" in html and "Đã phê duyệt" in html
    assert "Hà Tĩnh có thêm 5 xã nông thôn mới" not in html, "still in moderation"
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Hà Tĩnh có thêm 5 xã nông thôn mới" in dashboard
    assert "Tin đã duyệt xong" not in dashboard

    client.force_login(board[DEPUTY])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Hà Tĩnh có thêm 5 xã nông thôn mới" in dashboard, "step 2 waits for the deputy"


def test_work_queue_query_count_is_bounded(client, board, moderated, django_assert_max_num_queries):
    client.force_login(board[EDITOR])
    with django_assert_max_num_queries(40):
        assert client.get(MY_WORK).status_code == 200


@pytest.mark.parametrize("role", [ADMIN_TEAM])
def test_my_work_is_for_the_board(client, board, role):
    client.force_login(board[role])
    assert client.get(MY_WORK).status_code in (302, 403)


@pytest.mark.parametrize("role", [CONTRIBUTOR, ADMIN_TEAM])
def test_history_is_for_reviewers(client, board, role):
    client.force_login(board[role])
    response = client.get(HISTORY)
    assert response.status_code == 302 and response.url == "/admin/"


def test_history_shows_each_moderation_step(client, board, moderated):
    client.force_login(board[CHIEF])
    html = client.get(HISTORY).content.decode()
    for text in ("Hà Tĩnh có thêm 5 xã nông thôn mới", "Kế hoạch số 120/KH-VPĐP", "Sai số hiệu"):
        assert text in html


def test_history_filters_by_user_section_and_date(client, board, moderated, directive_section):
    client.force_login(board[CHIEF])
    by_editor = client.get(HISTORY, {"user": board[EDITOR].pk}).content.decode()
    assert "Sai số hiệu" in by_editor and "Tốt" in by_editor
    by_section = client.get(HISTORY, {"section": directive_section.pk}).content.decode()
    assert "Kế hoạch số 120/KH-VPĐP" in by_section
    assert "Hà Tĩnh có thêm 5 xã nông thôn mới" not in by_section
    future = client.get(HISTORY, {"date_from": "01/01/2099"}).content.decode()
    assert "Sai số hiệu" not in future


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "31/02/2026"},
        {"date_from": "không phải ngày"},
        {"user": "abc"},
        {"section": "999999"},
        {"date_from": "02/01/2026", "date_to": "01/01/2026"},
        {"p": "abc"},
        {"p": "99999"},
    ],
)
def test_history_answers_bad_filters_without_error(client, board, moderated, query):
    client.force_login(board[CHIEF])
    response = client.get(HISTORY, query)
    assert response.status_code == 200


def test_history_exports_csv(client, board, moderated, django_assert_max_num_queries):
    client.force_login(board[CHIEF])
    with django_assert_max_num_queries(20):
        response = client.get(HISTORY, {"export": "csv", "user": board[EDITOR].pk})
        rows = csv_rows(response)
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows[0]) == 6
    bodies = [row for row in rows[1:]]
    assert any("Sai số hiệu" in row for row in bodies)
    assert all(row[1] == "btv" for row in bodies)


def test_people_are_named_family_name_first(client, board, moderated):
    """Vietnamese order: "Nguyễn Thị Lan", not Django's "Lan Nguyễn Thị"."""
    editor = board[EDITOR]
    editor.first_name, editor.last_name = "Lan", "Nguyễn Thị"
    editor.save()
    client.force_login(board[CHIEF])
    html = client.get(HISTORY).content.decode()
    assert "Nguyễn Thị Lan" in html and "Lan Nguyễn Thị" not in html
    assert f'<option value="{editor.pk}">Nguyễn Thị Lan</option>' in html
    export = csv_rows(client.get(HISTORY, {"export": "csv", "user": editor.pk}))
    assert {row[1] for row in export[1:]} == {"Nguyễn Thị Lan"}


@pytest.mark.parametrize(
    ("url", "vietnamese"),
    [
        (MY_WORK, ("Công việc biên tập của tôi", "bảng điều khiển", "đã kết thúc kiểm duyệt")),
        (HISTORY, ("Lịch sử duyệt", "Tải về CSV", "Tải về XLSX", "Từ ngày", ">Mục")),
        (
            reverse("editorial_role_changes"),
            ("Thay đổi vai trò", "Người thay đổi", "Tải về XLSX", "Ngày (dd/mm/yyyy)"),
        ),
    ],
)
def test_the_boards_screens_speak_vietnamese(client, board, moderated, url, vietnamese):
    client.force_login(make_superuser())
    html = client.get(url).content.decode()
    for text in vietnamese:
        assert text in html, text
    for english in ("Download", "Date from", "Filter by", "Section", "Submitted", "Ended"):
        assert f">{english}" not in html and f'"{english}' not in html, english

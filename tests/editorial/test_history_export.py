"""The moderation history as a Wagtail report: the action filter, the XLSX export, and
exports that a spreadsheet program cannot be made to run as formulas."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from editorial.exports import neutralise_formula
from editorial.roles import CHIEF, CONTRIBUTOR, EDITOR
from tests.editorial.conftest import csv_rows
from tests.factories import make_item

pytestmark = pytest.mark.django_db
HISTORY = reverse("editorial_history")
HOSTILE_TITLE = '=HYPERLINK("http://example.com/","Bấm vào đây")'
HOSTILE_COMMENTS = ("+1+1", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1")


@pytest.fixture
def hostile(news_section, board):
    """A contributor's title and an editor's comments written to be run by a spreadsheet."""
    item = make_item(news_section, board[CONTRIBUTOR], HOSTILE_TITLE)
    for comment in HOSTILE_COMMENTS:
        item.get_workflow().start(item, board[CONTRIBUTOR])
        item.current_workflow_task_state.reject(user=board[EDITOR], comment=comment)
        item.current_workflow_state.cancel(user=board[CONTRIBUTOR])
    return item


def test_csv_cells_are_never_formulas(client, board, hostile):
    client.force_login(board[CHIEF])
    rows = csv_rows(client.get(HISTORY, {"export": "csv"}))[1:]
    rows = [row for row in rows if row[4] == str(hostile.pk)]  # the section's publication aside
    titles = {row[3] for row in rows}
    comments = {row[5] for row in rows if row[5]}
    assert titles == {"'" + HOSTILE_TITLE}
    assert comments == {"'" + comment for comment in HOSTILE_COMMENTS}


def test_xlsx_cells_are_text_not_formulas(client, board, hostile):
    client.force_login(board[CHIEF])
    response = client.get(HISTORY, {"export": "xlsx"})
    assert response["Content-Disposition"].startswith('attachment; filename="lich-su-duyet')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = sheet.iter_rows()
    assert [cell.value for cell in header] == [
        "Thời gian",
        "Người dùng",
        "Thao tác",
        "Trang",
        "Mã trang",
        "Bình luận",
    ]
    cells = [cell for row in rows for cell in (row[3], row[5]) if cell.value]
    assert {cell.value for cell in cells} >= {HOSTILE_TITLE, *HOSTILE_COMMENTS[:3]}
    assert all(cell.data_type == "s" for cell in cells), "stored as text, never as a formula"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+84 912", "'+84 912"),
        ("-", "'-"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Xã Cẩm Bình = 19 tiêu chí", "Xã Cẩm Bình = 19 tiêu chí"),
        ("", ""),
        (42, 42),
        (None, None),
    ],
)
def test_the_owasp_rule(value, expected):
    assert neutralise_formula(value) == expected


def test_history_filters_by_action(client, board, news_section):
    item = make_item(news_section, board[CONTRIBUTOR], "Tin bị trả lại")
    item.get_workflow().start(item, board[CONTRIBUTOR])
    item.current_workflow_task_state.reject(user=board[EDITOR], comment="Thiếu ảnh")
    client.force_login(board[CHIEF])
    rows = csv_rows(client.get(HISTORY, {"export": "csv", "action": "wagtail.workflow.reject"}))
    assert [(row[1], row[5]) for row in rows[1:]] == [("btv", "Thiếu ảnh")]
    html = client.get(HISTORY, {"action": "wagtail.workflow.reject"}).content.decode()
    assert "Thiếu ảnh" in html
    options = client.get(HISTORY).content.decode()
    assert 'value="wagtail.workflow.reject"' in options
    assert 'value="wagtail.edit"' not in options, "only moderation actions are offered"


def test_history_results_refresh_as_the_filters_change(client, board, news_section):
    """What Wagtail's listing scripts fetch when a filter changes: the results alone."""
    item = make_item(news_section, board[CONTRIBUTOR], "Tin mới gửi")
    item.get_workflow().start(item, board[CONTRIBUTOR])
    client.force_login(board[CHIEF])
    response = client.get(reverse("editorial_history_results"), {"user": board[CONTRIBUTOR].pk})
    html = response.content.decode()
    assert response.status_code == 200 and "Tin mới gửi" in html and "<html" not in html

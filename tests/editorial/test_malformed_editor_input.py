"""A page form whose editor input is not what the editor's scripts send (a rich-text value that
is not editor JSON, a table that is not JSON) is a Vietnamese form error, never a 500."""

import json

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from editorial.roles import DIRECTIVES, EDITOR, NEWS
from tests.factories import ITEM_MODEL, item_fields, make_item

pytestmark = pytest.mark.django_db
MESSAGE = "Trình soạn thảo gửi lên nội dung không đọc được"

MALFORMED = {
    "rich text that is not JSON": ("paragraph", "<p>không phải JSON</p>"),
    "rich text JSON that is not editor content": ("paragraph", '{"blocks": 5}'),
    "rich text JSON of the wrong type": ("paragraph", "[1, 2]"),
    "a table that is not JSON": ("table", "{không đóng"),
    "a table that is not an object": ("table", "[]"),
}


def shows_the_error(response):
    """The block errors reach the page as JSON for the editor's scripts (non-ASCII escaped)."""
    html = response.content.decode()
    return MESSAGE in html or json.dumps(MESSAGE)[1:-1] in html


def body(block_type, raw_value):
    fields = nested_form_data({"body": streamfield([(block_type, "x")])})
    fields["body-0-value"] = raw_value
    return fields


@pytest.mark.parametrize("kind", [NEWS, DIRECTIVES])
@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_input_is_a_form_error_on_create_and_edit(
    sections, board, editor_for, kind, case
):
    editor = editor_for(board[EDITOR])
    block_type, raw_value = MALFORMED[case]
    fields = {**item_fields(kind, "Tin lỗi"), **body(block_type, raw_value)}
    created = editor.create(sections[kind], ITEM_MODEL[kind], fields)
    assert created.status_code == 200, "the form comes back with an error"
    assert shows_the_error(created)
    assert not Page.objects.child_of(sections[kind]).filter(title="Tin lỗi").exists()

    item = make_item(sections[kind], board[EDITOR], "Tin có sẵn")
    edited = editor.edit(item, body(block_type, raw_value))
    assert edited.status_code == 200
    assert shows_the_error(edited)


def test_good_rich_text_still_saves(sections, board, editor_for):
    fields = {
        **item_fields(NEWS, "Tin tốt"),
        **nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Nội dung</p>"))])}),
    }
    response = editor_for(board[EDITOR]).create(sections[NEWS], ITEM_MODEL[NEWS], fields)
    assert response.status_code == 302

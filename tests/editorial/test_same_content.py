"""What counts as an editor's change when a reviewer approves from the page editor."""

import json
from types import SimpleNamespace

from editorial.models import same_content

FIRST = {"id": "a1", "type": "paragraph", "value": "<p>Đoạn một</p>"}
SECOND = {"id": "b2", "type": "paragraph", "value": "<p>Đoạn hai</p>"}


def revision(blocks, **fields):
    return SimpleNamespace(content={"title": "Tin", "body": json.dumps(blocks), **fields})


def test_key_order_block_keys_and_seconds_are_not_changes():
    reordered_keys = [{"value": FIRST["value"], "id": "a1", "type": "paragraph"}, SECOND]
    keyed = [
        {**FIRST, "value": '<p data-block-key="x7f2a">Đoạn một</p>'},
        SECOND,
    ]
    base = revision([FIRST, SECOND], go_live_at="2026-11-30T08:15:42+00:00")
    assert same_content(base, revision(reordered_keys, go_live_at="2026-11-30T08:15:00+00:00"))
    assert same_content(base, revision(keyed, go_live_at="2026-11-30T08:15:42+00:00"))


def test_moved_or_edited_blocks_are_changes():
    base = revision([FIRST, SECOND])
    assert not same_content(base, revision([SECOND, FIRST])), "moving a paragraph is an edit"
    edited = [{**FIRST, "value": "<p>Đoạn một đã sửa</p>"}, SECOND]
    assert not same_content(base, revision(edited))
    assert not same_content(base, revision([FIRST]))

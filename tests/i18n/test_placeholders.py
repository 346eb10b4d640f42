"""Translations keep the format placeholders of their msgid.

A dropped or misspelt ``%(name)s`` raises KeyError or shows raw markup at run time, and
``{title}`` left untranslated into "{tiêu đề}" breaks ``str.format``.
"""

import polib
import pytest

from tests.i18n.catalogues import (
    all_catalogues,
    entries,
    keeps_placeholders,
    placeholders,
    vietnamese,
)


@pytest.mark.parametrize("path", [pytest.param(p, id=i) for p, i in all_catalogues()])
def test_translations_keep_the_placeholders_of_their_msgid(path):
    broken = [
        (entry.msgid, vietnamese(entry))
        for entry in entries(path)
        if vietnamese(entry) and not keeps_placeholders(entry)
    ]
    assert not broken, f"{len(broken)} translations change placeholders: {broken[:10]}"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đã xoá %(count)d %(model_name)s.", ["%(count)d", "%(model_name)s"]),
        ("Trang %s / %s", ["%s", "%s"]),
        ("100%% hoàn thành", []),
        ("'{title}' bị khoá bởi {user} lúc {0}", ["{0}", "{title}", "{user}"]),
    ],
)
def test_placeholder_reader_finds_percent_and_brace_formats(text, expected):
    assert placeholders(text) == expected


@pytest.mark.parametrize(
    "entry, kept",
    [
        (polib.POEntry(msgid="Delete %(title)s", msgstr="Xoá %(title)s"), True),
        (polib.POEntry(msgid="Delete %(title)s", msgstr="Xoá %(tieu_de)s"), False),
        (polib.POEntry(msgid="{title} is locked", msgstr="{tiêu đề} đã khoá"), False),
        (
            polib.POEntry(
                msgid="Add tags to 1 image",
                msgid_plural="Add tags to %(counter)s images",
                msgstr_plural={0: "Thêm thẻ cho %(counter)s ảnh"},
            ),
            True,
        ),
        (
            polib.POEntry(
                msgid="%(count)s image",
                msgid_plural="%(count)s images",
                msgstr_plural={0: "%(count)d ảnh"},
            ),
            False,
        ),
    ],
)
def test_placeholder_check_accepts_either_plural_source_and_rejects_changes(entry, kept):
    assert keeps_placeholders(entry) is kept

"""The Vietnamese follows GLOSSARY.md: one term per concept, in every catalogue.

Wagtail's own Vietnamese used several words for one idea ("luồng công việc" and "quy trình"
for Workflow, "Thu hồi xuất bản" for Unpublish, "Xóa" and "Xoá"); editors then read two
names for one button.
"""

import re
import unicodedata

import pytest
from django.utils import translation

from tests.i18n.catalogues import all_catalogues, entries, upstream_copies, vietnamese

# msgids Wagtail's admin shows as a whole, and the glossary term each must become.
SPOT_CHECKS = [
    ("Page", "Trang"),
    ("Draft", "Bản nháp"),
    ("Publish", "Xuất bản"),
    ("Unpublish", "Gỡ xuất bản"),
    ("Workflow", "Quy trình duyệt"),
    ("Task", "Bước duyệt"),
    ("Snippets", "Đoạn nội dung"),
    ("Collection", "Bộ sưu tập"),
    ("Privacy", "Quyền xem"),
    ("Documents", "Tài liệu"),
    ("Images", "Ảnh"),
    ("Settings", "Cấu hình"),
    ("Redirects", "Chuyển hướng"),
    ("Forms", "Biểu mẫu"),
    ("Delete", "Xoá"),
    ("Cancel", "Huỷ"),
    ("Edit", "Sửa"),
    ("Preview", "Xem trước"),
    ("Usage", "Nơi sử dụng"),
]

# When the English names the concept, the Vietnamese uses the glossary term for it.
# ("unpublished changes" are changes not yet published, and a "workflow task" is a
# "bước duyệt": those phrases need not repeat the terms.)
REQUIRED_TERMS = [
    (r"\bpages?\b", "trang"),
    (r"\bdrafts?\b", "bản nháp"),
    (r"\bpublish\w*", "xuất bản"),
    (r"\bunpublish(es|ing)?\b", "gỡ xuất bản"),
    (r"\brevisions?\b", "phiên bản"),
    (r"\bworkflows?\b(?!\s+tasks?\b)", "quy trình"),
    (r"\bsnippets?\b", "đoạn nội dung"),
    (r"\bcollections?\b", "bộ sưu tập"),
    (r"\bprivacy\b", "quyền xem"),
    (r"\bdocuments?\b", "tài liệu"),
    (r"\bimages?\b", "ảnh"),
    (r"\bredirects?\b", "chuyển hướng"),
]

# Variants the glossary replaced: never in a translation (of a msgid naming the concept,
# when one is given).
FORBIDDEN = [
    ("xóa", None),  # Xoá
    ("hủy", None),  # Huỷ
    ("khóa", None),  # Khoá
    ("tùy", None),  # tuỳ (the same new-style tone placement)
    ("thu hồi xuất bản", None),  # Gỡ xuất bản
    ("luồng công việc", None),  # Quy trình duyệt
    ("quy trình làm việc", None),  # Quy trình duyệt
    ("tác vụ", r"\btasks?\b"),  # Bước duyệt
    ("hình ảnh", r"\bimages?\b"),  # Ảnh
    ("đăng tải", None),  # Tải lên
]

_MARKUP = re.compile(r"<[^>]*>|%\([^)]*\)\w|\{[^{}]*\}")


def _english(entry):
    """The msgid's words, without tags or placeholders ("{snippet_type_name}" is no term)."""
    return _MARKUP.sub(" ", entry.msgid)


def _normal(text):
    return unicodedata.normalize("NFC", text).lower()


@pytest.mark.parametrize("msgid, term", SPOT_CHECKS)
def test_admin_labels_use_the_glossary_term(msgid, term):
    with translation.override("vi"):
        assert translation.gettext(msgid) == term


@pytest.mark.parametrize("pattern, term", REQUIRED_TERMS, ids=[t for _, t in REQUIRED_TERMS])
def test_upstream_translations_use_the_glossary_term(pattern, term):
    english = re.compile(pattern, re.IGNORECASE)
    wrong = [
        (path.parent.parent.parent.name, entry.msgid, vietnamese(entry))
        for path in upstream_copies()
        for entry in entries(path)
        if vietnamese(entry)
        and english.search(_english(entry))
        and term not in _normal(vietnamese(entry))
    ]
    assert not wrong, f"{len(wrong)} translations without '{term}': {wrong[:10]}"


@pytest.mark.parametrize("variant, pattern", FORBIDDEN, ids=[v for v, _ in FORBIDDEN])
def test_no_translation_uses_a_replaced_variant(variant, pattern):
    english = re.compile(pattern or ".", re.IGNORECASE | re.DOTALL)
    wrong = [
        (catalogue, entry.msgid, vietnamese(entry))
        for path, catalogue in all_catalogues()
        for entry in entries(path)
        if variant in _normal(vietnamese(entry)) and english.search(_english(entry))
    ]
    assert not wrong, f"{len(wrong)} translations use '{variant}': {wrong[:10]}"

"""Vietnamese text rules: ASCII slugs, NFC storage, dates in Vietnamese form."""

import datetime
import unicodedata
from zoneinfo import ZoneInfo

import pytest

from core.text import normalize_tone_placement, strip_diacritics, vietnamese_slugify
from home.models import HomePage
from home.templatetags.portal_tags import vi_date, vi_datetime


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Nông thôn mới", "nong-thon-moi"),
        ("Đồng thuận xây dựng NTM", "dong-thuan-xay-dung-ntm"),
        ("Hà Tĩnh: đổi mới sáng tạo & chuyển đổi số", "ha-tinh-doi-moi-sang-tao-chuyen-doi-so"),
        (unicodedata.normalize("NFD", "Thành uỷ Hà Tĩnh"), "thanh-uy-ha-tinh"),
    ],
)
def test_vietnamese_titles_become_ascii_slugs(title, slug):
    assert vietnamese_slugify(title) == slug


def test_strip_diacritics_folds_d_and_tone_marks():
    assert strip_diacritics("Đồng Thuận Hà Tĩnh") == "dong thuan ha tinh"


def test_both_tone_placements_fold_to_one_spelling():
    assert normalize_tone_placement("Thành ủy hòa") == normalize_tone_placement("Thành uỷ hoà")
    assert normalize_tone_placement("hoàng") == "hoàng", "closed syllables keep their mark"
    assert normalize_tone_placement("của mùa") == "của mùa", '"ua" keeps its mark on u'
    assert normalize_tone_placement("thủy") == normalize_tone_placement("thuỷ")


@pytest.mark.django_db
def test_pages_get_ascii_slugs_from_vietnamese_titles(home_page):
    page = home_page.add_child(instance=HomePage(title="Đường giao thông nông thôn"))
    assert page.slug == "duong-giao-thong-nong-thon"
    assert page.url.endswith("/duong-giao-thong-nong-thon/")


@pytest.mark.django_db
def test_text_is_stored_in_nfc(home_page):
    decomposed = unicodedata.normalize("NFD", "Xây dựng nông thôn mới")
    page = home_page.add_child(instance=HomePage(title=decomposed, intro=decomposed))
    page.refresh_from_db()
    assert page.title == unicodedata.normalize("NFC", decomposed)
    assert unicodedata.is_normalized("NFC", page.intro)


def test_vietnamese_date_forms():
    moment = datetime.datetime(2026, 11, 28, 2, 15, tzinfo=datetime.UTC)
    assert vi_datetime(moment) == "Thứ Bảy, 28/11/2026, 09:15"
    assert vi_date(datetime.date(2024, 12, 22)) == "22/12/2024"
    sunday = datetime.datetime(2026, 11, 29, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert vi_datetime(sunday).startswith("Chủ Nhật, 29/11/2026")

"""The "newer news" and "older news" lists at their edges."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_news

pytestmark = pytest.mark.django_db

BASE = timezone.now() - timedelta(days=30)


def series(category, count, prefix="Tin"):
    """``count`` items one day apart, oldest first."""
    return [
        make_news(category, f"{prefix} {number}", published_at=BASE + timedelta(days=number))
        for number in range(count)
    ]


def titles(items):
    return [item.title for item in items]


def test_middle_item_has_five_newer_and_five_older_closest_first(province):
    items = series(province, 13)
    middle = items[6]
    assert titles(middle.newer_news()) == [f"Tin {n}" for n in (11, 10, 9, 8, 7)]
    assert titles(middle.older_news()) == [f"Tin {n}" for n in (5, 4, 3, 2, 1)]


def test_newest_item_has_no_newer_and_oldest_has_no_older(province):
    items = series(province, 7)
    assert list(items[-1].newer_news()) == [], "the newest item has nothing newer"
    assert titles(items[-1].older_news()) == [f"Tin {n}" for n in (5, 4, 3, 2, 1)]
    assert list(items[0].older_news()) == [], "the oldest item has nothing older"
    assert titles(items[0].newer_news()) == [f"Tin {n}" for n in (5, 4, 3, 2, 1)]


def test_single_item_has_no_neighbours(province, client):
    only = make_news(province, "Tin duy nhất")
    assert list(only.newer_news()) == [] and list(only.older_news()) == []
    html = client.get(only.url).content.decode()
    assert "Những tin mới hơn" not in html and "Những tin cũ hơn" not in html


def test_equal_timestamps_are_ordered_by_id_without_loss_or_repeat(province):
    same = BASE
    items = [make_news(province, f"Cùng giờ {n}", published_at=same) for n in range(4)]
    first, second, third, fourth = items
    assert titles(second.newer_news()) == ["Cùng giờ 3", "Cùng giờ 2"]
    assert titles(second.older_news()) == ["Cùng giờ 0"]
    assert list(fourth.newer_news()) == [] and list(first.older_news()) == []
    for item in items:
        neighbours = titles(item.newer_news()) + titles(item.older_news())
        assert sorted(neighbours + [item.title]) == sorted(titles(items)), (
            "every other item with the same timestamp must appear exactly once"
        )


def test_neighbours_stay_in_the_category_and_skip_unpublished(province, districts):
    items = series(province, 3)
    make_news(districts, "Tin huyện", published_at=BASE + timedelta(days=1, hours=1))
    make_news(province, "Bản nháp", published_at=BASE + timedelta(days=1, hours=2), publish=False)
    make_news(
        province,
        "Hết hạn",
        published_at=BASE + timedelta(days=1, hours=3),
        expire_at=timezone.now() - timedelta(hours=1),
    )
    assert titles(items[1].newer_news()) == ["Tin 2"]
    assert titles(items[1].older_news()) == ["Tin 0"]


def test_news_page_shows_the_lists_with_vietnamese_headings(province, client):
    items = series(province, 3)
    html = client.get(items[1].url).content.decode()
    assert "Những tin mới hơn" in html and "Những tin cũ hơn" in html
    assert html.index("Tin 2") < html.index("Những tin cũ hơn") < html.index("Tin 0")

"""PostgreSQL's search candidates: folded text in both tone placements, the newest hits only."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from articles.models import NewsPage
from directives.models import DirectivePage
from search import postgres
from search.engine import search_pages
from tests.factories import make_directive, make_directive_index, make_news, make_news_index

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own search path"),
]


@pytest.fixture
def category(home_page):
    return make_news_index(home_page)


def test_both_tone_placements_are_found_without_diacritics(category, home_page):
    old_style = make_news(category, "Thành ủy họp bàn về nông thôn mới")
    new_style = make_news(category, "Thành uỷ kiểm tra xã điểm")
    register = make_directive_index(home_page)
    directive = make_directive(register, "7-CT/TU", title="Chỉ thị của Thành uỷ")
    found = postgres.ranked_page_ids("thanh uy", [NewsPage, DirectivePage], 10)
    assert set(found) == {old_style.pk, new_style.pk, directive.pk}


def test_only_the_newest_hits_of_each_type_are_ranked(monkeypatch, category, home_page):
    day = timezone.now() - datetime.timedelta(days=3)
    first = make_news(category, "Đường giao thông nông thôn", published_at=day)
    second = make_news(category, "Đường giao thông liên xã")
    register = make_directive_index(home_page)
    directive = make_directive(register, "9/KH-UBND", title="Kế hoạch giao thông nông thôn")
    monkeypatch.setattr(postgres, "CANDIDATES", 1)
    found = [page.pk for page in search_pages("giao thong", [NewsPage, DirectivePage])]
    assert sorted(found) == sorted([second.pk, directive.pk]), "one news item and one directive"
    assert first.pk not in found


def test_the_directives_entries_have_a_text_index_of_their_own(db):
    """Migration search 0002: a partial index whose condition names the directives' type."""
    directive_type = ContentType.objects.get_for_model(DirectivePage)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_directive_entries_body'"
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (body)" in definition
    assert f"(content_type_id = {directive_type.pk})" in definition


def test_phrase_in_the_title_then_words_in_the_title_then_the_summary(home_page):
    register = make_directive_index(home_page)
    in_summary = make_directive(
        register, "1/KH", title="Kế hoạch", summary="Nông thôn mới kiểu mẫu"
    )
    apart = make_directive(register, "2/KH", title="Mới: hạ tầng nông thôn")
    phrase = make_directive(register, "3/KH", title="Xây dựng nông thôn mới")
    found = postgres.ranked_page_ids("nong thon moi", [DirectivePage], 10)
    assert found == [phrase.pk, apart.pk, in_summary.pk]

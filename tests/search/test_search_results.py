"""The search page over HTTP with real documents: numbers, type label, date, type filter."""

import re

import pytest

from tests.factories import make_directive, make_directive_index

pytestmark = pytest.mark.django_db


def result_links(response):
    html = response.content.decode().split('class="item-list search-results"')[-1]
    return re.findall(r'<h3><a href="([^"]+)">', html.split("</ol>")[0])


@pytest.fixture
def register(home_page, site_settings):
    return make_directive_index(home_page)


@pytest.mark.parametrize("query", ["57-NQ/TW", "57/NQ-TW", "57 nq tw", "nghị quyết 57"])
def test_a_document_number_finds_its_directive(client, register, query):
    wanted = make_directive(
        register,
        "57-NQ/TW",
        title="Nghị quyết về đột phá phát triển khoa học, công nghệ",
        summary="Đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
    )
    make_directive(register, "58/KH-UBND", title="Kế hoạch thi đua năm 2025")
    response = client.get("/tim-kiem/", {"q": query})
    links = result_links(response)
    assert links and links[0] == wanted.url, f"{query!r} should find {wanted.number} first"
    html = response.content.decode()
    assert '<span class="result-type">Văn bản chỉ đạo, điều hành</span>' in html
    assert '<time datetime="2024-12-22">22/12/2024</time>' in html
    assert "Đột phá phát triển khoa học, công nghệ" in html, "the summary is the result's lead"


def test_directives_found_without_accents_and_filtered_by_type(client, register):
    wanted = make_directive(register, "12-CT/TU", title="Chỉ thị về đồng thuận xây dựng nông thôn")
    assert result_links(client.get("/tim-kiem/", {"q": "dong thuan"})) == [wanted.url]
    assert result_links(client.get("/tim-kiem/", {"q": "dong thuan", "type": "directives"})) == [
        wanted.url
    ]
    assert result_links(client.get("/tim-kiem/", {"q": "dong thuan", "type": "news"})) == []


def test_titles_rank_above_summaries(client, register):
    in_summary = make_directive(
        register, "3/KH-UBND", title="Kế hoạch năm 2025", summary="Về chuyển đổi số cấp xã"
    )
    in_title = make_directive(register, "4/KH-UBND", title="Kế hoạch chuyển đổi số")
    assert result_links(client.get("/tim-kiem/", {"q": "chuyen doi so"})) == [
        in_title.url,
        in_summary.url,
    ]


def test_drafts_are_not_found(client, register):
    make_directive(register, "9/QĐ-UBND", title="Quyết định chưa ban hành", live=False)
    assert result_links(client.get("/tim-kiem/", {"q": "quyet dinh chua ban hanh"})) == []


def test_results_are_paginated_and_junk_page_numbers_give_a_page(client, register):
    for number in range(12):
        make_directive(register, f"{number + 1}/KH-BCĐ", title=f"Kế hoạch nông thôn mới {number}")
    assert len(result_links(client.get("/tim-kiem/", {"q": "nong thon moi"}))) == 10
    assert len(result_links(client.get("/tim-kiem/", {"q": "nong thon moi", "page": 2}))) == 2
    for junk in ("abc", "0", "-1", "999", "1" * 40):
        response = client.get("/tim-kiem/", {"q": "nong thon moi", "page": junk})
        assert response.status_code == 200, f"page={junk!r} must give a page"
        assert result_links(response), f"page={junk!r} should show some results"


def test_search_page_runs_a_bounded_number_of_queries(
    client, register, django_assert_max_num_queries
):
    for number in range(15):
        make_directive(register, f"{number + 1}/KH-BCĐ", title=f"Kế hoạch nông thôn mới {number}")
    with django_assert_max_num_queries(15):
        response = client.get("/tim-kiem/", {"q": "nong thon moi"})
    assert len(result_links(response)) == 10

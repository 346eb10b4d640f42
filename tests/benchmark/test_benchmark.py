"""The benchmark command measures every reader page type and reports its queries."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import make_directive, make_directive_index, make_news, make_news_index

pytestmark = pytest.mark.django_db


def test_benchmark_reports_each_live_page_type_with_its_queries(home_page, site_settings):
    category = make_news_index(home_page, "Tin trong tỉnh")
    older = make_news(category, "Tin cũ")
    newest = make_news(category, "Tin mới nhất")
    draft = make_news(category, "Tin nháp", publish=False)
    register = make_directive_index(home_page)
    directive = make_directive(register, "57-NQ/TW")

    out = StringIO()
    call_command("benchmark", repeat=2, stdout=out)
    header, *lines = out.getvalue().splitlines()
    assert header.split()[:2] == ["Trạng", "thái"], "the report speaks Vietnamese"
    rows = {line.split()[-1]: line.split()[:4] for line in lines}

    expected = ["/", "/tim-kiem/?q=nong+thon+moi", "/sitemap.xml", "/rss/"]
    expected += [category.url, newest.url, register.url, directive.url]
    assert sorted(rows) == sorted(expected), "one page of each type, the newest"
    assert older.url not in rows and draft.url not in rows
    for path, (status, queries, median, p95) in rows.items():
        assert status == "200", path
        assert int(queries) > 0 and float(p95) >= float(median) > 0, path

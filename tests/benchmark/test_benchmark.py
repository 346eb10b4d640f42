"""The benchmark command measures every reader page type and reports its queries."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import make_directive, make_directive_index, make_news, make_news_index

pytestmark = pytest.mark.django_db


def test_benchmark_reports_each_live_page_type_with_its_queries(home_page, site_settings, caplog):
    category = make_news_index(home_page, "Tin trong tỉnh")
    older = make_news(category, "Tin cũ")
    newest = make_news(category, "Tin mới nhất", tags=["nông thôn mới"])
    draft = make_news(category, "Tin nháp", publish=False)
    register = make_directive_index(home_page)
    directive = make_directive(register, "57-NQ/TW")

    out = StringIO()
    call_command("benchmark", repeat=2, stdout=out)
    assert not [record for record in caplog.records if record.name == "portal.request"], (
        "no line per measured request between the report's lines"
    )
    header, *lines = out.getvalue().splitlines()
    assert header.split()[:2] == ["Trạng", "thái"], "the report speaks Vietnamese"
    rows = {}
    for line in lines:
        figures, kind = line.rsplit("  (", 1)
        status, queries, median, p95, path = figures.split()
        rows[kind.rstrip(")")] = (path, status, int(queries), float(median), float(p95))
    paths = {path for path, *_figures in rows.values()}

    assert {category.url, f"{category.url}?page=1000", f"{category.url}rss/"} <= paths
    assert {newest.url, register.url, directive.url} <= paths, "the newest page of each type"
    assert older.url not in paths and draft.url not in paths
    for kind in ("home", "search", "sitemap", "site feed", "tag page 1", "register, every filter"):
        assert kind in rows, f"{kind} is measured"
    every_filter = rows["register, every filter"][0]
    for name in ("q", "document_type", "issuing_body", "year", "status"):
        assert f"{name}=" in every_filter and f"register, {name}" in rows, name
    for kind, (path, status, queries, median, p95) in rows.items():
        assert status == "200", (kind, path)
        assert queries > 0 and p95 >= median > 0, (kind, path)


def test_benchmark_saves_its_figures_and_compares_with_a_saved_run(
    home_page, site_settings, tmp_path
):
    category = make_news_index(home_page, "Tin trong tỉnh")
    make_news(category, "Tin mới nhất")
    saved = tmp_path / "figures.json"
    call_command("benchmark", repeat=1, save=saved, stdout=StringIO())
    figures = json.loads(saved.read_text())
    assert figures["home"]["path"] == "/" and figures["home"]["queries"] > 0

    out = StringIO()
    call_command("benchmark", repeat=1, compare=saved, stdout=out)
    home = next(line for line in out.getvalue().splitlines() if line.endswith("(home)"))
    ratio, queries_before = home.split()[4:6]
    assert ratio.endswith("x") and float(ratio[:-1]) > 0
    assert int(queries_before) == figures["home"]["queries"]

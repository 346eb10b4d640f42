"""The HTTP benchmark's pieces that can break without a server: wrk's figures, the ratios,
the goals, and the floor view that production never routes."""

import importlib
import os
import subprocess
import sys
import time

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

from benchmark import http
from benchmark.management.commands.bench_http import worker_memory

WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:9701/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.85ms   11.72ms  91.35ms   91.10%
  1046 requests in 2.01s, 191.20KB read
Requests/sec:    519.87
BENCH 1046 2012051 2055 68089 3
"""


def test_wrk_result_line_is_read_exactly():
    run = http.parse_wrk(WRK_OUTPUT)
    assert run == http.Run(requests=1046, seconds=2.012051, p50_ms=2.055, p99_ms=68.089, errors=3)
    assert run.rate == pytest.approx(1046 / 2.012051)


def test_wrk_without_result_line_is_an_error_naming_its_output():
    with pytest.raises(ValueError, match="unable to connect"):
        http.parse_wrk("unable to connect to 127.0.0.1:9701 Connection refused\n")


def test_the_lua_hook_prints_the_line_the_parser_reads():
    assert 'string.format("BENCH %d %d %d %d %d\\n"' in http.WRK_SCRIPT
    assert "latency:percentile(50)" in http.WRK_SCRIPT and "percentile(99)" in http.WRK_SCRIPT


def target(page, kind, *rates):
    found = http.Target(page, kind, f"http://x/{page}/{kind}")
    found.runs = [http.Run(int(rate * 2), 2.0, 1000 / rate, 3000 / rate, 0) for rate in rates]
    return found


def measured():
    return [
        target("floor", http.FLOOR, 1000, 900, 1100),
        target("home", http.UNCACHED, 90, 60, 80),
        target("home", http.CACHED, 950, 800, 900),
        target("home", http.MICRO, 4000, 3000, 3500),
        target("home", http.STATIC, 6000, 8000, 7000),
        target("news item", http.UNCACHED, 200, 150, 100),
        target("news item", http.CACHED, 700, 800, 600),
        target("news item", http.MICRO, 3000, 3000, 3000),
        target("news item", http.STATIC, 7000, 7000, 7000),
    ]


def test_rows_take_the_median_round_and_divide_by_the_floor_and_the_same_page_static():
    rows = {(row.page, row.kind): row for row in http.rows(measured())}
    assert rows["floor", http.FLOOR].rate == pytest.approx(1000)
    home = rows["home", http.UNCACHED]
    assert home.rate == pytest.approx(80)
    assert home.p50_ms == pytest.approx(1000 / 80)
    assert home.to_floor == pytest.approx(0.08)
    assert home.to_static == pytest.approx(80 / 7000)
    assert rows["news item", http.MICRO].to_static == pytest.approx(3000 / 7000)
    assert rows["news item", http.STATIC].to_static == pytest.approx(1.0)


def test_goals_of_the_issue_met_and_missed():
    goals = {goal.label: goal for goal in http.goals(http.rows(measured()))}
    assert goals["news item, uncached / floor"].met  # 0.15
    assert goals["home, uncached / floor"].met  # 0.08, the bound itself
    assert goals["home, cached / floor"].met  # 0.9
    assert not goals["news item, cached / floor"].met  # 0.7
    assert goals["home, nginx cache / static"].met  # 0.5
    assert not goals["news item, nginx cache / static"].met  # 0.43
    assert len(goals) == 6


def test_a_page_not_measured_misses_its_goal_rather_than_passing():
    rows = http.rows([target("floor", http.FLOOR, 1000)])
    goals = {goal.label: goal for goal in http.goals(rows)}
    assert goals["news item, uncached / floor"].value is None
    assert not goals["news item, uncached / floor"].met


def test_table_shows_queries_bytes_and_ratios_per_row():
    lines = http.table(http.rows(measured()), {"home": (12, 0, 16431)})
    assert lines[0].split()[:3] == ["page", "served", "by"]
    uncached = next(line for line in lines if line.startswith("home") and "uncached" in line)
    assert uncached.split()[-4:] == ["12", "16431", "0.08", "0.01"]
    cached = next(line for line in lines if line.startswith("home") and " cached" in line)
    assert cached.split()[-4:-2] == ["0", "16431"]
    floor = next(line for line in lines if line.startswith("floor"))
    assert floor.split()[-4:] == ["-", "-", "1.00", "-"]


def reload_urls():
    import site_config.urls

    clear_url_caches()
    importlib.reload(site_config.urls)


@pytest.mark.django_db
def test_floor_view_is_not_routed_unless_the_benchmark_enables_it(client, home_page):
    assert client.get("/_benchmark/floor/").status_code == 404
    try:
        with override_settings(BENCHMARK_FLOOR_VIEW=True):
            reload_urls()
            response = client.get("/_benchmark/floor/")
            assert response.status_code == 200
            assert response.content.decode() == "<!doctype html><title>floor</title><p>ok</p>"
            assert "private" in response["Cache-Control"]
    finally:
        reload_urls()
    assert client.get("/_benchmark/floor/").status_code == 404


def test_worker_memory_reads_the_resident_size_of_each_child():
    code = 'import sys, time; block = b"x" * 40_000_000; print(flush=True); time.sleep(60)'
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    try:
        child.stdout.readline()  # the block is allocated
        time.sleep(0.1)
        memory = worker_memory(os.getpid())
        assert 40 < memory[child.pid] < 200
    finally:
        child.kill()
        child.wait()

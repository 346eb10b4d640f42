"""The HTTP benchmark's arithmetic: wrk's figures, rounds, ratios, the report and the goals.

Kept apart from the command that starts the servers so that each piece can be checked on its
own: the parser on wrk's output, the ratios and goals on given figures.
"""

import logging
import re
import statistics
from contextlib import contextmanager
from dataclasses import dataclass, field

# wrk's Lua hook: one line of integers (microseconds) after the run, easier to read than its
# human summary and exact (no "1.23ms" rounding).
WRK_SCRIPT = """done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""
WRK_LINE = re.compile(r"^BENCH (\d+) (\d+) (\d+) (\d+) (\d+)$", re.MULTILINE)

# The kinds of measurement, in the report's order: what serves the page, and how.
FLOOR, UNCACHED, CACHED, MICRO, STATIC = "floor", "uncached", "cached", "nginx cache", "static"
KINDS = (UNCACHED, CACHED, MICRO, STATIC)


@dataclass(frozen=True)
class Run:
    """One wrk run: requests answered, its length, latency percentiles, failed requests."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0


def parse_wrk(output):
    """The ``Run`` that ``WRK_SCRIPT`` printed; ValueError when wrk printed none (it failed)."""
    match = WRK_LINE.search(output)
    if match is None:
        raise ValueError(f"no result line in wrk's output: {output.strip()[-300:]!r}")
    requests, duration, p50, p99, errors = (int(group) for group in match.groups())
    return Run(requests, duration / 1e6, p50 / 1000, p99 / 1000, errors)


@dataclass
class Target:
    """One thing measured: a page (or the floor) served one way, and its rounds."""

    page: str
    kind: str
    url: str
    server: str = ""
    runs: list = field(default_factory=list)

    @property
    def requests(self):
        return sum(run.requests for run in self.runs)

    @property
    def errors(self):
        return sum(run.errors for run in self.runs)

    def median(self, attribute):
        """The median over the rounds, so one disturbed round (a shared machine) counts little."""
        return statistics.median(getattr(run, attribute) for run in self.runs)


def ratio(value, reference):
    return value / reference if reference else None


@dataclass(frozen=True)
class Row:
    page: str
    kind: str
    rate: float
    p50_ms: float
    p99_ms: float
    to_floor: float | None
    to_static: float | None
    errors: int


def rows(targets):
    """Each target's median figures and its ratios to the floor and to nginx serving the same
    page's HTML as a static file."""
    rates = {(target.page, target.kind): target.median("rate") for target in targets}
    floor = next((rate for (page, kind), rate in rates.items() if kind == FLOOR), None)
    return [
        Row(
            page=target.page,
            kind=target.kind,
            rate=rates[target.page, target.kind],
            p50_ms=target.median("p50_ms"),
            p99_ms=target.median("p99_ms"),
            to_floor=ratio(rates[target.page, target.kind], floor),
            to_static=ratio(rates[target.page, target.kind], rates.get((target.page, STATIC))),
            errors=target.errors,
        )
        for target in targets
    ]


@dataclass(frozen=True)
class Goal:
    label: str
    value: float | None
    target: float

    @property
    def met(self):
        return self.value is not None and self.value >= self.target


def goals(report_rows, news="news item", home="home"):
    """The issue's goals, from the rows of one run."""
    by_key = {(row.page, row.kind): row for row in report_rows}
    found = [
        Goal(f"{news}, uncached / floor", _to_floor(by_key.get((news, UNCACHED))), 0.15),
        Goal(f"{home}, uncached / floor", _to_floor(by_key.get((home, UNCACHED))), 0.08),
    ]
    for row in report_rows:
        if row.kind == CACHED:
            found.append(Goal(f"{row.page}, cached / floor", row.to_floor, 0.85))
    for row in report_rows:
        if row.kind == MICRO:
            found.append(Goal(f"{row.page}, nginx cache / static", row.to_static, 0.5))
    return found


def _to_floor(row):
    return row.to_floor if row is not None else None


def _fraction(value):
    return f"{value:.2f}" if value is not None else "-"


def table(report_rows, details):
    """The report's lines; ``details`` maps a page to its (SQL queries uncached, cached, HTML
    bytes)."""
    header = f"{'page':<16} {'served by':<12} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
    header += f"{'SQL':>5} {'bytes':>8} {'/floor':>7} {'/static':>8}"
    lines = [header, "-" * len(header)]
    for row in report_rows:
        queries, cached_queries, size = details.get(row.page, (None, None, None))
        shown = {UNCACHED: queries, CACHED: cached_queries}.get(row.kind)
        line = f"{row.page:<16} {row.kind:<12} {row.rate:>8.0f} {row.p50_ms:>8.1f} "
        line += f"{row.p99_ms:>8.1f} {_count(shown):>5} {_count(size):>8} "
        line += f"{_fraction(row.to_floor):>7} {_fraction(row.to_static):>8}"
        if row.errors:
            line += f"  {row.errors} failed"
        lines.append(line)
    return lines


def _count(value):
    return "-" if value is None else str(value)


@contextmanager
def quiet_request_log():
    """No line per request of the in-process measuring on the report's terminal."""
    logging.disable(logging.INFO)
    try:
        yield
    finally:
        logging.disable(logging.NOTSET)

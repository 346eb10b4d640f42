"""The NukeViet 4.5 sample kept with the tests: its crawl (urls.tsv) and its dump (dump.sql).

urls.tsv lists every address the running NukeViet served for the sample content under four
URL configurations; dump.sql is the database behind it. The readers here need no MariaDB:
they take the few name -> alias tables the link tests compare against straight from the
dump's one-row INSERT statements.
"""

import csv
import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SAMPLE = Path(__file__).parent / "sample"
VALUE = re.compile(r"'((?:[^'\\]|\\.)*)'|(NULL)|(-?[0-9.]+)")
ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "Z": "\x1a"}


@dataclass(frozen=True)
class CrawledUrl:
    kind: str
    nukeviet_id: str
    title: str
    url: str
    http_status: int
    url_config: str
    url_form: str
    location: str
    note: str

    @property
    def path(self):
        return self.url.partition("?")[0]

    @property
    def query(self):
        return self.url.partition("?")[2]

    def __str__(self):
        return f"{self.kind} {self.nukeviet_id} [{self.url_config}] {self.url}"


@cache
def crawled_urls():
    with (SAMPLE / "urls.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple(
            CrawledUrl(
                kind=row["kind"],
                nukeviet_id=row["nukeviet_id"],
                title=row["title"],
                url=row["url"],
                http_status=int(row["http_status"]),
                url_config=row["url_config"],
                url_form=row["url_form"],
                location=row["location"],
                note=row["note"],
            )
            for row in rows
        )


def _value(text, null, number):
    if null:
        return None
    return number or _unescape(text)


def _unescape(text):
    return re.sub(r"\\(.)", lambda match: ESCAPES.get(match.group(1), match.group(1)), text)


@cache
def table(name):
    """Every row of table ``name`` in dump.sql, as dicts keyed by column name."""
    dump = (SAMPLE / "dump.sql").read_text(encoding="utf-8")
    create = re.search(rf"CREATE TABLE `{name}` \((.*?)\n\)", dump, re.DOTALL)
    columns = re.findall(r"^  `(\w+)`", create.group(1), re.MULTILINE)
    rows = []
    for line in re.findall(rf"^INSERT INTO `{name}` VALUES \((.*)\);$", dump, re.MULTILINE):
        values = [_value(*found) for found in VALUE.findall(line)]
        rows.append(dict(zip(columns, values, strict=True)))
    return rows


def aliases(name, key="id"):
    """id -> alias of a dump table (categories, tags, types, ...)."""
    return {row[key]: row["alias"] for row in table(name)}


def titles(name, key="id"):
    return {row[key]: html.unescape(row["title"]) for row in table(name)}

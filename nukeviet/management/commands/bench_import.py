"""manage.py bench_import: the import's speed and memory at the live portal's size.

It loads the sample dump's schema into a scratch MariaDB database, fills it with N synthetic
articles (sample articles copied with new ids, titles and publication times, spread over
the sample categories), imports it into the configured database and prints articles per
second and peak memory. A figure to compare, not a test; the scratch database is dropped.
"""

import resource
import subprocess
import time
import uuid
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

SAMPLE = Path(__file__).resolve().parents[3] / "tests" / "nukeviet" / "sample"


class Command(BaseCommand):
    help = "Import N synthetic NukeViet articles and print articles per second and peak memory."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=50_000)
        parser.add_argument("--mysql", default="mysql://root@127.0.0.1:3306")
        parser.add_argument("--database", default=f"bench_nukeviet_{uuid.uuid4().hex[:8]}")

    def handle(self, *args, **options):
        from nukeviet.source import parse_source

        settings = parse_source(f"{options['mysql']}/x")
        client = [
            "mariadb",
            "-h",
            settings["host"],
            "-P",
            str(settings["port"]),
            "-u",
            settings["user"],
        ]
        if settings["password"]:
            client.append(f"-p{settings['password']}")
        name = options["database"]

        def sql(statement, database=None, stdin=None):
            command = [*client, *([database] if database else [])]
            if statement:
                command += ["-e", statement]
            subprocess.run(command, input=stdin, check=True)

        sql(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        try:
            sql(None, name, stdin=(SAMPLE / "dump.sql").read_bytes())
            self.fill(sql, name, options["articles"])
            started = time.monotonic()
            out = StringIO()
            call_command(
                "import_nukeviet",
                "--source",
                f"{options['mysql']}/{name}",
                "--no-progress",
                "--warnings",
                "/dev/null",
                stdout=out,
            )
            elapsed = time.monotonic() - started
        finally:
            sql(f"DROP DATABASE IF EXISTS `{name}`")
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        count = options["articles"] + 50
        self.stdout.write(out.getvalue())
        self.stdout.write(
            f"{count} articles in {elapsed:.0f} s: {count / elapsed:.1f} articles/s, "
            f"peak memory {peak_mb:.0f} MB"
        )

    def fill(self, sql, name, count):
        """Copy the 35 new sample articles (ids 16-50, all published) up to ``count`` rows."""
        sql(
            "CREATE TABLE seq (n INT PRIMARY KEY) ENGINE=MEMORY; "
            f"INSERT INTO seq SELECT seq FROM seq_1_to_{count}; "
            "INSERT INTO nv4_vi_news_rows SELECT 1000 + s.n, r.catid, r.catid, 0, r.admin_id, "
            "r.author, r.sourceid, r.addtime, r.edittime, 1, r.weight, "
            "1500000000 + s.n * 3600, 0, 0, CONCAT(r.title, ' (', s.n, ')'), "
            "CONCAT(r.alias, '-', s.n), r.hometext, '', '', 0, r.inhome, r.allowed_comm, "
            "r.allowed_rating, 0, 0, 0, 0, 0, 0, '', 0 FROM seq s "
            "JOIN nv4_vi_news_rows r ON r.id = 16 + MOD(s.n, 31) "
            "WHERE r.status = 1; "
            "INSERT INTO nv4_vi_news_detail (id, titlesite, description, bodyhtml, keywords, "
            "sourcetext, files) SELECT 1000 + s.n, '', '', d.bodyhtml, '', d.sourcetext, '' "
            "FROM seq s JOIN nv4_vi_news_detail d ON d.id = 16 + MOD(s.n, 31); "
            "INSERT INTO nv4_vi_news_tags_id SELECT 1000 + s.n, t.tid, t.keyword FROM seq s "
            "JOIN nv4_vi_news_tags_id t ON t.id = 16 + MOD(s.n, 31); DROP TABLE seq;",
            name,
        )

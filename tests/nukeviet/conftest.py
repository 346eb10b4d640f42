"""A real NukeViet 4.5 database (tests/nukeviet/sample/dump.sql) loaded into MariaDB.

Each test module gets its own scratch MariaDB database (a unique name, dropped afterwards)
and imports it once into the portal's test database inside one outer transaction, which is
rolled back when the module ends, so the rest of the suite never sees imported content.
Tests of the module share the import; their own changes are rolled back test by test.
"""

import os
import shutil
import subprocess
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Site

from nukeviet.redirects import forget_modules
from tests.factories import ensure_site

SAMPLE = Path(__file__).parent / "sample"
MYSQL_URL = os.environ.get("NUKEVIET_TEST_MYSQL", "mysql://root@127.0.0.1:3306")
DATABASE_PREFIX = os.environ.get("NUKEVIET_TEST_DATABASE_PREFIX", "test_nukeviet")


def _client_args():
    from nukeviet.source import parse_source

    settings = parse_source(f"{MYSQL_URL}/x")
    args = ["-h", settings["host"], "-P", str(settings["port"]), "-u", settings["user"]]
    if settings["password"]:
        args.append(f"-p{settings['password']}")
    return args


def mariadb(sql, database=None, stdin=None):
    client = shutil.which("mariadb") or shutil.which("mysql")
    command = (
        [client, *_client_args(), *([database] if database else []), "-e", sql]
        if sql
        else [client, *_client_args(), database]
    )
    return subprocess.run(command, input=stdin, check=True, capture_output=True)


class ScratchDatabase:
    """One MariaDB database holding the sample dump, for one test module."""

    def __init__(self):
        self.name = f"{DATABASE_PREFIX}_{uuid.uuid4().hex[:10]}"
        self.url = f"{MYSQL_URL}/{self.name}"

    def create(self):
        mariadb(f"CREATE DATABASE `{self.name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        dump = (SAMPLE / "dump.sql").read_bytes()
        try:
            mariadb(None, self.name, stdin=dump)
        except subprocess.CalledProcessError:
            # Clients older than MariaDB 10.5.25 reject the first (sandbox-mode) line.
            mariadb(None, self.name, stdin=dump.split(b"\n", 1)[1])

    def execute(self, sql):
        mariadb(sql, self.name)

    def restore(self, tables, pristine):
        """Put ``tables`` back as ``pristine`` (another copy of the sample) holds them."""
        statements = []
        for table in tables:
            source = f"`{pristine.name}`.`{table}`"
            statements += [
                f"DROP TABLE IF EXISTS `{table}`",
                f"CREATE TABLE `{table}` LIKE {source}",
                f"INSERT INTO `{table}` SELECT * FROM {source}",
            ]
        self.execute("; ".join(statements))

    def drop(self):
        mariadb(f"DROP DATABASE IF EXISTS `{self.name}`")


@pytest.fixture(scope="module")
def scratch_source():
    if not (shutil.which("mariadb") or shutil.which("mysql")):
        pytest.skip("the MariaDB client is not installed (.ci/run installs it)")
    database = ScratchDatabase()
    try:
        database.create()
    except subprocess.CalledProcessError as error:
        pytest.skip(f"MariaDB is not reachable at {MYSQL_URL}: {error.stderr.decode()[:200]}")
    yield database
    database.drop()


@pytest.fixture(scope="module")
def old_site_root(tmp_path_factory):
    """The old site's root with uploads/ and assets/ from the sample archive."""
    root = tmp_path_factory.mktemp("nukeviet-root")
    with tarfile.open(SAMPLE / "uploads.tar.gz") as archive:
        archive.extractall(root, filter="data")
    return root


def run_import(source, root, *extra, warnings=None):
    warnings = warnings or root / f"warnings-{uuid.uuid4().hex[:6]}.csv"
    from io import StringIO

    out = StringIO()
    call_command(
        "import_nukeviet",
        "--source",
        source.url,
        "--uploads",
        str(root / "uploads"),
        "--no-progress",
        "--warnings",
        str(warnings),
        *extra,
        stdout=out,
    )
    return out.getvalue(), warnings


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """An outer transaction for the module: everything it imports is rolled back at the end."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            ensure_site()
            yield
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test records its own modules and sites: none may see what a previous test cached
    (a rolled-back transaction does not clear the cache)."""
    forget_modules()
    Site.clear_site_root_paths_cache()
    yield
    forget_modules()
    Site.clear_site_root_paths_cache()

"""The migrated test database, kept between runs: a file for SQLite, a template on PostgreSQL.

Migrating a fresh test database takes 10 to 15 seconds (Wagtail's migrations, the board's data
migrations, the permissions post_migrate creates), paid by every test process of every run:
most of a one-module run. The first run keeps the migrated database; later runs copy it
instead of migrating, in about a second:

- in-memory SQLite: a file in pytest's cache folder, copied into memory;
- PostgreSQL: a database named after the test database with ``_m`` and the fingerprint, from
  which each run creates its test database afresh (``CREATE DATABASE ... TEMPLATE``). A test
  database kept from an earlier run (``--reuse-db``) is never used: the browser tests flush
  every table, the rows migrations made included, so a second run on it failed.

The fingerprint hashes every migration file of every installed app and Django's version, so a
new or changed migration, or an upgrade, builds a new snapshot; ``--create-db`` rebuilds it
too. Other databases are left to Django.
"""

import hashlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db.backends.base.creation import BaseDatabaseCreation

CACHE_FOLDER = "db-snapshot"


def install(folder, rebuild):
    """Make test databases come from snapshots (SQLite ones in ``folder``)."""
    create_test_db = BaseDatabaseCreation.create_test_db

    def create_from_snapshot(
        creation, verbosity=1, autoclobber=False, serialize=True, keepdb=False
    ):
        vendor = creation.connection.vendor
        if vendor == "postgresql":
            snapshot = PostgresTemplate(creation)
        elif vendor == "sqlite" and creation.is_in_memory_db(creation._get_test_db_name()):
            snapshot = SqliteFile(creation, Path(folder))
        else:
            return create_test_db(creation, verbosity, autoclobber, serialize, keepdb)
        if rebuild or not snapshot.exists():
            name = create_test_db(creation, verbosity, True, serialize, False)
            snapshot.save()
            return name
        name = snapshot.restore()
        if serialize:
            creation.connection._test_serialized_contents = creation.serialize_db_to_string()
        return name

    BaseDatabaseCreation.create_test_db = create_from_snapshot


def migrations_fingerprint():
    """A hash of every installed app's migration files and of Django's version."""
    digest = hashlib.sha256(django.get_version().encode())
    for path in migration_files():
        digest.update(f"{path.parent.parent.name}/{path.name}".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def migration_files():
    """The migration files of every installed app, in a stable order."""
    return [
        path
        for config in sorted(apps.get_app_configs(), key=lambda config: config.label)
        for path in sorted((Path(config.path) / "migrations").glob("*.py"))
    ]


def _use(connection, name):
    """Point the connection at the test database ``name``, as ``create_test_db`` does."""
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    connection.ensure_connection()


class SqliteFile:
    def __init__(self, creation, folder):
        self.creation = creation
        self.path = folder / f"{migrations_fingerprint()}.sqlite3"

    def exists(self):
        return self.path.exists()

    def restore(self):
        connection = self.creation.connection
        name = self.creation._create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        _use(connection, name)
        with closing(sqlite3.connect(self.path)) as source:
            source.backup(connection.connection)
        return name

    def save(self):
        """Write the file whole or not at all: another test process may be writing it too."""
        self.creation.connection.ensure_connection()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.part")
        with closing(sqlite3.connect(partial)) as target:
            self.creation.connection.connection.backup(target)
        os.replace(partial, self.path)


class PostgresTemplate:
    def __init__(self, creation):
        self.creation = creation
        self.test_name = creation._get_test_db_name()
        self.prefix = f"{self.test_name}_m"
        self.name = f"{self.prefix}{migrations_fingerprint()}"

    def exists(self):
        with self.creation._nodb_cursor() as cursor:
            return self.creation._database_exists(cursor, self.name)

    def restore(self):
        self.creation.connection.close()
        self._copy(self.name, self.test_name)
        _use(self.creation.connection, self.test_name)
        return self.test_name

    def save(self):
        """Copy the freshly migrated test database, and drop the copies of older migrations."""
        self.creation.connection.close()
        with self.creation._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [self.prefix]
            )
            for (old,) in cursor.fetchall():
                cursor.execute(f"DROP DATABASE {self.creation._quote_name(old)}")
        self._copy(self.test_name, self.name)
        self.creation.connection.ensure_connection()

    def _copy(self, source, target):
        quote = self.creation._quote_name
        with self.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(target)}")
            cursor.execute(f"CREATE DATABASE {quote(target)} TEMPLATE {quote(source)}")

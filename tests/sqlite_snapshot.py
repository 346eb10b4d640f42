"""The migrated in-memory SQLite test database, kept between runs as a file.

Migrating a fresh in-memory database takes some 12 seconds (Wagtail's migrations, the board's
data migrations, the permissions post_migrate creates), paid by every test process of every
run: most of a one-module run, and an eighth of ``make test-fast``. The first run copies the
migrated database into pytest's cache folder; later runs copy it back into memory instead of
migrating, in a fraction of a second.

The file is named by a hash of every migration file of every installed app and of Django's
version, so a new or changed migration, or an upgrade, builds a new one; ``--create-db``
rebuilds it too. PostgreSQL and file databases are left to Django.
"""

import hashlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db.backends.sqlite3.creation import DatabaseCreation

CACHE_FOLDER = "sqlite-migrated"


def install(folder, rebuild):
    """Make SQLite's in-memory test databases come from a snapshot in ``folder``."""
    create_test_db = DatabaseCreation.create_test_db

    def create_from_snapshot(
        creation, verbosity=1, autoclobber=False, serialize=True, keepdb=False
    ):
        if not creation.is_in_memory_db(creation._get_test_db_name()):
            return create_test_db(creation, verbosity, autoclobber, serialize, keepdb)
        snapshot = Path(folder) / f"{migrations_fingerprint()}.sqlite3"
        if snapshot.exists() and not rebuild:
            return _restore(creation, snapshot, serialize)
        name = create_test_db(creation, verbosity, autoclobber, serialize, keepdb)
        _save(creation.connection, snapshot)
        return name

    DatabaseCreation.create_test_db = create_from_snapshot


def migrations_fingerprint():
    """A hash of every installed app's migration files and of Django's version."""
    digest = hashlib.sha256(django.get_version().encode())
    for path in migration_files():
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def migration_files():
    """The migration files of every installed app, in a stable order."""
    return [
        path
        for config in sorted(apps.get_app_configs(), key=lambda config: config.label)
        for path in sorted((Path(config.path) / "migrations").glob("*.py"))
    ]


def _restore(creation, snapshot, serialize):
    """Open the in-memory test database as ``create_test_db`` does, then fill it from
    ``snapshot`` where it would migrate."""
    connection = creation.connection
    name = creation._create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    connection.ensure_connection()
    with closing(sqlite3.connect(snapshot)) as source:
        source.backup(connection.connection)
    if serialize:
        connection._test_serialized_contents = creation.serialize_db_to_string()
    return name


def _save(connection, snapshot):
    """Write the freshly migrated database next to its siblings, whole or not at all."""
    connection.ensure_connection()
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    partial = snapshot.with_suffix(f".{os.getpid()}.part")
    with closing(sqlite3.connect(partial)) as target:
        connection.connection.backup(target)
    os.replace(partial, snapshot)

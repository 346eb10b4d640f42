"""The migrated test database kept between runs (tests/db_snapshot.py) is never stale."""

import sys
from pathlib import Path

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from tests import db_snapshot


def test_the_fingerprint_covers_every_migration_django_loads():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    loaded = {
        Path(sys.modules[type(migration).__module__].__file__).resolve()
        for migration in loader.disk_migrations.values()
    }
    hashed = {path.resolve() for path in db_snapshot.migration_files()}
    assert loaded
    assert loaded <= hashed


def test_the_test_database_has_every_migration_applied(db):
    """Whether it was migrated or copied from a snapshot, every migration on disk is in it."""
    on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    applied = set(MigrationRecorder(connection).applied_migrations())
    assert on_disk - applied == set()

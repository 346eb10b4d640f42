"""Backups: the database (pg_dump custom format, or SQLite's online backup API) and the media
folder, with a manifest of checksums and the content fingerprint; restore into an empty
database and an empty media folder, then prove the content came back.

The database is dumped first, then the media folder is archived: a file uploaded in between is
kept as an extra file; Wagtail removes a file only when its image or document is deleted.
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

from operations.fingerprint import content_fingerprint

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
FORMAT = 1


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _database():
    config = connection.settings_dict
    return config, "sqlite" if connection.vendor == "sqlite" else connection.vendor


def _pg_command(program, config, *args):
    env = {**os.environ, "PGPASSWORD": str(config.get("PASSWORD") or "")}
    command = [program, "--host", str(config.get("HOST") or "localhost")]
    command += ["--port", str(config.get("PORT") or 5432)]
    command += ["--username", str(config.get("USER") or "postgres"), *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{program} failed: {result.stderr.strip()}")


def dump_database(target_dir, report):
    config, vendor = _database()
    if vendor == "postgresql":
        path = target_dir / "database.pgdump"
        _pg_command("pg_dump", config, "--format=custom", "--file", str(path), config["NAME"])
    elif vendor == "sqlite":
        path = target_dir / "database.sqlite3"
        source = sqlite3.connect(config["NAME"])
        copy = sqlite3.connect(path)
        with copy:
            source.backup(copy)
        source.close()
        copy.close()
    else:
        raise CommandError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    report(f"database ({vendor}): {path.name}, {path.stat().st_size} bytes")
    return {"engine": vendor, "file": path.name, "sha256": sha256_of(path)}


def archive_media(target_dir, report):
    media_root = Path(settings.MEDIA_ROOT)
    path = target_dir / MEDIA_ARCHIVE
    files = total = 0
    with tarfile.open(path, "w:gz") as archive:
        if media_root.is_dir():
            for file in sorted(p for p in media_root.rglob("*") if p.is_file()):
                archive.add(file, arcname=file.relative_to(media_root).as_posix())
                files += 1
                total += file.stat().st_size
                if files % 200 == 0:
                    report(f"  media: {files} files")
    report(f"media: {files} files, {total} bytes")
    return {"file": path.name, "sha256": sha256_of(path), "files": files, "bytes": total}


def make_backup(output_dir, report):
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target_dir = Path(output_dir) / f"portal-{stamp}"
    target_dir.mkdir(parents=True, exist_ok=False)
    report("content fingerprint ...")
    manifest = {"format": FORMAT, "created": datetime.now(UTC).isoformat()}
    manifest["content"] = content_fingerprint()
    manifest["database"] = dump_database(target_dir, report)
    manifest["media"] = archive_media(target_dir, report)
    (target_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return target_dir, manifest


def read_manifest(backup_dir):
    backup_dir = Path(backup_dir)
    try:
        manifest = json.loads((backup_dir / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise CommandError(f"No readable {MANIFEST} in {backup_dir}: {error}") from error
    if manifest.get("format") != FORMAT:
        raise CommandError(f"Unknown backup format {manifest.get('format')!r}.")
    for part in ("database", "media"):
        path = backup_dir / manifest[part]["file"]
        if not path.is_file() or sha256_of(path) != manifest[part]["sha256"]:
            raise CommandError(f"{path.name} is missing or does not match its checksum.")
    return manifest


def ensure_empty_targets(engine):
    config, vendor = _database()
    if vendor != engine:
        raise CommandError(f"The backup holds a {engine} database; DATABASE_URL is {vendor}.")
    if connection.introspection.table_names():
        raise CommandError(
            f"The database {config['NAME']} is not empty; restore needs an empty one."
        )
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists() and any(media_root.iterdir()):
        raise CommandError(f"The media folder {media_root} is not empty.")


def restore_database(backup_dir, database, report):
    config, vendor = _database()
    path = Path(backup_dir) / database["file"]
    if vendor == "postgresql":
        _pg_command(
            "pg_restore",
            config,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--dbname",
            config["NAME"],
            str(path),
        )
    else:
        connection.close()
        source = sqlite3.connect(path)
        target = sqlite3.connect(config["NAME"])
        with target:
            source.backup(target)
        source.close()
        target.close()
    report(f"database restored into {config['NAME']}")


def restore_media(backup_dir, media, report):
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(Path(backup_dir) / media["file"], "r:gz") as archive:
        archive.extractall(media_root, filter="data")
    report(f"media restored into {media_root}: {media['files']} files")


def restore_backup(backup_dir, report):
    manifest = read_manifest(backup_dir)
    report("checksums match the manifest")
    ensure_empty_targets(manifest["database"]["engine"])
    restore_database(backup_dir, manifest["database"], report)
    restore_media(backup_dir, manifest["media"], report)
    restored = content_fingerprint()
    differences = [
        name for name, expected in manifest["content"].items() if restored.get(name) != expected
    ]
    return manifest["content"], restored, differences

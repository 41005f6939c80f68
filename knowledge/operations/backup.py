"""Backups: the database and the media in one dated archive, and restoring them."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

from knowledge.models import CaseStudyPage

MANIFEST = "manifest.json"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media"


class BackupError(RuntimeError):
    pass


def _postgres_env():
    database = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    args = [
        "-h",
        database.get("HOST") or "127.0.0.1",
        "-p",
        str(database.get("PORT") or 5432),
        "-U",
        database["USER"],
        "-d",
        database["NAME"],
    ]
    return env, args


def _run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_database(folder):
    if connection.vendor == "postgresql":
        env, args = _postgres_env()
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / POSTGRES_DUMP), *args], env)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(folder / SQLITE_COPY) as target:
            connection.connection.backup(target)
    else:
        raise BackupError(f"no backup for {connection.vendor}")


def _restore_database(folder):
    if connection.vendor == "postgresql":
        connections.close_all()
        env, args = _postgres_env()
        _run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *args, str(folder / POSTGRES_DUMP)],
            env,
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(folder / SQLITE_COPY) as source:
            source.backup(connection.connection)


def create_backup(output_dir):
    """Write wijkwijs-<timestamp>.tar.gz with the database, the media and a manifest; returns its path."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    archive_path = output_dir / f"wijkwijs-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        _dump_database(folder)
        manifest = {
            "created": timezone.localtime().isoformat(timespec="seconds"),
            "database": connection.vendor,
            "cases": CaseStudyPage.objects.count(),
            "live_cases": CaseStudyPage.objects.live().count(),
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        with tarfile.open(archive_path, "w:gz") as archive:
            for name in (MANIFEST, POSTGRES_DUMP, SQLITE_COPY):
                if (folder / name).exists():
                    archive.add(folder / name, arcname=name)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.exists():
                archive.add(media_root, arcname=MEDIA)
    return archive_path, manifest


def restore_backup(archive_path):
    """Put the database and media of an archive back; the caller rebuilds the search index."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(folder, filter="data")
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest["database"] != connection.vendor:
            raise BackupError(f"this backup is of a {manifest['database']} database, not {connection.vendor}")
        _restore_database(folder)
        media_root = Path(settings.MEDIA_ROOT)
        if (folder / MEDIA).exists():
            shutil.rmtree(media_root, ignore_errors=True)
            shutil.copytree(folder / MEDIA, media_root)
    return manifest

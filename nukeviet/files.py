"""Uploaded files of the old site as Wagtail images and documents, each imported once.

A file is known by its path under the old site's root (``uploads/news/2018_05/a.jpg``); the
thumbnail NukeViet made (``assets/news/2018_05/a.jpg``) is recorded as the same image, so
both old addresses lead to it. Documents are checked by content like uploads in the admin.
"""

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from directives.documents import content_matches_extension, max_attachment_size
from nukeviet.models import LegacyRecord

IMAGE_EXTENSIONS = {"gif", "jpg", "jpeg", "png", "webp"}


class Files:
    def __init__(self, importer, uploads):
        self.importer = importer
        self.uploads = Path(uploads) if uploads else None
        self.known = {
            record.legacy_id: record
            for record in LegacyRecord.objects.filter(kind=LegacyRecord.Kind.FILE)
        }
        self._alts = None

    def site_path(self, address, base="uploads/news"):
        """The path under the old site's root of an address in the content, or None.

        ``/uploads/news/a.jpg``, ``http://old-site/uploads/news/a.jpg`` and, for columns that
        store paths relative to the module's folder, ``2018_05/a.jpg`` (with ``base``).
        """
        parts = urlsplit(address.strip())
        path = unquote(parts.path)
        if parts.scheme or parts.netloc:
            if parts.scheme not in {"http", "https", ""}:
                return None
            hosts = self.importer.site_hosts
            if parts.hostname and hosts and parts.hostname not in hosts:
                return None
        if path.startswith("/"):
            path = path.lstrip("/")
        elif not parts.netloc and base and not path.startswith(("uploads/", "assets/")):
            path = f"{base}/{path}"
        path = posixpath.normpath(path)
        if not path.startswith(("uploads/", "assets/")) or ".." in path.split("/"):
            return None
        return path

    def local_file(self, site_path):
        if self.uploads is None:
            return None
        candidate = self.uploads.parent / site_path
        return candidate if candidate.is_file() else None

    def alt_text(self, site_path):
        """The alt text typed at upload in NukeViet's file manager, if any."""
        if self._alts is None:
            self._alts = self.importer.source_upload_alts()
        return self._alts.get(site_path, "")

    def image(self, site_path, alt="", title=""):
        """The id of the image for ``site_path``, importing it the first time; None if absent."""
        record = self.known.get(site_path)
        if record is not None and record.image_id:
            return record.image_id
        if self.importer.dry_run:
            return 0 if self.local_file(site_path) else None
        local = self.local_file(site_path)
        extension = site_path.rsplit(".", 1)[-1].lower()
        if local is None or extension not in IMAGE_EXTENSIONS:
            return None
        image_model = get_image_model()
        with local.open("rb") as handle:
            image = image_model(
                title=(alt or self.alt_text(site_path) or title or local.name)[:255],
                file=File(handle, name=local.name),
            )
            try:
                image._set_image_file_metadata()
                image.save()
            except Exception:  # noqa: BLE001 - Willow raises many kinds for a broken file
                return None
        self._remember(site_path, image=image)
        thumbnail = site_path.replace("uploads/", "assets/", 1)
        if site_path.startswith("uploads/") and thumbnail not in self.known:
            self._remember(thumbnail, image=image)
        self.importer.report.count("file", "created")
        return image.pk

    def document(self, site_path, title="", collection=None):
        """The id of the document for ``site_path`` (checked by content); None if refused."""
        record = self.known.get(site_path)
        if record is not None and record.document_id:
            return record.document_id, ""
        local = self.local_file(site_path)
        if local is None:
            return None, f"file missing: {site_path}"
        extension = site_path.rsplit(".", 1)[-1].lower()
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            return None, f"file type not accepted: {site_path}"
        if local.stat().st_size > max_attachment_size():
            return None, f"file too large: {site_path}"
        if self.importer.dry_run:
            return 0, ""
        with local.open("rb") as handle:
            if not content_matches_extension(handle, extension):
                return None, f"content does not match .{extension}: {site_path}"
            document = get_document_model()(
                title=(title or local.name)[:255], file=File(handle, name=local.name)
            )
            if collection is not None:
                document.collection = collection
            document._set_document_file_metadata()
            document.save()
        self._remember(site_path, document=document)
        self.importer.report.count("file", "created")
        return document.pk, ""

    def _remember(self, site_path, image=None, document=None):
        record, _created = LegacyRecord.objects.update_or_create(
            module="",
            kind=LegacyRecord.Kind.FILE,
            legacy_id=site_path,
            defaults={"image": image, "document": document},
        )
        self.known[site_path] = record

    def reload(self):
        """Forget what a rolled-back batch remembered: read the committed records again."""
        self.known = {
            record.legacy_id: record
            for record in LegacyRecord.objects.filter(kind=LegacyRecord.Kind.FILE)
        }

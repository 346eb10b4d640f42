"""A fingerprint of the content a backup must bring back: page tree, revisions, documents and
images (their bytes), users and groups. Backups store it; a restore recomputes and compares it."""

import hashlib
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, Revision


def file_sha256(field_file):
    digest = hashlib.sha256()
    with field_file.storage.open(field_file.name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _label(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def _pages():
    for page in Page.objects.select_related("content_type").order_by("path"):
        yield [
            page.path,
            page.slug,
            page.title,
            page.live,
            _label(page.content_type),
            page.latest_revision_id,
            page.url_path,
        ]


def _revisions():
    for revision in Revision.objects.select_related("content_type").order_by("pk"):
        content = hashlib.sha256(json.dumps(revision.content, sort_keys=True).encode()).hexdigest()
        yield [
            revision.pk,
            revision.object_id,
            _label(revision.content_type),
            revision.created_at.isoformat(),
            content,
        ]


def _documents():
    for document in get_document_model().objects.order_by("pk"):
        yield [document.pk, document.title, document.file.name, file_sha256(document.file)]


def _images():
    for image in get_image_model().objects.order_by("pk"):
        yield [
            image.pk,
            image.title,
            image.file.name,
            image.width,
            image.height,
            file_sha256(image.file),
        ]


def _users():
    users = get_user_model().objects.prefetch_related("groups").order_by("username")
    for user in users:
        yield [
            user.get_username(),
            user.email,
            user.password,
            user.is_active,
            user.is_superuser,
            sorted(group.name for group in user.groups.all()),
        ]


def _groups():
    for group in Group.objects.prefetch_related("permissions").order_by("name"):
        page_rights = GroupPagePermission.objects.filter(group=group).values_list(
            "page__path", "permission__codename"
        )
        collection_rights = GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection__path", "permission__codename"
        )
        yield [
            group.name,
            sorted(p.codename for p in group.permissions.all()),
            sorted(page_rights),
            sorted(collection_rights),
        ]


SECTIONS = {
    "pages": _pages,
    "revisions": _revisions,
    "documents": _documents,
    "images": _images,
    "users": _users,
    "groups": _groups,
}


def content_fingerprint():
    """{section: {"count": rows, "sha256": digest of the rows}} for every section above."""
    result = {}
    for name, rows in SECTIONS.items():
        items = list(rows())
        encoded = json.dumps(items, ensure_ascii=False, sort_keys=True, default=str).encode()
        result[name] = {"count": len(items), "sha256": hashlib.sha256(encoded).hexdigest()}
    return result

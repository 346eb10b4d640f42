"""A NukeViet laws module as a register of directives.

Reference data (types, issuing bodies, fields) is merged with what the portal has by folded
name, so "Tỉnh uỷ Hà Tĩnh" and "Tỉnh ủy Hà Tĩnh" are one issuer. NukeViet stores its dates
as local midnight (17:00 UTC the day before); they become the Vietnamese calendar day.
Documents only members could download keep their files in a collection readers must sign
in to open. Relations (replaces, related) are added once every document exists.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.models import Collection, CollectionViewRestriction

from core.bulk import BulkPageWriter, ascii_slug, update_page
from core.text import fold_for_search
from directives.models import (
    DirectiveAttachment,
    DirectiveIndexPage,
    DirectivePage,
    DirectiveRelation,
    DocumentType,
    Field,
    IssuingBody,
)
from nukeviet.html import BodyConverter, plain_text
from nukeviet.models import LegacyRecord
from nukeviet.news import moment

Kind = LegacyRecord.Kind
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
PUBLIC_GROUPS = {"", "6"}  # NukeViet group 6 is "everyone"
MEMBERS_COLLECTION = "Văn bản chỉ dành cho thành viên"
ROW_COLUMNS = {
    "id": 0,
    "replacement": "",
    "relatement": "",
    "title": "",
    "alias": "",
    "code": "",
    "area_ids": "",
    "cid": 0,
    "sid": 0,
    "sgid": 0,
    "note": "",
    "introtext": "",
    "bodytext": "",
    "groups_download": "",
    "files": "",
    "status": 1,
    "addtime": 0,
    "edittime": 0,
    "publtime": 0,
    "startvalid": 0,
    "exptime": 0,
}


def local_day(timestamp):
    return datetime.fromtimestamp(int(timestamp), tz=VIETNAM).date() if timestamp else None


class LawsModule:
    def __init__(self, importer, module):
        self.importer = importer
        self.source = importer.source
        self.report = importer.report
        self.module = module["title"]
        self.data = module["module_data"]
        self.title = plain_text(module["custom_title"]) or self.module

    def table(self, name):
        return self.source.table(f"{self.data}_{name}")

    def run(self):
        from nukeviet.static_pages import module_page

        if self.importer.dry_run:
            self.register = None
        else:
            self.register = module_page(
                self.importer,
                {"title": self.module, "custom_title": self.title},
                DirectiveIndexPage,
                self.importer.into,
                kind=Kind.DOCUMENT,
            )
        self.types = self.reference(DocumentType, Kind.DOCUMENT_TYPE, "cat", "document type")
        self.issuers = self.reference(IssuingBody, Kind.ISSUER, "subject", "issuer")
        self.fields = self.reference(Field, Kind.FIELD, "area", "field")
        self.signers = self.import_signers()
        self.import_documents()

    def reference(self, model, kind, table, report_kind):
        """NukeViet id -> portal object, merging with existing rows of the same folded name."""
        existing = {fold_for_search(obj.name): obj for obj in model.objects.all()}
        known = {
            record.legacy_id: record.object_id
            for record in LegacyRecord.objects.filter(module=self.module, kind=kind)
        }
        mapping = {}
        for row in self.source.select(self.table(table), {"id": 0, "title": "", "alias": ""}):
            name = plain_text(row["title"])[:255]
            obj = existing.get(fold_for_search(name))
            if str(row["id"]) in known and model.objects.filter(pk=known[str(row["id"])]).exists():
                mapping[row["id"]] = model.objects.get(pk=known[str(row["id"])])
                self.report.count(report_kind, "unchanged")
                continue
            self.report.count(report_kind, "created" if obj is None else "updated")
            if self.importer.dry_run:
                continue
            if obj is None:
                obj = existing[fold_for_search(name)] = model.objects.create(name=name)
            LegacyRecord.objects.update_or_create(
                module=self.module,
                kind=kind,
                legacy_id=str(row["id"]),
                defaults={"alias": row["alias"], "object_id": obj.pk},
            )
            mapping[row["id"]] = obj
        return mapping

    def import_signers(self):
        signers = {}
        for row in self.source.select(
            self.table("signer"), {"id": 0, "title": "", "offices": "", "positions": ""}
        ):
            name, position = plain_text(row["title"]), plain_text(row["positions"])
            signers[row["id"]] = (name, position)
            if not self.importer.dry_run:
                LegacyRecord.objects.update_or_create(
                    module=self.module,
                    kind=Kind.SIGNER,
                    legacy_id=str(row["id"]),
                    defaults={
                        "alias": ascii_slug(name),
                        "data": {"name": name, "position": position},
                    },
                )
        return signers

    def members_collection(self):
        collection = Collection.objects.filter(name=MEMBERS_COLLECTION).first()
        if collection is None:
            collection = Collection.get_first_root_node().add_child(name=MEMBERS_COLLECTION)
            CollectionViewRestriction.objects.create(
                collection=collection, restriction_type=CollectionViewRestriction.LOGIN
            )
        return collection

    def import_documents(self):
        rows = self.source.select(self.table("row"), ROW_COLUMNS, order="id")
        known = {
            record.legacy_id: record
            for record in LegacyRecord.objects.filter(module=self.module, kind=Kind.DOCUMENT)
        }
        self.converter = BodyConverter(self._image)
        pages = {}
        with self.importer.progress(len(rows), f"{self.module}: văn bản") as bar:
            for row in rows:
                bar.update(1)
                record = known.get(str(row["id"]))
                changed = row["edittime"] or row["addtime"]
                if record is not None and record.page_id and record.source_changed == changed:
                    self.report.count("document", "unchanged")
                    pages[row["id"]] = record.page_id
                    continue
                if self.importer.dry_run:
                    self.report.count("document", "updated" if record else "created")
                    continue
                try:
                    with transaction.atomic():
                        pages[row["id"]] = self._write(row, record, changed)
                except Exception as error:  # noqa: BLE001 - one bad row never stops the run
                    self.report.fail("document", row["id"], plain_text(row["title"]), error)
        if not self.importer.dry_run:
            self.relate(rows, pages)

    def _write(self, row, record, changed):
        values, attachments, warnings = self._values(row)
        for warning in warnings:
            self.report.warn("document", row["id"], values["title"], warning)
        if record is not None and record.page_id:
            page = DirectivePage.objects.get(pk=record.page_id)
            for name, value in values.items():
                if name != "slug":
                    setattr(page, name, value)
            page.attachments = attachments
            update_page(page, moment(changed))
            self.report.count("document", "updated")
        else:
            writer = BulkPageWriter()
            page = DirectivePage(**values)
            page.attachments = attachments
            writer.add(self.register, page)
            writer.flush()
            self.importer.index_later([page.pk])
            self.report.count("document", "created")
        LegacyRecord.objects.update_or_create(
            module=self.module,
            kind=Kind.DOCUMENT,
            legacy_id=str(row["id"]),
            defaults={"alias": row["alias"], "page": page, "source_changed": changed},
        )
        return page.pk

    def _values(self, row):
        warnings = []
        title = plain_text(row["title"])[:255]
        if not title or not plain_text(row["code"]):
            raise ValueError("no title or number")
        issued = local_day(row["publtime"])
        if issued is None:
            raise ValueError("issue date is 0")
        if row["cid"] not in self.types or row["sid"] not in self.issuers:
            raise ValueError("document type or issuing body missing")
        effective = local_day(row["startvalid"]) or issued
        expires = local_day(row["exptime"])
        if expires and expires <= max(issued, effective):
            warnings.append(f"expiry {expires} not after the issue/effective date: dropped")
            expires = None
        areas = [int(a) for a in str(row["area_ids"]).split(",") if a.strip().isdigit()]
        fields = [self.fields[a] for a in areas if a in self.fields]
        if len(fields) > 1:
            warnings.append("other fields not kept: " + ", ".join(f.name for f in fields[1:]))
        signer, position = self.signers.get(row["sgid"], ("", ""))
        conversion = self.converter.convert(row["bodytext"])
        warnings += conversion.warnings
        added = moment(row["addtime"]) or timezone.now()
        live = row["status"] == 1
        values = {
            "title": title,
            "slug": ascii_slug(title),
            "number": plain_text(row["code"])[:100],
            "document_type": self.types[row["cid"]],
            "issuing_body": self.issuers[row["sid"]],
            "field": fields[0] if fields else None,
            "signer_name": signer[:255],
            "signer_position": position[:255],
            "issued_on": issued,
            "effective_on": effective,
            "expires_on": expires,
            "summary": plain_text(row["introtext"]) or title,
            "body": StreamValue(
                DirectivePage.body.field.stream_block, conversion.blocks, is_lazy=True
            ),
            "live": live,
            "first_published_at": added if live else None,
            "last_published_at": (moment(row["edittime"]) or added) if live else None,
            "latest_revision_created_at": moment(row["edittime"]) or added,
        }
        if not live:
            warnings.append("switched off in NukeViet (status 0): imported as a draft")
        return values, self._attachments(row, title, warnings), warnings

    def _attachments(self, row, title, warnings):
        collection = None
        if str(row["groups_download"]).strip() not in PUBLIC_GROUPS:
            collection = self.members_collection()
            warnings.append("download limited to members in NukeViet: files need a login")
        attachments = []
        for name in str(row["files"] or "").split(","):
            if not name.strip():
                continue
            path = self.importer.files.site_path(name.strip(), base=f"uploads/{self.data}")
            document_id, problem = (
                self.importer.files.document(path, title, collection) if path else (None, name)
            )
            if document_id is None:
                warnings.append(f"attachment not imported: {problem}")
            else:
                attachments.append(DirectiveAttachment(document_id=document_id))
        return attachments

    def _image(self, src, alt):
        files = self.importer.files
        path = files.site_path(src, base="")
        return files.image(path, alt) if path else None

    def relate(self, rows, pages):
        """Replaces (``replacement`` and ``_set_replace``) and related (``relatement``)."""
        wanted = set()
        for row in rows:
            for kind, column in (
                (DirectiveRelation.Kind.REPLACES, "replacement"),
                (DirectiveRelation.Kind.RELATED, "relatement"),
            ):
                for other in str(row[column] or "").split(","):
                    if other.strip().isdigit():
                        wanted.add((row["id"], kind, int(other)))
        for pair in self.source.select(self.table("set_replace"), {"oid": 0, "nid": 0}):
            wanted.add((pair["oid"], DirectiveRelation.Kind.REPLACES, pair["nid"]))
        by_source = {}
        for source_id, kind, target_id in sorted(wanted):
            if source_id in pages and target_id in pages and source_id != target_id:
                by_source.setdefault(pages[source_id], []).append((kind, pages[target_id]))
        for page_id, relations in by_source.items():
            page = DirectivePage.objects.get(pk=page_id)
            have = {(rel.kind, rel.target_id) for rel in page.outgoing_relations.all()}
            if have >= set(relations):
                continue
            with transaction.atomic():
                page.outgoing_relations = [
                    DirectiveRelation(kind=kind, target_id=target) for kind, target in relations
                ]
                update_page(page, page.latest_revision_created_at)

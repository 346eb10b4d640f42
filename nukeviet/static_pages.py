"""NukeViet page modules ("about", "siteterms", virtual copies of "page") as information pages.

Each module becomes one information page titled as the module was (its custom title, e.g.
"Giới thiệu") with the module's pages under it, in NukeViet's order.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.blocks import StreamValue

from core.bulk import BulkPageWriter, ascii_slug, update_page
from nukeviet.html import BodyConverter, plain_text
from nukeviet.models import LegacyRecord
from nukeviet.news import moment

Kind = LegacyRecord.Kind
COLUMNS = {
    "id": 0,
    "title": "",
    "alias": "",
    "description": "",
    "bodytext": "",
    "weight": 0,
    "status": 1,
    "add_time": 0,
    "edit_time": 0,
}


def module_page(importer, module, model, parent, kind=Kind.PAGE):
    """The page standing for a whole module (record ``legacy_id`` "0"), created once."""
    record = LegacyRecord.objects.filter(module=module["title"], kind=kind, legacy_id="0").first()
    if record is not None and record.page_id:
        return record.page.specific
    title = plain_text(module["custom_title"]) or module["title"]
    now = timezone.now()
    page = model(
        title=title,
        slug=ascii_slug(title),
        live=True,
        first_published_at=now,
        last_published_at=now,
        latest_revision_created_at=now,
    )
    with transaction.atomic():
        writer = BulkPageWriter()
        writer.add(parent, page)
        writer.flush()
        LegacyRecord.objects.update_or_create(
            module=module["title"], kind=kind, legacy_id="0", defaults={"page": page}
        )
    importer.index_later([page.pk])
    return page


class StaticPages:
    def __init__(self, importer):
        self.importer = importer
        self.source = importer.source
        self.report = importer.report

    def run(self):
        for module in self.source.modules("page"):
            rows = self.source.select(
                self.source.table(module["module_data"]), COLUMNS, order="weight, id"
            )
            if rows:
                self.import_module(module, rows)

    def import_module(self, module, rows):
        from pages.models import InformationPage

        if self.importer.dry_run:
            self.report.count("page", "created", len(rows))
            return
        parent = module_page(self.importer, module, InformationPage, self.importer.into)
        known = {
            record.legacy_id: record
            for record in LegacyRecord.objects.filter(module=module["title"], kind=Kind.PAGE)
        }
        converter = BodyConverter(self._image)
        for row in rows:
            record = known.get(str(row["id"]))
            changed = row["edit_time"] or row["add_time"]
            if record is not None and record.page_id and record.source_changed == changed:
                self.report.count("page", "unchanged")
                continue
            title = plain_text(row["title"])[:255]
            conversion = converter.convert(row["bodytext"])
            for warning in conversion.warnings:
                self.report.warn("page", row["id"], title, warning)
            when = moment(changed) or timezone.now()
            values = {
                "title": title,
                "lead": plain_text(row["description"])[:1000],
                "body": StreamValue(
                    InformationPage.body.field.stream_block, conversion.blocks, is_lazy=True
                ),
                "live": row["status"] == 1,
                "first_published_at": (moment(row["add_time"]) or when)
                if row["status"] == 1
                else None,
                "last_published_at": when if row["status"] == 1 else None,
                "latest_revision_created_at": when,
            }
            with transaction.atomic():
                if record is not None and record.page_id:
                    page = InformationPage.objects.get(pk=record.page_id)
                    for name, value in values.items():
                        setattr(page, name, value)
                    update_page(page, when)
                    self.report.count("page", "updated")
                else:
                    page = InformationPage(slug=ascii_slug(row["alias"] or title), **values)
                    writer = BulkPageWriter()
                    writer.add(parent, page)
                    writer.flush()
                    self.importer.index_later([page.pk])
                    self.report.count("page", "created")
                LegacyRecord.objects.update_or_create(
                    module=module["title"],
                    kind=Kind.PAGE,
                    legacy_id=str(row["id"]),
                    defaults={"alias": row["alias"], "page": page, "source_changed": changed},
                )

    def _image(self, src, alt):
        files = self.importer.files
        path = files.site_path(src, base="")
        return files.image(path, alt) if path else None

"""A NukeViet news module: categories, tags, topics and articles, in batches.

Articles are read by id in batches (keyset pages, so memory stays flat whatever the size of
the old site) and each batch is written in one transaction with its mapping rows: a run
stopped halfway resumes after the last batch it committed, and a second run finds every
article unchanged (same ``edittime``) and writes nothing.
"""

import html
from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone
from wagtail.blocks import StreamValue

from articles.models import NewsIndexPage, NewsPage, NewsPageCategory, NewsTag
from core.bulk import BulkPageWriter, ascii_slug, update_page
from core.text import normalize_text
from nukeviet.html import BodyConverter, plain_text
from nukeviet.models import LegacyRecord

Kind = LegacyRecord.Kind
LEAD_LENGTH = 600
ROW_COLUMNS = {
    "id": 0,
    "catid": 0,
    "listcatid": "",
    "topicid": 0,
    "admin_id": 0,
    "author": "",
    "sourceid": 0,
    "addtime": 0,
    "edittime": 0,
    "status": 1,
    "publtime": 0,
    "exptime": 0,
    "archive": 0,
    "title": "",
    "alias": "",
    "hometext": "",
    "homeimgfile": "",
    "homeimgalt": "",
    "homeimgthumb": 0,
    "external_link": 0,
}
DETAIL_COLUMNS = {"id": 0, "bodyhtml": "", "sourcetext": "", "files": ""}
PUBLISHED, SCHEDULED, EXPIRED = 1, 2, 3


def moment(timestamp):
    """A NukeViet Unix timestamp (UTC) as an aware datetime; None for 0."""
    return datetime.fromtimestamp(int(timestamp), tz=UTC) if timestamp else None


def source_name(text):
    """ "Theo Báo Hà Tĩnh" -> "Báo Hà Tĩnh": the page already prints "Theo" before it."""
    text = " ".join(plain_text(text).split())
    return text[5:].strip() if text.lower().startswith("theo ") else text


class NewsModule:
    def __init__(self, importer, module, section):
        self.importer = importer
        self.source = importer.source
        self.report = importer.report
        self.module = module["title"]
        self.data = module["module_data"]
        self.section = section
        self.files = importer.files

    def table(self, name):
        return self.source.table(f"{self.data}_{name}")

    def run(self):
        self.record_module_home()
        self.categories = self.import_categories()
        self.tags = self.import_tags()
        self.topics = self.import_topics()
        self.sources = {
            row["sourceid"]: row
            for row in self.source.select(
                self.table("sources"), {"sourceid": 0, "title": "", "link": ""}
            )
        }
        self.featured_block = self._featured_block()
        self.import_articles()

    # -- mapping rows -----------------------------------------------------------------

    def records(self, kind):
        return {
            record.legacy_id: record
            for record in LegacyRecord.objects.filter(module=self.module, kind=kind)
        }

    def record_module_home(self):
        if not self.importer.dry_run:
            LegacyRecord.objects.update_or_create(
                module=self.module,
                kind=Kind.CATEGORY,
                legacy_id="0",
                defaults={"page": self.section, "alias": ""},
            )

    # -- categories -------------------------------------------------------------------

    def import_categories(self):
        rows = self.source.select(
            self.table("cat"),
            {
                "catid": 0,
                "parentid": 0,
                "title": "",
                "alias": "",
                "description": "",
                "weight": 0,
                "sort": 0,
                "lev": 0,
                "edit_time": 0,
                "status": 1,
            },
            order="lev, sort, weight, catid",
        )
        known = self.records(Kind.CATEGORY)
        pages = {}
        writer = BulkPageWriter()
        new_records = []
        for row in rows:
            legacy_id = str(row["catid"])
            title = plain_text(row["title"])[:255]
            record = known.get(legacy_id)
            if record is not None and record.page_id:
                pages[row["catid"]] = record.page.specific
                self._update_category(record, row, title)
                continue
            if self.importer.dry_run:
                self.report.count("category", "created")
                continue
            parent = self.section if not row["parentid"] else pages.get(row["parentid"])
            if parent is None:
                self.report.fail("category", legacy_id, title, "parent category not imported")
                continue
            page = NewsIndexPage(
                title=title,
                slug=ascii_slug(row["alias"] or title),
                intro=plain_text(row["description"])[:1000],
                live=True,
                first_published_at=moment(row["edit_time"]) or timezone.now(),
                last_published_at=moment(row["edit_time"]) or timezone.now(),
                latest_revision_created_at=moment(row["edit_time"]) or timezone.now(),
            )
            pages[row["catid"]] = writer.add(parent, page)
            new_records.append(
                LegacyRecord(
                    module=self.module,
                    kind=Kind.CATEGORY,
                    legacy_id=legacy_id,
                    alias=row["alias"],
                    source_changed=row["edit_time"],
                )
            )
        with transaction.atomic():
            writer.flush()
            for record in new_records:
                record.page = pages[int(record.legacy_id)]
            LegacyRecord.objects.bulk_create(new_records)
        self.importer.index_later(page.pk for page in pages.values())
        self.report.count("category", "created", len(new_records))
        return pages

    def _update_category(self, record, row, title):
        if record.source_changed == row["edit_time"]:
            self.report.count("category", "unchanged")
            return
        self.report.count("category", "updated")
        if self.importer.dry_run:
            return
        page = record.page.specific
        page.title = title
        page.intro = plain_text(row["description"])[:1000]
        update_page(page, moment(row["edit_time"]) or timezone.now())
        record.alias, record.source_changed = row["alias"], row["edit_time"]
        record.save()

    # -- tags and topics --------------------------------------------------------------

    def _tag_named(self, name):
        name = normalize_text(" ".join(name.split()))[:100]
        tag = NewsTag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag = NewsTag.objects.create(name=name)
        return tag

    def _import_tag_rows(self, kind, report_kind, rows, key, name_of):
        known = self.records(kind)
        tags = {}
        for row in rows:
            legacy_id = str(row[key])
            record = known.get(legacy_id)
            name = name_of(row)
            if record is not None and record.tag_id:
                tags[row[key]] = record.tag
                self.report.count(report_kind, "unchanged")
                continue
            if not name:
                self.report.fail(report_kind, legacy_id, row.get("alias", ""), "no name")
                continue
            self.report.count(report_kind, "created")
            if self.importer.dry_run:
                continue
            tag = self._tag_named(name)
            LegacyRecord.objects.update_or_create(
                module=self.module,
                kind=kind,
                legacy_id=legacy_id,
                defaults={"alias": normalize_text(row["alias"]), "tag": tag},
            )
            tags[row[key]] = tag
        return tags

    def import_tags(self):
        rows = self.source.select(
            self.table("tags"), {"tid": 0, "alias": "", "keywords": "", "title": ""}
        )
        return self._import_tag_rows(
            Kind.TAG,
            "tag",
            rows,
            "tid",
            lambda row: plain_text(
                row["keywords"] or row["title"] or row["alias"].replace("-", " ")
            ),
        )

    def import_topics(self):
        rows = self.source.select(self.table("topics"), {"topicid": 0, "alias": "", "title": ""})
        return self._import_tag_rows(
            Kind.TOPIC, "topic", rows, "topicid", lambda row: plain_text(row["title"])
        )

    def _featured_block(self):
        """The first block group (NukeViet installs "Tin tiêu điểm" first): featured news."""
        groups = self.source.select(
            self.table("block_cat"), {"bid": 0, "weight": 0}, order="weight, bid"
        )
        return groups[0]["bid"] if groups else None

    # -- articles ---------------------------------------------------------------------

    def import_articles(self):
        rows_table = self.table("rows")
        if not self.source.has(rows_table):
            return
        total = self.source.query(f"SELECT COUNT(*) AS n FROM `{rows_table}`")[0]["n"]
        known = self.records(Kind.ARTICLE)
        self.converter = BodyConverter(self._resolve_image)
        last_id = 0
        with self.importer.progress(total, f"{self.module}: bài viết") as bar:
            while True:
                rows = self.source.select(
                    rows_table,
                    ROW_COLUMNS,
                    where="id > %s",
                    params=[last_id],
                    order=f"id LIMIT {int(self.importer.batch_size)}",
                )
                if not rows:
                    break
                last_id = rows[-1]["id"]
                self._batch(rows, known)
                bar.update(len(rows))

    def _related(self, table, columns, ids):
        if not self.source.has(self.table(table)):
            return []
        marks = ", ".join(["%s"] * len(ids))
        return self.source.select(self.table(table), columns, where=f"id IN ({marks})", params=ids)

    def _batch(self, rows, known):
        ids = [row["id"] for row in rows]
        details = {row["id"]: row for row in self._related("detail", DETAIL_COLUMNS, ids)}
        tag_rows = self._related("tags_id", {"id": 0, "tid": 0, "keyword": ""}, ids)
        author_rows = self._related("authorlist", {"id": 0, "aid": 0, "pseudonym": ""}, ids)
        block_rows = self._related("block", {"id": 0, "bid": 0}, ids)
        extras = {"tags": {}, "authors": {}, "featured": set()}
        for row in tag_rows:
            extras["tags"].setdefault(row["id"], []).append(row["tid"])
        for row in author_rows:
            extras["authors"].setdefault(row["id"], []).append(row["pseudonym"])
        extras["featured"] = {row["id"] for row in block_rows if row["bid"] == self.featured_block}
        todo = []
        for row in rows:
            record = known.get(str(row["id"]))
            if record is not None and record.page_id and record.source_changed == row["edittime"]:
                self.report.count("article", "unchanged")
            elif self.importer.dry_run:
                self.report.count("article", "updated" if record and record.page_id else "created")
            else:
                todo.append((row, record))
        if not todo:
            return
        try:
            self._write(todo, details, extras, known)
        except Exception:  # noqa: BLE001 - isolate the bad row: retry the batch one by one
            self.files.reload()
            for item in todo:
                try:
                    self._write([item], details, extras, known)
                except Exception as error:  # noqa: BLE001 - one bad row never stops the run
                    self.files.reload()
                    self.report.fail("article", item[0]["id"], plain_text(item[0]["title"]), error)

    @transaction.atomic
    def _write(self, todo, details, extras, known):
        writer = BulkPageWriter()
        created, updated = [], []
        for row, record in todo:
            try:
                values, tags, categories, warnings = self._values(
                    row, details.get(row["id"]), extras
                )
            except ValueError as error:
                self.report.fail("article", row["id"], plain_text(row["title"]), str(error))
                continue
            for warning in warnings:
                self.report.warn("article", row["id"], values["title"], warning)
            if record is not None and record.page_id:
                updated.append((self._update(record, row, values, tags, categories), record, row))
            else:
                page = NewsPage(**values)
                page.tags.add(*tags)
                page.extra_categories = [NewsPageCategory(category=cat) for cat in categories]
                writer.add(self.categories[row["catid"]], page)
                created.append((page, record, row))
        writer.flush()
        new_records, changed_records = [], []
        for page, record, row in [*created, *updated]:
            if record is None:
                record = LegacyRecord(
                    module=self.module, kind=Kind.ARTICLE, legacy_id=str(row["id"])
                )
                new_records.append(record)
            else:
                changed_records.append(record)
            record.page, record.alias, record.source_changed = page, row["alias"], row["edittime"]
            known[record.legacy_id] = record
        LegacyRecord.objects.bulk_create(new_records)
        for record in changed_records:
            record.save()
        self.importer.index_later(page.pk for page, _record, _row in created)
        self.report.count("article", "created", len(created))
        self.report.count("article", "updated", len(updated))

    def _update(self, record, row, values, tags, categories):
        page = NewsPage.objects.get(pk=record.page_id)
        for name, value in values.items():
            if name != "slug":  # the address stays what readers and the old links know
                setattr(page, name, value)
        page.tags.set(tags)
        page.extra_categories = [NewsPageCategory(category=cat) for cat in categories]
        parent = self.categories[row["catid"]]
        if not page.path.startswith(parent.path) or page.depth != parent.depth + 1:
            page.move(parent, pos="last-child")
            page.refresh_from_db(fields=["path", "depth", "url_path"])
        update_page(page, values["latest_revision_created_at"])
        return page

    def _values(self, row, detail, extras):
        """The NewsPage fields of one NukeViet article; ValueError for a row that cannot be kept."""
        warnings = []
        title = plain_text(row["title"])
        if not title:
            raise ValueError("no title")
        if len(title) > 255:
            warnings.append("title longer than 255 characters was cut")
            title = title[:255]
        if row["catid"] not in self.categories:
            raise ValueError(f"category {row['catid']} was not imported")
        published = moment(row["publtime"]) or moment(row["addtime"])
        if published is None:
            raise ValueError("publication time is 0")
        edited = moment(row["edittime"]) or moment(row["addtime"]) or published
        detail = detail or {}
        if not detail:
            warnings.append("no body (detail row missing)")
        conversion = self.converter.convert(detail.get("bodyhtml", ""))
        warnings += conversion.warnings
        blocks = conversion.blocks
        lead = plain_text(row["hometext"])
        if len(lead) > LEAD_LENGTH:
            warnings.append("sapo longer than 600 characters: cut in the lead, kept in the body")
            blocks.insert(0, {"type": "paragraph", "value": f"<p>{html.escape(lead)}</p>"})
            lead = lead[: LEAD_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        blocks += self._attachments(row, detail, warnings)
        values = {
            "title": title,
            "slug": ascii_slug(title),
            "lead": lead,
            "body": StreamValue(NewsPage.body.field.stream_block, blocks, is_lazy=True),
            "published_at": published,
            "author": self._author(row, extras),
            "featured": row["id"] in extras["featured"],
            "latest_revision_created_at": edited,
            **self._source(row, detail),
            **self._featured_image(row, title, warnings),
            **self._status(row, published, edited, warnings),
        }
        tags = [self.tags[tid] for tid in extras["tags"].get(row["id"], []) if tid in self.tags]
        if row["topicid"] in self.topics:
            tags.append(self.topics[row["topicid"]])
        categories = []
        for catid in str(row["listcatid"] or "").split(","):
            catid = int(catid) if catid.strip().isdigit() else None
            if catid and catid != row["catid"]:
                if catid in self.categories:
                    categories.append(self.categories[catid])
                else:
                    warnings.append(f"extra category {catid} not imported")
        return values, list(dict.fromkeys(tags)), categories, warnings

    def _status(self, row, published, edited, warnings):
        now = timezone.now()
        status, expires = row["status"], moment(row["exptime"])
        draft = {
            "live": False,
            "first_published_at": None,
            "last_published_at": None,
            "go_live_at": None,
            "expire_at": None,
            "expired": False,
        }
        if status == EXPIRED or (status == PUBLISHED and expires and expires <= now):
            return {
                **draft,
                "expired": True,
                "expire_at": expires or edited,
                "first_published_at": published,
                "last_published_at": max(published, edited),
            }
        if status == SCHEDULED or (status == PUBLISHED and published > now):
            return {**draft, "go_live_at": published, "expire_at": expires}
        if status == PUBLISHED:
            return {
                **draft,
                "live": True,
                "first_published_at": published,
                "last_published_at": max(published, edited),
                "expire_at": expires,
            }
        if status == 0:
            warnings.append("suspended in NukeViet (status 0): imported as a draft")
        return draft

    def _author(self, row, extras):
        names = [plain_text(row["author"])] + [
            plain_text(name) for name in extras["authors"].get(row["id"], [])
        ]
        return ", ".join(dict.fromkeys(name for name in names if name))[:255]

    def _source(self, row, detail):
        source = self.sources.get(row["sourceid"], {})
        text = plain_text(detail.get("sourcetext", ""))
        link = text if text.startswith(("http://", "https://")) else ""
        if not link and source.get("link", "").startswith(("http://", "https://")):
            link = source["link"]
        name = source_name(source.get("title", "")) or (source_name(text) if not link else "")
        if link and "://http" in link:
            link = ""
        return {"source_name": name[:255], "source_url": link[:200]}

    def _featured_image(self, row, title, warnings):
        address = (row["homeimgfile"] or "").strip()
        if not address:
            return {"featured_image_id": None, "featured_image_caption": ""}
        alt = plain_text(row["homeimgalt"])
        path = self.files.site_path(address, base=f"uploads/{self.data}")
        image_id = self.files.image(path, alt, title) if path else None
        if not image_id:
            warnings.append(f"illustration not imported: {address}")
            return {"featured_image_id": None, "featured_image_caption": ""}
        return {"featured_image_id": image_id, "featured_image_caption": alt[:500]}

    def _resolve_image(self, src, alt):
        path = self.files.site_path(src, base="")
        return self.files.image(path, alt or self.files.alt_text(path)) if path else None

    def _attachments(self, row, detail, warnings):
        blocks = []
        for name in str(detail.get("files") or "").split(","):
            if not name.strip():
                continue
            path = self.files.site_path(name.strip(), base=f"uploads/{self.data}")
            document_id, problem = (
                self.files.document(path, title=plain_text(row["title"]))
                if path
                else (None, f"bad path {name}")
            )
            if document_id is None:
                warnings.append(f"attachment not imported: {problem}")
                continue
            blocks.append({"type": "document", "value": {"document": document_id, "title": ""}})
        return blocks

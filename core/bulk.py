"""Create many pages at once: tens of thousands of imported or generated news items.

``Page.save()`` costs about a third of a second here (tree locking, validation, the search
index, the reference index and the project's signals, one page at a time). The writer does
what those steps would have done, for a batch of pages in a handful of queries:

* tree positions (treebeard materialised paths) computed here, ``numchild`` of each parent
  raised once per batch, ``url_path`` and a slug unique among the siblings;
* text in NFC (the project's ``pre_save`` normaliser, called directly) and each page type's
  derived fields (``set_derived_fields``, which the type's own ``save()`` also uses);
* the page rows, each model table of the page type, the child rows of the page's cluster
  (tags, attachments, ...) and one revision per page, as the page's latest (and live) one;
* Wagtail's reference index for each batch, from the pages in memory, and at ``finish()``
  the search index in bulk.

No ``page_published`` or ``post_save`` signal is sent: nobody is notified of imported pages
and caches are not purged page by page. ``finish()`` instead calls ``pages_committed``, as an
import does at its end: the page cache purges everything and the listings' counts start again.
"""

import functools
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, ReferenceIndex, Revision

from core import counts
from core.bulk_search import SearchIndexWriter
from core.signals import normalize_unicode
from core.text import vietnamese_slugify

SLUG_LENGTH = 200  # well under the 255 of the column, room for a "-2" suffix
INDEX_CHUNK = 500
UPDATE_CHUNK = 300  # rows of one UPDATE ... FROM: 900 parameters, under SQLite's old limit
# Pages after which the database's planner statistics are read again (``finish``).
ANALYZE_AFTER = 1000
# Sent once a writer's pages are committed (``finish``), for caches to forget what they showed.
pages_written = Signal()
# Sent with each batch (``pages``), inside its transaction, for the apps to write what they
# derive from the pages.
pages_flushed = Signal()


def ascii_slug(text, fallback="trang"):
    """An ASCII slug from Vietnamese text, cut at a hyphen so no word is broken."""
    slug = vietnamese_slugify(text) or fallback
    if len(slug) > SLUG_LENGTH:
        slug = slug[:SLUG_LENGTH].rsplit("-", 1)[0]
    return slug


class _Parent:
    """What the writer knows about a parent: its next child position and its children's slugs."""

    def __init__(self, page):
        self.path = page.path
        self.depth = page.depth
        self.url_path = page.url_path
        self.locale_id = page.locale_id
        last = (
            Page.objects.filter(path__startswith=page.path, depth=page.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.next_step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        self.slugs = set(
            Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).values_list(
                "slug", flat=True
            )
        )
        self.added = 0

    def take_slug(self, base):
        slug, suffix = base, 1
        while slug in self.slugs:
            suffix += 1
            slug = f"{base}-{suffix}"
        self.slugs.add(slug)
        return slug

    def take_path(self):
        path = Page._get_path(self.path, self.depth + 1, self.next_step)
        self.next_step += 1
        self.added += 1
        return path


class BulkPageWriter:
    """Queue new pages under existing (or already queued) parents; ``flush`` writes them.

    Callers set each page's own fields (title, dates, ``live``, ``go_live_at``, cluster
    children such as tags) on an unsaved instance and pass its parent. ``flush`` runs in one
    transaction, with whatever else the caller writes in it, so a batch is there or not.
    """

    def __init__(self, user=None, index_with_batches=False):
        """``index_with_batches``: add each batch to the search index from the pages in
        memory as it is written (a generator's pages are complete), instead of reading them
        all again at ``finish()``."""
        self.user = user
        self.index_with_batches = index_with_batches
        self._parents = {}
        self._queue = []
        self._created = []  # pks, for finish()
        self._search_index = SearchIndexWriter()

    def _parent(self, page):
        known = self._parents.get(page.path)
        if known is None:
            known = self._parents[page.path] = _Parent(page)
        return known

    def forget(self, parent):
        """Read ``parent``'s positions and slugs again: something else added a child to it."""
        self._parents.pop(parent.path, None)

    def add(self, parent, page):
        """Place ``page`` under ``parent``: path, depth, slug, url_path, locale, core fields."""
        node = self._parent(parent)
        normalize_unicode(sender=type(page), instance=page)
        page.slug = node.take_slug(ascii_slug(page.slug or page.title))
        page.path = node.take_path()
        page.depth = node.depth + 1
        page.numchild = 0
        page.url_path = f"{node.url_path}{page.slug}/"
        page.locale_id = node.locale_id
        page.draft_title = page.title
        page.content_type = ContentType.objects.get_for_model(page)
        page.has_unpublished_changes = not page.live
        page.latest_revision_created_at = page.latest_revision_created_at or timezone.now()
        if page.owner_id is None and self.user is not None:
            page.owner = self.user
        for relation in get_all_child_relations(type(page)):
            # Unset cluster children of a new page are empty: say so, or every later read
            # (revision content, references) asks the database for each page.
            if relation.get_accessor_name() not in getattr(page, "_cluster_related_objects", {}):
                setattr(page, relation.get_accessor_name(), [])
        set_derived = getattr(page, "set_derived_fields", None)
        if set_derived is not None:
            set_derived()
        self._queue.append(page)
        return page

    def __len__(self):
        return len(self._queue)

    @transaction.atomic
    def flush(self):
        """Write the queued pages, their cluster children and revisions; return the pages."""
        pages, self._queue = self._queue, []
        if not pages:
            return []
        Page.objects.bulk_create(pages)
        for page in pages:  # bulk_create set Page.id; the type's own key points to it
            for parent_link in page._meta.parents.values():
                if parent_link is not None:
                    setattr(page, parent_link.attname, page.id)
        by_model = defaultdict(list)
        for page in pages:
            by_model[type(page)].append(page)
        for model, items in by_model.items():
            self._insert_model_rows(model, items)
        self._created.extend(page.pk for page in pages)
        self._insert_children(pages)
        self._insert_revisions(pages)
        self._raise_numchild()
        _index_references(pages)  # from the objects in memory: no query per page
        if self.index_with_batches:
            index_objects(pages, self._search_index)
        pages_flushed.send(sender=type(self), pages=pages)
        return pages

    def _insert_model_rows(self, model, pages):
        """One multi-row INSERT per table of the page type (Django refuses bulk_create here)."""
        for table_model in [*reversed(model._meta.get_parent_list()), model]:
            if table_model is Page or table_model._meta.abstract:
                continue
            for page in pages:
                for parent_link in table_model._meta.parents.values():
                    if parent_link is not None:
                        setattr(page, parent_link.attname, page.id)
            fields = table_model._meta.local_concrete_fields
            size = connection.ops.bulk_batch_size(fields, pages) or len(pages)
            for start in range(0, len(pages), size):
                table_model._base_manager._insert(pages[start : start + size], fields=fields)

    def _insert_children(self, pages):
        """The rows of each page's cluster (ParentalKey children), keyed to the new page ids."""
        rows = defaultdict(list)
        for page in pages:
            for relation in get_all_child_relations(type(page)):
                for child in getattr(page, relation.get_accessor_name()).all():
                    setattr(child, relation.field.attname, page.pk)
                    rows[relation.related_model].append(child)
        for model, children in rows.items():
            model.objects.bulk_create(children)

    def _insert_revisions(self, pages):
        base_type = ContentType.objects.get_for_model(Page)
        revisions = [
            Revision(
                content_type=page.content_type,
                base_content_type=base_type,
                object_id=str(page.pk),
                created_at=page.latest_revision_created_at,
                user=page.owner,
                object_str=page.title,
                content=page.serializable_data(),
                approved_go_live_at=page.go_live_at if not page.live else None,
            )
            for page in pages
        ]
        Revision.objects.bulk_create(revisions)
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision = revision
            page.live_revision = revision if page.live else None
        _point_to_revisions(pages)

    def _raise_numchild(self):
        for node in self._parents.values():
            if node.added:
                Page.objects.filter(path=node.path).update(numchild=F("numchild") + node.added)
                node.added = 0

    def finish(self):
        """Add every page created since the writer was made to the search index (unless each
        batch was), and say that pages changed (``pages_committed``)."""
        created, self._created = self._created, []
        if not self.index_with_batches:
            index_pages(created)
        pages_committed(len(created))


def pages_committed(count):
    """Say that ``count`` pages were written in bulk, at the end of an import or a run of
    ``generate_content``: once committed, counts and cached pages made before them are out of
    date (``pages_written``), and after many the planner's statistics are read again."""
    if count >= ANALYZE_AFTER:
        _analyze()
    if count:
        transaction.on_commit(_announce)


def _announce():
    counts.new_version()
    pages_written.send(sender=BulkPageWriter)


def _analyze():
    """Refresh the planner's statistics: with those of a small site PostgreSQL chose plans
    that read every row of 100,000 (the home page's sections took 900 ms instead of 6) until
    autovacuum caught up. SQLite keeps no statistics unless asked."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _point_to_revisions(pages):
    """Set each page's latest and live revision in one UPDATE ... FROM per chunk.

    Django's ``bulk_update`` builds a CASE of every row for each column, which costs more
    than writing the pages; PostgreSQL and SQLite (3.33+) join a list of values instead.
    """
    if connection.vendor not in ("postgresql", "sqlite"):
        Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
        return
    table = connection.ops.quote_name(Page._meta.db_table)
    for start in range(0, len(pages), UPDATE_CHUNK):
        chunk = pages[start : start + UPDATE_CHUNK]
        rows = ", ".join(["(%s, %s, %s)"] * len(chunk))
        values = [
            value
            for page in chunk
            for value in (page.pk, page.latest_revision_id, page.live_revision_id)
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH revised(page_id, latest_id, live_id) AS (VALUES {rows}) "
                f"UPDATE {table} SET latest_revision_id = CAST(revised.latest_id AS INTEGER), "
                "live_revision_id = CAST(revised.live_id AS INTEGER) "
                f"FROM revised WHERE {table}.id = revised.page_id",
                values,
            )


@transaction.atomic
def _index_references(objects):
    """What ``ReferenceIndex.create_or_update_for_object`` records, for new objects at once."""
    rows = []
    for obj in objects:
        if not ReferenceIndex.is_indexed(type(obj)):
            continue
        types = [
            ContentType.objects.get_for_model(model, for_concrete_model=False)
            for model in [obj, *obj._meta.get_parent_list()]
        ]
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=types[0],
                    base_content_type=types[-1],
                    object_id=obj.pk,
                    to_content_type_id=to_type,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=True)


def update_page(page, changed_at):
    """Save new content of an existing page with a revision dated ``changed_at``.

    This is what an edit and a publish do, without the publish signal: nobody is notified of
    an import. ``save()`` still runs the NFC normaliser and updates the search and reference
    indexes for this page, which is right for the few pages an incremental run touches.
    """
    page.draft_title = page.title
    page.latest_revision_created_at = changed_at
    page.has_unpublished_changes = not page.live
    page.save(clean=False)
    revision = Revision.objects.create(
        content_type=page.content_type,
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        created_at=changed_at,
        object_str=page.title,
        content=page.serializable_data(),
        approved_go_live_at=page.go_live_at if not page.live else None,
    )
    page.latest_revision = revision
    page.live_revision = revision if page.live else None
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision, live_revision=page.live_revision
    )
    return page


def index_pages(page_ids):
    """Add pages to the search index in chunks, as their own types (references are written
    with each batch, from the pages in memory)."""
    page_ids = list(page_ids)
    index = SearchIndexWriter()
    for start in range(0, len(page_ids), INDEX_CHUNK):
        chunk = Page.objects.filter(pk__in=page_ids[start : start + INDEX_CHUNK]).specific()
        index_objects(chunk, index)


def index_objects(pages, index=None):
    """Add specific page objects to the search index (``index``: the writer of a run)."""
    pages = list(pages)
    for page in pages:
        _compute_search_texts_once(page)
    (index or SearchIndexWriter()).add(pages)


# The search backend asks each indexed method several times per page (one per index column);
# folding a long body is the dearest part of indexing, so each is computed once per object.
SEARCH_TEXT_METHODS = (
    "search_body",
    "folded_search_heading",
    "folded_search_summary",
    "folded_search_body",
)


def _compute_search_texts_once(page):
    for name in SEARCH_TEXT_METHODS:
        method = getattr(page, name, None)
        if callable(method):
            setattr(page, name, functools.cache(method))

"""The search index rows of many new pages, one INSERT per page type and batch.

Wagtail's database search backend (modelsearch) asks every indexed field of a page once per
column of its row (five on PostgreSQL), builds each value from Django expressions, and after
every ``add_bulk`` reads the whole index again for the average title length and rewrites the
new rows with their ``title_norm`` (on SQLite that UPDATE also rewrites their full-text rows
through a trigger). At a hundred thousand pages those steps grow with the index and cost
more than the pages themselves. Here each field is read once, the rows carry their final
``title_norm`` (from a running average read once per writer) and go in with one statement.
The rows are the ones the backend writes (tests/core/test_bulk.py compares them); databases
other than PostgreSQL and SQLite, and models with related search fields, take the backend's
own path.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Sum
from django.db.models.functions import Length
from django.utils.encoding import force_str
from wagtail.search.backends import get_search_backend
from wagtail.search.index import AutocompleteField, RelatedFields, SearchField
from wagtail.search.models import IndexEntry


def _text(value):
    """A field's value as the backend's ``ObjectIndexer.prepare_value`` makes it text."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_text(item) for item in value.values())
    return force_str(value)


class _Texts:
    """One page's indexed texts, read once: (text, boost) per row column."""

    def __init__(self, page, search_fields):
        self.title, self.body, self.autocomplete = [], [], []
        for field in search_fields:
            if isinstance(field, SearchField):
                column = self.title if field.field_name == "title" else self.body
                column.append((_text(field.get_value(page)), field.boost))
            elif isinstance(field, AutocompleteField):
                self.autocomplete.append((_text(field.get_value(page)), None))


class _TitleNorms:
    """The average title length over the index, kept up to date as rows are added.

    The backend gives each new row ``title_norm = average / its title length``, the average
    taken over every row with a title, the new ones included. It is read once per writer:
    what else is indexed meanwhile (a document, an image) moves it by very little.
    """

    def __init__(self):
        lengths = (
            IndexEntry.objects.annotate(length=Length("title"))
            .filter(length__gt=0)
            .aggregate(total=Sum("length"), rows=Count("id"))
        )
        self.total = lengths["total"] or 0
        self.rows = lengths["rows"]

    def add(self, lengths):
        """Count the titles of a batch (their lengths) in the average; return the average."""
        self.total += sum(lengths)
        self.rows += sum(1 for length in lengths if length > 0)
        return self.total / self.rows if self.rows else 0.0


class SearchIndexWriter:
    """Adds specific page objects (complete, in memory) to the search index."""

    def __init__(self):
        self.backend = get_search_backend()
        self.vendor = connection.vendor
        self._norms = None

    def add(self, pages):
        by_model = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page)
        for model, items in by_model.items():
            search_fields = model.get_search_fields()
            if not search_fields:
                continue
            if self._fast(search_fields):
                self._insert(model, items, search_fields)
            else:
                self.backend.add_bulk(model, items)
                self._norms = None  # the backend's rows count too: read the average again

    def _fast(self, search_fields):
        return self.vendor in _INSERTS and not any(
            isinstance(field, RelatedFields) for field in search_fields
        )

    def _insert(self, model, pages, search_fields):
        if self._norms is None:
            self._norms = _TitleNorms()
        content_type_id = ContentType.objects.get_for_model(model).pk
        texts = [(str(page.pk), _Texts(page, search_fields)) for page in pages]
        _INSERTS[self.vendor](self, content_type_id, texts)

    def _insert_sqlite(self, content_type_id, texts):
        rows = [
            (
                object_id,
                " ".join(text for text, _boost in page.title),
                " ".join(text for text, _boost in page.autocomplete),
                " ".join(text for text, _boost in page.body),
            )
            for object_id, page in texts
        ]
        average = self._norms.add([len(title) for _id, title, _a, _b in rows])
        values = [
            (content_type_id, object_id, title, autocomplete, body, _norm(average, len(title)))
            for object_id, title, autocomplete, body in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(_SQLITE_INSERT, values)

    def _insert_postgresql(self, content_type_id, texts):
        # The weight of a boost, as the backend's vectors have it (imported here: the
        # PostgreSQL backend's package needs psycopg, which a SQLite site may lack).
        from modelsearch.backends.database.postgres.weights import get_weight

        rows, params = [], []
        config, autocomplete_config = self.backend.config, self.backend.autocomplete_config
        for object_id, page in texts:
            columns = (
                _tsvector(page.title, config, get_weight, params),
                _tsvector(page.autocomplete, autocomplete_config, lambda _b: "D", params),
                _tsvector(page.body, config, get_weight, params),
            )
            params += [_plain(page.title), _plain(page.body), content_type_id, object_id]
            rows.append(f"({', '.join(columns)}, %s, %s, %s, %s)")
        before = [self._norms.total, self._norms.rows]
        with connection.cursor() as cursor:
            cursor.execute(_POSTGRESQL_INSERT.format(rows=", ".join(rows)), before + params)
            self._norms.add([length for (length,) in cursor.fetchall()])


def _norm(average, length):
    return average / length if length > 0 else 1.0


def _plain(column):
    """``title_text`` / ``body_text``: the column's texts, stripped, for fuzzy matching."""
    return " ".join(text.strip() for text, _boost in column if text.strip())


def _tsvector(column, config, weight_of, params):
    """SQL of the backend's vector of a column: each text weighted, then concatenated."""
    parts = []
    for text, boost in column:
        if text.strip():
            parts.append("setweight(to_tsvector(%s::regconfig, COALESCE(%s, '')), %s)")
            params += [config, text.strip(), weight_of(boost)]
    if not parts:
        params += [config]
        return "to_tsvector(%s::regconfig, '')"
    return " || ".join(parts)


_TABLE = IndexEntry._meta.db_table
_SQLITE_INSERT = (
    f"INSERT INTO {_TABLE} (content_type_id, object_id, title, autocomplete, body, title_norm) "
    "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
    "title = excluded.title, autocomplete = excluded.autocomplete, body = excluded.body, "
    "title_norm = excluded.title_norm"
)
# The average counts the batch's titles too: a window over the rows being inserted.
_POSTGRESQL_INSERT = (
    f"INSERT INTO {_TABLE} (title, autocomplete, body, title_text, body_text, "
    "content_type_id, object_id, title_norm) "
    "SELECT title, autocomplete, body, title_text, body_text, content_type_id, object_id, "
    "CASE WHEN length(title) > 0 THEN (%s::float8 + SUM(length(title)) OVER ()) "
    "/ (%s + COUNT(*) FILTER (WHERE length(title) > 0) OVER ()) / length(title) ELSE 1.0 END "
    "FROM (VALUES {rows}) AS row (title, autocomplete, body, title_text, body_text, "
    "content_type_id, object_id) "
    "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = excluded.title, "
    "autocomplete = excluded.autocomplete, body = excluded.body, "
    "title_text = excluded.title_text, body_text = excluded.body_text, "
    "title_norm = excluded.title_norm "
    "RETURNING length(title)"
)
_INSERTS = {
    "sqlite": SearchIndexWriter._insert_sqlite,
    "postgresql": SearchIndexWriter._insert_postgresql,
}

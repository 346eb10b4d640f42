"""An index of Wagtail's search index entries by page type, newest first, on PostgreSQL.

Search ranks the newest hits of each page type (``search.postgres``); this index lets it read a
type's entries newest first and stop at enough hits, instead of passing every other type's.
SQLite searches its FTS5 table and needs nothing here.
"""

from django.db import migrations

INDEX = "search_entry_type_newest"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry (content_type_id, id)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]

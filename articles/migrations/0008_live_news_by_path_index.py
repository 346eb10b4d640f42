"""An index of live news pages by path, on PostgreSQL, for counting a category's news.

``NewsIndexPage.news_count`` counts the live news below a category from the page tree; with
their depth and expiry included, the count reads this index alone (an index-only scan) instead
of every page and news row. SQLite does not use an index for a path prefix and needs nothing.
"""

from django.db import migrations

INDEX = "articles_live_news_by_path"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page "
            "(content_type_id, path varchar_pattern_ops) INCLUDE (depth, expire_at) WHERE live"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_newest_first_index")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]

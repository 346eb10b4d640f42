"""An index of the page tree by depth and path, on PostgreSQL.

"The children of this page" is a path prefix at one depth (Wagtail's ``child_of``): the menu on
every reader page, a category's sub-categories, routing. The path index alone reads every page
under the prefix, the whole site for the home page's children (120,000 rows at the real size,
some 150 ms on every page); with the depth first it reads only the children. SQLite does not
use an index for a prefix and needs nothing here.
"""

from django.db import migrations

INDEX = "home_page_children"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path varchar_pattern_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("home", "0007_checked_table_block")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]

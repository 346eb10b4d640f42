"""Run the board's sync again once every model whose rights the roles grant exists.

0002 depends only on the home page's first migrations, so on a fresh install the rights of
the site administration team over directive reference data and related-link lists depended on
the order Django happened to pick. This step runs after them, whatever that order.
"""

from django.db import migrations

from editorial.roles import sync_editorial


def forwards(apps, schema_editor):
    sync_editorial(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles_and_workflows"),
        ("home", "0003_relatedlinklist_relatedlink_and_more"),
        ("directives", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

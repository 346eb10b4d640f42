"""Store on each document whether a live document declares that it replaces it.

The register's "replaced" filter then compares a column instead of looking for a live
replacing document behind every row (``directives.replacements`` keeps it from now on).
"""

from django.db import migrations, models
from django.db.models import Exists, OuterRef


def store_replaced(apps, schema_editor):
    DirectivePage = apps.get_model("directives", "DirectivePage")
    DirectiveRelation = apps.get_model("directives", "DirectiveRelation")
    replacing = DirectiveRelation.objects.filter(
        target=OuterRef("pk"), kind="replaces", source__live=True
    )
    DirectivePage.objects.update(replaced=Exists(replacing))


class Migration(migrations.Migration):
    dependencies = [
        ("directives", "0006_newest_first_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="directivepage",
            name="replaced",
            field=models.BooleanField(default=False, editable=False, verbose_name="replaced"),
        ),
        migrations.RunPython(store_replaced, migrations.RunPython.noop, elidable=False),
    ]

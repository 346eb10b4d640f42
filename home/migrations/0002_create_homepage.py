"""Replace Wagtail's placeholder welcome page with the portal's home page.

The roots of the page tree and of the collections are renamed too: editors see them.
"""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    Page.objects.filter(depth=1).update(title="Gốc", draft_title="Gốc")
    apps.get_model("wagtailcore.Collection").objects.filter(depth=1).update(name="Gốc")
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    homepage_content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    homepage = HomePage.objects.create(
        title="Trang chủ",
        draft_title="Trang chủ",
        slug="home",
        content_type=homepage_content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=Page.objects.get(depth=1).locale_id,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": homepage, "port": 80},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]

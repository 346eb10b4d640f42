"""Grant the sign-in security rights: two-factor login for the leaders and the team, and to
the administration team the unlocking of sign-ins and the reset of a lost second factor.

Those rights name models of security/, django-otp and django-axes, so this runs after their
migrations. Frozen like 0002 and 0004: historical models, groups found by their stable key.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "deputy": ("security.require_two_factor",),
    "chief": ("security.require_two_factor",),
    "admin_team": (
        "security.require_two_factor",
        "axes.delete_accessattempt",
        "otp_totp.delete_totpdevice",
    ),
}


def permissions(apps, labels):
    """The permissions, created first: post_migrate would only create them after every migration."""
    for app_label in {label.split(".")[0] for label in labels}:
        app_config = apps.get_app_config(app_label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    found = []
    for label in labels:
        app_label, codename = label.split(".")
        found += Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return found


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for key, labels in GRANTS.items():
        for group in Group.objects.filter(board_role__key=key):
            group.permissions.add(*permissions(apps, labels))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for key, labels in GRANTS.items():
        for group in Group.objects.filter(board_role__key=key):
            group.permissions.remove(*permissions(apps, labels))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_key_the_board"),
        ("security", "0001_initial"),
        ("otp_totp", "0003_add_timestamps"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

"""Run the board's sync once the sign-in security models exist (two-factor login, lockouts).

The leaders and the administration team must use two-factor login, and the team may unlock
sign-ins and reset a member's second factor: those rights name models of security/,
django-otp and django-axes, created by migrations 0003 does not wait for.
"""

from django.db import migrations

from editorial.roles import sync_editorial


def forwards(apps, schema_editor):
    sync_editorial(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_rights_after_all_content_models"),
        ("security", "0001_initial"),
        ("otp_totp", "0003_add_timestamps"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

"""Create or repair the editorial board's roles, section rights and workflows."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from editorial.roles import sync_editorial


class Command(BaseCommand):
    help = (
        "Bring the editorial board's groups, permissions and workflows back to their "
        "definition; safe to run again, it changes nothing else."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            changes = sync_editorial(apps)
        for change in changes:
            self.stdout.write(f"  {change}")
        if changes:
            self.stdout.write(self.style.SUCCESS(_("Editorial setup repaired.")))
        else:
            self.stdout.write(_("Editorial setup already in order; nothing changed."))

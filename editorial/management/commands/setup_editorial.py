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

    def add_arguments(self, parser):
        parser.add_argument(
            "--restore-names",
            action="store_true",
            help="Give groups, workflows and steps renamed in the admin their defined names back.",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            sync = sync_editorial(apps, restore_names=options["restore_names"])
        for change in sync.changes:
            self.stdout.write(f"  {change}")
        for name, defined in sync.renamed:
            self.stdout.write(
                _(
                    "  “%(name)s” is the admin's name for “%(defined)s”; it is kept "
                    "(--restore-names gives the defined name back)."
                )
                % {"name": name, "defined": defined}
            )
        if sync.changes:
            self.stdout.write(self.style.SUCCESS(_("Editorial setup repaired.")))
        else:
            self.stdout.write(_("Editorial setup already in order; nothing changed."))

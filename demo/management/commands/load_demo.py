"""Load the demo content of every app; safe to run again (nothing is duplicated)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from demo.registry import build_all


class Command(BaseCommand):
    help = "Load realistic Vietnamese demo content; running it twice changes nothing."

    def handle(self, *args, **options):
        with transaction.atomic():
            build_all(self.stdout)
        self.stdout.write(self.style.SUCCESS(_("Demo content is ready.")))

"""manage.py backup [--output DIR]: database and media snapshot with a manifest of checksums."""

from django.core.management.base import BaseCommand

from operations.backup import make_backup


class Command(BaseCommand):
    help = "Back up the database and the media folder into a new folder under --output."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="var/backups", help="folder for the backups")

    def handle(self, *args, output, **options):
        target_dir, manifest = make_backup(output, self.stdout.write)
        for name, section in manifest["content"].items():
            self.stdout.write(f"  {name}: {section['count']}")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target_dir}"))

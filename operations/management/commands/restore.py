"""manage.py restore DIR: into an empty database and media folder, then compare the content."""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import restore_backup


class Command(BaseCommand):
    help = "Restore a backup folder into the (empty) configured database and media folder."

    def add_arguments(self, parser):
        parser.add_argument("backup_dir")

    def handle(self, *args, backup_dir, **options):
        expected, restored, differences = restore_backup(backup_dir, self.stdout.write)
        for name, section in expected.items():
            found = restored[name]["count"]
            state = "identical" if name not in differences else "DIFFERENT"
            self.stdout.write(f"  {name}: {section['count']} in backup, {found} restored, {state}")
        if differences:
            raise CommandError(
                "Restored content differs from the backup: " + ", ".join(differences)
            )
        self.stdout.write(self.style.SUCCESS("Restore complete: the content matches the backup."))

"""manage.py import_nukeviet: bring a NukeViet 4.x portal over (README: migration guide)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from nukeviet.importer import Importer
from nukeviet.source import Source


class Command(BaseCommand):
    help = _("Import news, documents, pages, files and accounts from a NukeViet 4 database.")

    def add_arguments(self, parser):
        parser.add_argument("--source", required=True, help="mysql://user:password@host:3306/db")
        parser.add_argument("--prefix", default="nv4", help="NukeViet table prefix (nv4)")
        parser.add_argument("--lang", default="vi", help="NukeViet language (vi)")
        parser.add_argument("--uploads", help="the old site's uploads/ folder")
        parser.add_argument("--into", help="page (id or path) the news categories go under")
        parser.add_argument("--activate-users", action="store_true")
        parser.add_argument("--dry-run", action="store_true", help="show what would change")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--site-host",
            action="append",
            default=[],
            help="host name of the old site, so absolute links to its files are imported",
        )
        parser.add_argument(
            "--warnings",
            default="nukeviet-import-warnings.csv",
            help="CSV file of every warning (default nukeviet-import-warnings.csv)",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        uploads = options["uploads"]
        if uploads and not Path(uploads).is_dir():
            raise CommandError(_("The uploads folder %(path)s does not exist.") % {"path": uploads})
        source = Source(options["source"], prefix=options["prefix"], lang=options["lang"])
        try:
            importer = Importer(
                source,
                uploads=uploads,
                into=options["into"],
                activate_users=options["activate_users"],
                dry_run=options["dry_run"],
                batch_size=max(1, options["batch_size"]),
                site_hosts=options["site_host"],
                progress=not options["no_progress"],
            )
            report = importer.run()
        except KeyboardInterrupt:
            raise CommandError(
                _("Interrupted. Committed batches are kept; run the same command to resume.")
            ) from None
        finally:
            source.close()
        if options["dry_run"]:
            self.stdout.write(_("Dry run: nothing was written. It would do:"))
        for line in report.summary_lines():
            self.stdout.write(line)
        report.write_csv(options["warnings"])
        self.stdout.write(
            _("%(count)d warnings written to %(path)s")
            % {"count": len(report.warnings), "path": options["warnings"]}
        )

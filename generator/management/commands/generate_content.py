"""manage.py generate_content: Vietnamese news and directives at the real portal's size.

For benchmarks and for trying the portal with as much content as the office's real site:
``--news 100000 --directives 20000``. Every run adds pages (the same seed on the same
database gives the same pages); it never changes or deletes what is there.
"""

import contextlib
import resource
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from generator.content import ContentGenerator


def count(value):
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = _(
        "Add generated Vietnamese news items and directives to the page tree (a rerun adds more)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--news", type=count, default=1000, help=_("News items to add."))
        parser.add_argument("--directives", type=count, default=200, help=_("Directives to add."))
        parser.add_argument("--seed", type=int, default=1, help=_("Seed of the generator."))
        parser.add_argument(
            "--batch-size", type=int, default=1000, help=_("Pages written per transaction.")
        )
        parser.add_argument("--no-progress", action="store_true", help=_("No progress bar."))

    def handle(self, *args, news, directives, seed, batch_size, no_progress, **options):
        if batch_size < 1:
            raise CommandError(_("--batch-size must be at least 1."))

        @contextlib.contextmanager
        def progress(total, label):
            bar = tqdm(
                total=total,
                desc=label,
                unit=" trang",
                disable=no_progress,
                file=sys.stderr,
                dynamic_ncols=True,
                smoothing=0.1,
            )
            try:
                yield bar
            finally:
                bar.close()

        started = time.monotonic()
        generator = ContentGenerator(seed=seed, batch_size=batch_size, progress=progress)
        try:
            counts = generator.run(news=news, directives=directives)
        except LookupError as error:
            raise CommandError(_("The portal has no home page; run migrate first.")) from error
        self.report(counts, time.monotonic() - started, generator)

    def report(self, counts, elapsed, generator):
        pages = counts["news"] + counts["directives"]
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        lines = [
            _("Generated content (seed %(seed)s):") % {"seed": generator.seed},
            _("  news categories added: %(n)d") % {"n": counts["categories"]},
            _("  news items added:      %(n)d (under %(url)s)")
            % {"n": counts["news"], "url": generator.news_index.url_path},
            _("  directives added:      %(n)d (in %(url)s), %(relations)d relations")
            % {
                "n": counts["directives"],
                "url": generator.register.url_path,
                "relations": counts["relations"],
            },
            _("  %(pages)d pages in %(seconds).0f s: %(rate).0f pages/s, peak memory %(mb).0f MB")
            % {
                "pages": pages,
                "seconds": elapsed,
                "rate": pages / elapsed if elapsed else 0,
                "mb": peak_mb,
            },
            _("A rerun adds as many again; nothing already there is changed."),
        ]
        self.stdout.write("\n".join(lines))

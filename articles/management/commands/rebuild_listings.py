"""manage.py rebuild_listings: write every row of the news listings again from the pages.

The listings are kept as pages change; an operator rebuilds them after changing pages by
hand in the database, or to check them (the report says whether the rows changed).
"""

import sys
import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from articles import listings
from articles.models import NewsListing, NewsPage


class Command(BaseCommand):
    help = _("Write the rows of every category's and tag's news listing again.")

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help=_("No progress bar."))

    def handle(self, *args, no_progress, **options):
        started = time.monotonic()
        before = NewsListing.objects.count()
        total = NewsPage.objects.filter(live=True).count()
        with tqdm(total=total, unit=" tin", disable=no_progress, file=sys.stderr) as bar:
            news, rows = listings.rebuild(progress=bar.update)
        self.stdout.write(
            _(
                "Listed %(news)d published news items in %(rows)d rows (%(before)d before), %(seconds).1f s."
            )
            % {
                "news": news,
                "rows": rows,
                "before": before,
                "seconds": time.monotonic() - started,
            }
        )

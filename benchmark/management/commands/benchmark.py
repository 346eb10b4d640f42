"""Measure the reader pages on the current database: a benchmark to compare, never a test.

Each page is asked through Django's test client (no server, no network), so the figures are
the application's own cost: the median and 95th-percentile time and the SQL queries of one
request. Run it on the demo content (or a copy of production data) before and after a change;
the query counts are also ceilings in the test suite, the times are only figures to compare.
"""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.queries import reader_pages

FIXED_PATHS = ("/", "/tim-kiem/?q=nong+thon+moi", "/sitemap.xml", "/rss/")


def sample_paths():
    """The fixed reader paths, then the newest live page of each page type under the site."""
    site = Site.objects.get(is_default_site=True)
    pages = reader_pages().readable().descendant_of(site.root_page)
    paths = list(FIXED_PATHS)
    for content_type_id in sorted(set(pages.values_list("content_type_id", flat=True))):
        newest = pages.filter(content_type_id=content_type_id).order_by("-last_published_at")
        url = newest.first().get_url()
        if url and url not in paths:
            paths.append(url)
    return paths


def reader_host():
    """A host name the settings accept, so that requests are not refused as a bad Host."""
    names = [name for name in settings.ALLOWED_HOSTS if name != "*" and not name.startswith(".")]
    return names[0] if names else "localhost"


def measure(client, path, repeat):
    """(status, queries, median ms, 95th-percentile ms) of ``repeat`` requests after a warm-up."""
    client.get(path)  # the first request builds renditions and caches; measure the steady state
    times = []
    for _round in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return response.status_code, len(queries), statistics.median(times), p95


class Command(BaseCommand):
    help = "Time the reader pages and count their SQL queries on the current database."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="Requests per page.")

    def handle(self, *args, repeat, **options):
        client = Client(HTTP_HOST=reader_host())
        header = (_("Status"), _("Queries"), _("Median (ms)"), _("95% (ms)"), _("Address"))
        self.stdout.write("{:>10} {:>12} {:>14} {:>10}  {}".format(*header))
        for path in sample_paths():
            status, queries, median, p95 = measure(client, path, max(repeat, 1))
            self.stdout.write(f"{status:>10} {queries:>12} {median:>14.1f} {p95:>10.1f}  {path}")

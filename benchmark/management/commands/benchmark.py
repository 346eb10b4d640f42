"""Measure the reader pages on the current database: a benchmark to compare, never a test.

Each page is asked through Django's test client (no server, no network); ``make bench`` runs
it with the page cache and the fragment cache off (the kept frames and routes with it), so the
figures are a whole render's cost, as after a purge: the median and 95th-percentile time and
the SQL queries of one request. Besides the newest page of each page type it measures the
listings whose cost could grow with content: the largest news category on page 1 and page
1,000 (the last page when there are fewer), a leaf category, the busiest tag, the register
unfiltered, with each filter and with every filter, search and the feeds and sitemap.

``--save FILE`` keeps the figures; ``--compare FILE`` prints each page's time as a multiple
of the saved one (for instance 100,000 articles against 1,000) and whether its query count
changed. The query counts are also ceilings in the test suite; the times are only figures.
"""

import json
import statistics
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Count
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from benchmark import http
from core.queries import reader_pages
from core.text import fold_for_search

FIXED_PATHS = {
    "home": "/",
    "search": "/tim-kiem/?q=nong+thon+moi",
    "search, news": "/tim-kiem/?q=nong+thon+moi&type=news",
    "search, directives": "/tim-kiem/?q=nong+thon+moi&type=directives",
    "search, rare words": "/tim-kiem/?q=thuy+loi+noi+dong",
    "sitemap": "/sitemap.xml",
    "site feed": "/rss/",
}
FAR_PAGE = 1000  # past the end of a listing, pagination gives its last page


def model(label):
    """A content model by its label: the tools import no content app."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def newest_of_each_type(root):
    """The newest live page of each page type under the site."""
    pages = reader_pages().readable().descendant_of(root)
    found = {}
    for content_type_id in sorted(set(pages.values_list("content_type_id", flat=True))):
        newest = pages.filter(content_type_id=content_type_id).order_by("-last_published_at")
        page = newest.first().specific
        found[str(page._meta.verbose_name)] = page.get_url()
    return found


def category_paths(root):
    categories = model("articles.NewsIndexPage")
    if categories is None:
        return {}
    live = categories.objects.readable().descendant_of(root)
    top = live.filter(depth=root.depth + 1)
    largest = max(top, key=lambda category: category.news().count(), default=None)
    if largest is None:
        return {}
    paths = {
        "category page 1": largest.url,
        f"category page {FAR_PAGE}": f"{largest.url}?page={FAR_PAGE}",
        "category feed": f"{largest.url}rss/",
    }
    deepest = live.order_by("-depth", "path").first()
    if deepest is not None and deepest.pk != largest.pk:
        paths["leaf category page 1"] = deepest.url
    return paths


def tag_paths():
    tags = model("articles.NewsTag")
    if tags is None:
        return {}
    busiest = (
        tags.objects.annotate(items=Count("tagged_news")).filter(items__gt=0).order_by("-items")
    ).first()
    if busiest is None:
        return {}
    url = reverse("articles:tag", args=[busiest.slug])
    return {"tag page 1": url, f"tag page {FAR_PAGE}": f"{url}?page={FAR_PAGE}"}


def register_paths(root):
    """The largest register plain, with each filter alone and with every filter at once,
    the values taken from its newest document so that every filter finds something."""
    registers = model("directives.DirectiveIndexPage")
    if registers is None:
        return {}
    register = max(
        registers.objects.readable().descendant_of(root),
        key=lambda page: page.numchild,
        default=None,
    )
    directive = register.directives().first() if register else None
    if directive is None:
        return {}
    filters = {
        "q": fold_for_search(directive.summary).split()[-1],
        "document_type": directive.document_type_id,
        "issuing_body": directive.issuing_body_id,
        "field": directive.field_id,
        "year": directive.issued_on.year,
        "status": directive.legal_status,
        "signer": directive.signer_name.split()[-1] if directive.signer_name else None,
    }
    filters = {name: value for name, value in filters.items() if value}
    paths = {"register": register.url}
    for name, value in filters.items():
        paths[f"register, {name}"] = f"{register.url}?{name}={value}"
    every = "&".join(f"{name}={value}" for name, value in filters.items())
    paths["register, every filter"] = f"{register.url}?{every}"
    return paths


def sample_paths():
    """Every address measured, by what it shows."""
    root = Site.objects.get(is_default_site=True).root_page
    paths = dict(FIXED_PATHS)
    paths.update(category_paths(root))
    paths.update(tag_paths())
    paths.update(register_paths(root))
    for kind, url in newest_of_each_type(root).items():
        if url and url not in paths.values():
            paths[kind] = url
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
        parser.add_argument("--save", type=Path, help="Write the figures to this JSON file.")
        parser.add_argument(
            "--compare", type=Path, help="Print times as multiples of a saved run's."
        )

    def handle(self, *args, repeat, save, compare, **options):
        baseline = json.loads(compare.read_text()) if compare else {}
        client = Client(HTTP_HOST=reader_host())
        header = [_("Status"), _("Queries"), _("Median (ms)"), _("95% (ms)")]
        if baseline:
            header += [_("Times saved"), _("Queries saved")]
        widths = [10, 12, 14, 10, 14, 14][: len(header)]
        self.stdout.write(
            " ".join(f"{text:>{width}}" for text, width in zip(header, widths, strict=True))
            + "  "
            + _("Address")
        )
        figures = {}
        with override_settings(PAGE_CACHE_ENABLED=False), http.quiet_request_log():
            for kind, path in sample_paths().items():
                status, queries, median, p95 = measure(client, path, max(repeat, 1))
                figures[kind] = {"path": path, "queries": queries, "median": median, "p95": p95}
                cells = [f"{status:>10}", f"{queries:>12}", f"{median:>14.1f}", f"{p95:>10.1f}"]
                if baseline:
                    cells += self._against(baseline.get(kind), median)
                self.stdout.write(" ".join(cells) + f"  {path}  ({kind})")
        if save:
            save.write_text(json.dumps(figures, indent=2, ensure_ascii=False))

    @staticmethod
    def _against(saved, median):
        if not saved:
            return [f"{'-':>14}", f"{'-':>14}"]
        return [f"{median / saved['median']:>13.2f}x", f"{saved['queries']:>14}"]

"""Lighthouse scores of the home page and the newest news item on a running server.

    manage.py lighthouse --base-url https://portal.example.vn

Mobile settings (Lighthouse's default form factor and throttling). Installs lighthouse@12.2.3
under var/lighthouse/ on first use; runs Debian's Chromium. Measure the server readers get (DEBUG
off, nginx from deploy/ compressing and caching static files): `make lighthouse` starts one.
Exits 1 when a score is under the threshold, unless --report-only.

Lighthouse slows the CPU 4x, which assumes a fast desktop; on a slower host (a small server,
a busy CI machine) that emulates a phone several times slower than the one Lighthouse means.
So each run's own benchmark index is read, and a run made with a multiplier far from the one
that matches the emulated phone (lighthouse.calibrated_slowdown) is made again with that one;
--cpu-slowdown 4 gives Lighthouse's default.
"""

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from benchmark import lighthouse
from benchmark.pages import newest_url, site_pages

FOLDER = settings.VAR_DIR / "lighthouse"


def page_paths():
    """The home page and the most recently published live news item."""
    news_type = ContentType.objects.get_by_natural_key("articles", "newspage")
    news = newest_url(site_pages(), news_type.pk)
    if not news:
        raise CommandError(_("No live news item to measure: load the demo content first."))
    return [("/", _("Home page")), (urlsplit(news).path, _("News item"))]


def report_lines(label, url, found, threshold):
    """The lines printed for one page: a score per category, the audits behind a low one."""
    yield f"{label}: {url}"
    for category in found:
        score = "–" if category.score is None else str(category.score)
        mark = _("ok") if category.passes(threshold) else _("UNDER %(n)d") % {"n": threshold}
        yield f"  {category.id:<16} {score:>4}  {mark}"
        if not category.passes(threshold):
            for audit in category.failing:
                shown = f" ({audit.shown})" if audit.shown else ""
                yield f"      - {audit.id}: {audit.title}{shown} [{audit.score:.2f}]"


class Command(BaseCommand):
    help = "Lighthouse (mobile) on the home page and the newest news item of a running server."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", required=True, help="e.g. https://portal.example.vn")
        parser.add_argument("--threshold", type=int, default=95, help="Lowest passing score.")
        parser.add_argument("--runs", type=int, default=1, help="Runs per page (median).")
        parser.add_argument(
            "--cpu-slowdown",
            type=float,
            help="CPU multiplier; by default calibrated on this host's benchmark index "
            "(Lighthouse's 4x on a host as fast as it expects).",
        )
        parser.add_argument("--chromium", default="/usr/bin/chromium")
        parser.add_argument(
            "--resolve",
            metavar="ADDRESS",
            help="Send the base URL's host name to this address (a local nginx for a real name).",
        )
        parser.add_argument("--save", metavar="FOLDER", help="Keep each page's JSON report here.")
        parser.add_argument(
            "--report-only", action="store_true", help="Exit 0 whatever the scores."
        )

    def handle(self, *args, threshold, report_only, **options):
        self.options = options
        try:
            if lighthouse.install(FOLDER):
                self.stdout.write(_("Installed lighthouse@%(v)s") % {"v": lighthouse.VERSION})
            below = self.measure_all(threshold)
        except lighthouse.LighthouseError as error:
            raise CommandError(str(error)) from error
        if below:
            message = _("%(n)d score(s) under %(t)d.") % {"n": below, "t": threshold}
            if not report_only:
                raise CommandError(message)
            self.stdout.write(message)
        else:
            self.stdout.write(_("Every score is at least %(t)d.") % {"t": threshold})

    def url(self, path):
        return urljoin(self.options["base_url"].rstrip("/") + "/", path.lstrip("/"))

    def run(self, url, slowdown):
        """One report; a run Lighthouse itself gives up on (a lost trace on a busy host) is
        tried once more before the command fails."""
        flags = lighthouse.chrome_flags(url, self.options["resolve"])
        try:
            return lighthouse.run(FOLDER, url, self.options["chromium"], flags, slowdown)
        except lighthouse.LighthouseError as error:
            self.stderr.write(_("Lighthouse failed, trying once more: %(e)s") % {"e": error})
            return lighthouse.run(FOLDER, url, self.options["chromium"], flags, slowdown)

    def measured(self, url, slowdown):
        """(report, slowdown) of one run. Unless --cpu-slowdown fixes it, a run whose own
        benchmark index calls for another multiplier (by more than a quarter: a busy host
        changes speed from minute to minute) is run again with that one."""
        report = self.run(url, slowdown)
        if self.options["cpu_slowdown"]:
            return report, slowdown
        fitting = lighthouse.calibrated_slowdown(report)
        if abs(fitting - slowdown) > slowdown / 4:
            index = report.get("environment", {}).get("benchmarkIndex")
            self.stdout.write(
                _("Benchmark index %(index)s: again with CPU slowdown %(slowdown)sx")
                % {"index": index, "slowdown": fitting}
            )
            report, slowdown = self.run(url, fitting), fitting
        return report, slowdown

    def measure_all(self, threshold):
        """Print each page's scores; return how many fell under the threshold."""
        slowdown = self.options["cpu_slowdown"] or lighthouse.DEFAULT_SLOWDOWN
        runs, below = max(self.options["runs"], 1), 0
        for path, label in page_paths():
            url = self.url(path)
            reports = []
            for number in range(runs):
                self.stdout.write(
                    _("Lighthouse run %(i)d/%(n)d: %(url)s")
                    % {"i": number + 1, "n": runs, "url": url}
                )
                report, slowdown = self.measured(url, slowdown)
                reports.append(report)
            chosen = lighthouse.median_run(reports)
            self.save(path, chosen)
            found = lighthouse.categories(chosen)
            for line in report_lines(label, url, found, threshold):
                self.stdout.write(line)
            below += sum(not category.passes(threshold) for category in found)
        return below

    def save(self, path, report):
        if self.options["save"]:
            folder = Path(self.options["save"])
            folder.mkdir(parents=True, exist_ok=True)
            name = path.strip("/").replace("/", "_") or "home"
            (folder / f"{name}.json").write_text(json.dumps(report))

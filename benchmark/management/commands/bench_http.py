"""The portal under load as deployed: gunicorn and nginx on loopback, measured with wrk.

On the current database (the demo after ``make run``, or any ``DATABASE_URL``) it starts, from
deploy/'s own files and through deploy/drill.py's ``Stack``:

- app server "cached": gunicorn with the production settings, the app's page cache on;
- app server "uncached": the same with ``PAGE_CACHE_ENABLED=false``, so every request renders
  (template fragments and other caches as in production);
- nginx from the shipped site (deploy/render.py) in front of "cached", its micro-cache on, and
  serving each page's HTML as a static file under /static/ (the limit).

Both app servers route the floor view (``BENCHMARK_FLOOR_VIEW``). Every target is run in turn,
round after round, so a disturbance of the shared machine touches all of them alike; the
report gives the median over the rounds. Then the uncached server is loaded up to 10,000
requests in all and each worker's memory is printed.
"""

import os
import re
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Site

from benchmark import http
from core.queries import reader_pages

ROOT = Path(settings.BASE_DIR)
sys.path.insert(0, str(ROOT / "deploy"))
from drill import Stack  # noqa: E402  (deploy/ is scripts, not a package)

MEMORY_REQUESTS = 10_000
MEMORY_SECONDS = 180  # the most the top-up may take when the uncached pages are slow
MEMORY_LIMIT_MB = 200
TAG_LINK = re.compile(r'href="(/the/[^"/]+/)"')
SEARCH = "/tim-kiem/?q=nong+thon+moi"
READER_HOST = "127.0.0.1"


def newest(model):
    site = Site.objects.get(is_default_site=True)
    pages = reader_pages().readable().descendant_of(site.root_page)
    app_label, name = model.split(".")
    pages = pages.filter(content_type__app_label=app_label, content_type__model=name)
    return pages.order_by("-first_published_at").first()


def reader_paths(client):
    """One address of every reader page type: the newest of each, its category and tag."""
    paths = {"home": "/"}
    news = newest("articles.newspage")
    if news is not None:
        paths["category"] = news.get_parent().get_url()
        paths["news item"] = news.get_url()
        tag = TAG_LINK.search(client.get(news.get_url()).content.decode())
        if tag:
            paths["tag"] = tag.group(1)
    register, directive = (
        newest("directives.directiveindexpage"),
        newest("directives.directivepage"),
    )
    if register is not None:
        paths["register"] = register.get_url()
    if directive is not None:
        paths["directive"] = directive.get_url()
    paths.update({"search": SEARCH, "rss": "/rss/", "sitemap": "/sitemap.xml"})
    return paths


def count_queries(client, path, cached):
    """SQL queries of one request in the steady state: rendered (page cache off), or answered
    from the page cache after it was stored."""
    with override_settings(PAGE_CACHE_ENABLED=cached), http.quiet_request_log():
        client.get(path)
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
    return len(queries)


def worker_memory(master_pid):
    """{pid: RSS in MB} of a gunicorn master's workers."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    found = {}
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        found[int(pid)] = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
    return found


class Command(BaseCommand):
    help = "Load the reader pages through gunicorn and nginx with wrk: rates and ratios."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument("--duration", type=int, default=3, help="Seconds per wrk run.")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server.")
        parser.add_argument(
            "--port-base", type=int, default=9700, help="Ports used: base+1 .. base+4."
        )

    def handle(self, *args, **options):
        self.options = options
        if shutil.which("wrk") is None:
            raise CommandError("wrk is missing: apt-get install wrk")
        # A stopped run (Ctrl-C, a timeout's TERM) still stops the servers it started.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        client = Client(HTTP_HOST="localhost")
        paths = reader_paths(client)
        self.say(f"Pages: {', '.join(f'{name} {path}' for name, path in paths.items())}")
        details = {
            name: [count_queries(client, path, False), count_queries(client, path, True), None]
            for name, path in paths.items()
        }
        base = options["port_base"]
        ports = {
            "cached": base + 1,
            "uncached": base + 2,
            "http": base + 3,
            "https": base + 4,
            "redis": base + 5,
        }
        with self.stack(ports) as stack:
            targets = self.targets(stack, ports, paths, details)
            self.measure(targets)
            report = http.rows(targets)
            self.say("")
            for line in http.table(report, details):
                self.say(line)
            self.goals(report)
            self.memory(stack, targets)
            self.lighthouse(f"https://{READER_HOST}:{ports['https']}")

    def say(self, text):
        self.stdout.write(text)
        self.stdout.flush()

    @contextmanager
    def stack(self, ports):
        stack = Stack(ports=ports, prefix="portal-bench-")
        stack.env = self.server_env(stack)
        self.stack_dir = stack.dir
        try:
            self.say("Starting: collectstatic, Redis, two gunicorn servers, nginx")
            if not os.environ.get("REDIS_URL"):
                # As deployed: one cache for every worker, so a page is stored once.
                stack.start_redis()
                stack.env["REDIS_URL"] = f"redis://127.0.0.1:{ports['redis']}/0"
            stack.manage("collectstatic", "--noinput")
            stack.start_gunicorn("cached", ports["cached"])
            stack.start_gunicorn("uncached", ports["uncached"], env={"PAGE_CACHE_ENABLED": "false"})
            stack.start_nginx(upstreams=("cached",))
            yield stack
        finally:
            stack.stop_all()

    def server_env(self, stack):
        """The production settings on this machine's database, media and cache."""
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="site_config.settings.production",
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS=f"{READER_HOST},localhost",
            DATABASE_URL=env.get("DATABASE_URL")
            or f"sqlite:///{settings.DATABASES['default']['NAME']}",
            MEDIA_ROOT=str(settings.MEDIA_ROOT),
            STATIC_ROOT=str(stack.dir / "static"),
            BEHIND_TRUSTED_PROXY="true",
            BENCHMARK_FLOOR_VIEW="true",
            GUNICORN_WORKERS=str(self.options["workers"]),
            GUNICORN_MAX_REQUESTS="0",
            DEBUG="false",
        )
        return env

    def fetch(self, url, direct):
        """(status, headers, body) of one GET, as nginx would ask an app server or as a reader."""
        headers = {"X-Forwarded-Proto": "https"} if direct else {}
        request = urllib.request.Request(url, headers=headers)
        context = ssl._create_unverified_context()
        try:
            with urllib.request.urlopen(request, context=context, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def targets(self, stack, ports, paths, details):
        app = {name: f"http://{READER_HOST}:{ports[name]}" for name in ("cached", "uncached")}
        nginx = f"https://{READER_HOST}:{ports['https']}"
        static = stack.dir / "static" / "_benchmark"
        static.mkdir()
        found = [
            http.Target("floor", http.FLOOR, app["uncached"] + "/_benchmark/floor/", "uncached")
        ]
        for name, path in paths.items():
            status, headers, body = self.fetch(app["uncached"] + path, direct=True)
            if status != 200:
                raise CommandError(f"{path}: status {status} from the uncached server")
            details[name][2] = len(body)
            file_name = f"{name.replace(' ', '-')}.html"
            (static / file_name).write_bytes(body)
            for _warm in range(3):  # the page cache stores on the first, nginx on the first too
                cached = self.fetch(app["cached"] + path, direct=True)[1].get("X-Page-Cache")
                micro = self.fetch(nginx + path, direct=False)[1].get("X-Cache-Status")
            self.say(f"  {name}: {len(body)} bytes, app cache {cached}, nginx cache {micro}")
            found += [
                http.Target(name, http.UNCACHED, app["uncached"] + path, "uncached"),
                http.Target(name, http.CACHED, app["cached"] + path, "cached"),
                http.Target(name, http.MICRO, nginx + path),
                http.Target(name, http.STATIC, f"{nginx}/static/_benchmark/{file_name}"),
            ]
        return found

    def wrk(self, url, duration):
        script = Path(self.options["script"])
        command = [
            "wrk",
            "-t2",
            f"-c{self.options['connections']}",
            f"-d{duration}s",
            "--timeout",
            "30s",
        ]
        command += ["-s", str(script), url]
        if url.startswith("http://"):
            command += ["-H", "X-Forwarded-Proto: https"]
        output = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
        return http.parse_wrk(output.stdout + output.stderr)

    def measure(self, targets):
        rounds, duration = self.options["rounds"], self.options["duration"]
        script = self.stack_dir / "wrk.lua"
        script.write_text(http.WRK_SCRIPT)
        self.options["script"] = script
        self.say(f"Measuring: {len(targets)} targets, {rounds} rounds of {duration} s each")
        for number in range(1, rounds + 1):
            started = time.monotonic()
            for target in targets:
                target.runs.append(self.wrk(target.url, duration))
            self.say(f"  round {number}/{rounds} in {time.monotonic() - started:.0f} s")

    def goals(self, report):
        self.say("")
        self.say("Goals (ratios of this run):")
        for goal in http.goals(report):
            value = "-" if goal.value is None else f"{goal.value:.2f}"
            verdict = "ok  " if goal.met else "MISS"
            self.say(f"  {verdict} {goal.label}: {value} (at least {goal.target})")

    def memory(self, stack, targets):
        """Load the uncached server up to 10,000 requests in all, then each worker's RSS."""
        uncached = [t for t in targets if t.server == "uncached" and t.kind == http.UNCACHED]
        sent = sum(t.requests for t in targets if t.server == "uncached")
        if sent < MEMORY_REQUESTS:
            rate = sum(t.median("rate") for t in uncached) / len(uncached)
            seconds = min((MEMORY_REQUESTS - sent) / max(rate, 1), MEMORY_SECONDS)
            per_page = max(1, round(seconds / len(uncached) + 0.5))
            self.say(f"Memory: {sent} requests so far, {per_page} s more on every page")
            for target in uncached:
                sent += self.wrk(target.url, per_page).requests
        self.say("")
        self.say(
            f"Memory after {sent} requests to the uncached server (goal < {MEMORY_LIMIT_MB} MB):"
        )
        for name in ("uncached", "cached"):
            served = sum(t.requests for t in targets if t.server == name)
            for pid, rss in sorted(worker_memory(stack.processes[name].pid).items()):
                verdict = "ok  " if rss < MEMORY_LIMIT_MB else "MISS"
                self.say(f"  {verdict} {name} worker {pid}: {rss:.0f} MB RSS")
            if name == "cached":
                self.say(f"  (cached server: {served} requests in all)")

    def lighthouse(self, base_url):
        """Lighthouse's scores of the home page and a news page, through the shipped nginx."""
        self.say("")
        self.say(f"Lighthouse on {base_url}:")
        command = [sys.executable, "manage.py", "lighthouse", "--base-url", base_url]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
        self.say((result.stdout + result.stderr).rstrip())

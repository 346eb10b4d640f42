#!/usr/bin/env python3
"""The shipped deployment on loopback, from deploy/'s own files, then its drills.

    .venv/bin/python deploy/drill.py check faults backup

Starts a private PostgreSQL cluster and a private redis-server (never the machine's), loads
the demo, runs two gunicorn app servers and nginx on DRILL_PORT_BASE+n (9500 by default) in a
throw-away folder, and stops all of it at the end.

- check: pages, images, a live document through X-Accel-Redirect, a private one refused (also
  by its /media/ path), a cache HIT that honours Vary and Authorization, an edit on one app server seen through the other, a
  session from one valid on the other, the body limit, one JSON log line per request id.
- backup: manage.py backup, restore into another database and media folder, compare.
- faults: PostgreSQL stopped under load (errors only while down, recovery within 10 s, no saved
  draft lost); Redis stopped (pages served, editors still signed in).
- lighthouse: manage.py lighthouse (mobile scores of the home page and a news item) through
  nginx, as readers get the pages: compressed, static files cached for a year.
"""

import concurrent.futures
import glob
import hashlib
import http.client
import json
import os
import re
import secrets
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
BASE = int(os.environ.get("DRILL_PORT_BASE", "9500"))
PORTS = {"app1": BASE + 1, "app2": BASE + 2, "pg": BASE + 32, "redis": BASE + 39}
PORTS.update({"http": BASE + 40, "https": BASE + 43})
HOST = "portal.test"
# Debian's prefix: modules-enabled names its modules relative to it; every other path is absolute.
NGINX_PREFIX = "/usr/share/nginx/"
PASSWORD = secrets.token_urlsafe(16)
# Extra arguments of manage.py lighthouse in the lighthouse phase (`--runs 3`, `--report-only`).
LIGHTHOUSE_ARGS = os.environ.get("LIGHTHOUSE_ARGS", "").split()
FAILURES = []


def say(text):
    print(text, flush=True)


def expect(condition, label, detail=""):
    say(f"  {'ok  ' if condition else 'FAIL'} {label}" + (f"  ({detail})" if detail else ""))
    if not condition:
        FAILURES.append(label)


def pg_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]


class Client:
    """HTTP(S) to nginx or straight to one app server, with a cookie jar."""

    def __init__(self, port, tls):
        self.port, self.tls, self.cookies = port, tls, {}

    def request(self, method, path, body=None, headers=None):
        context = ssl._create_unverified_context() if self.tls else None
        if self.tls:
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=context, timeout=90)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=90)
        sent = {"Host": HOST, **(headers or {})}
        if not self.tls and self.port != PORTS["http"]:
            sent.setdefault("X-Forwarded-Proto", "https")  # as nginx says it
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request(method, path, body=body, headers=sent)
        raw = conn.getresponse()
        response = Response(raw.status, raw.getheaders(), raw.read())
        conn.close()
        for value in response.all("Set-Cookie"):
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post_form(self, path, fields):
        token = self.cookies.get("csrftoken", "")
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields})
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        headers["Referer"] = headers["Origin"] = f"https://{HOST}"
        headers["Referer"] += path
        return self.request("POST", path, body=data, headers=headers)

    def login(self, username, password):
        self.get("/admin/login/")
        response = self.post_form("/admin/login/", {"username": username, "password": password})
        return response.status == 302 and "sessionid" in self.cookies


class Stack:
    """Processes of the deployment in a throw-away folder: by default the drill's private
    PostgreSQL and Redis; the benchmark (benchmark/management/commands/bench_http.py) gives
    its own ports and points the environment at the current database instead."""

    def __init__(self, ports=PORTS, prefix="portal-drill-"):
        self.ports = ports
        self.dir = Path(tempfile.mkdtemp(prefix=prefix))
        self.dir.chmod(0o755)
        self.processes = {}
        self.pgdata = self.dir / "pgdata"
        self.env = {
            key: value for key, value in os.environ.items() if key in {"PATH", "HOME", "LANG"}
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="site_config.settings.production",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{PORTS['pg']}/portal",
            REDIS_URL=f"redis://127.0.0.1:{PORTS['redis']}/0",
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS=HOST,
            WAGTAILADMIN_BASE_URL=f"https://{HOST}",
            MEDIA_ROOT=str(self.dir / "media"),
            STATIC_ROOT=str(self.dir / "static"),
            LOG_FORMAT="json",
            BEHIND_TRUSTED_PROXY="true",
            LOG_LEVEL="WARNING",
            GUNICORN_WORKERS="2",
            DEMO_PASSWORD=PASSWORD,
            PYTHONUNBUFFERED="1",
        )

    # --- private services -------------------------------------------------------------
    def as_postgres(self, *command):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run(prefix + list(command), capture_output=True, text=True, check=True)

    def start_postgres(self, first=False):
        if first:
            self.pgdata.mkdir()
            if os.geteuid() == 0:
                shutil.chown(self.pgdata, "postgres", "postgres")
            self.as_postgres(
                pg_bin("initdb"),
                "-D",
                str(self.pgdata),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
            )
        options = f"-p {PORTS['pg']} -c listen_addresses=127.0.0.1 -k {self.pgdata}"
        self.as_postgres(
            pg_bin("pg_ctl"),
            "-D",
            str(self.pgdata),
            "-l",
            str(self.pgdata / "server.log"),
            "-w",
            "-o",
            options,
            "start",
        )

    def stop_postgres(self, mode="fast"):
        self.as_postgres(pg_bin("pg_ctl"), "-D", str(self.pgdata), "-m", mode, "-w", "stop")

    def createdb(self, name):
        subprocess.run(
            [pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(PORTS["pg"]), "-U", "postgres", name],
            check=True,
        )

    def start_redis(self):
        port = self.ports.get("redis", PORTS["redis"])
        self.processes["redis"] = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(port)

    def stop_redis(self):
        process = self.processes.pop("redis")
        process.terminate()
        process.wait(10)

    # --- the portal -----------------------------------------------------------------
    def shell(self, code, env=None):
        """The last line a shell snippet prints (apps may print before it)."""
        return self.manage("shell", code=code, env=env).strip().splitlines()[-1]

    def manage(self, *args, env=None, code=None):
        command = [str(BIN / "python"), "manage.py", *args]
        if code is not None:
            command += ["-c", code]
        result = subprocess.run(
            command, cwd=ROOT, env={**self.env, **(env or {})}, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def start_gunicorn(self, name, port, env=None):
        log = open(self.dir / f"gunicorn-{port}.log", "w")
        self.processes[name] = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "--config",
                "deploy/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            stdout=log,
            stderr=log,
        )
        wait_for_port(port, timeout=60)

    def start_nginx(self, upstreams=("app1", "app2")):
        ports = self.ports
        env_file = self.dir / "portal.env"
        env_file.write_text(
            "\n".join(
                [
                    f"ALLOWED_HOSTS={HOST}",
                    f"NGINX_HTTP_LISTEN=127.0.0.1:{ports['http']}",
                    f"NGINX_HTTPS_LISTEN=127.0.0.1:{ports['https']}",
                    "NGINX_UPSTREAMS=" + " ".join(f"127.0.0.1:{ports[name]}" for name in upstreams),
                    f"NGINX_CACHE_DIR={self.dir / 'nginx-cache'}",
                    f"NGINX_LOG_DIR={self.dir}",
                    f"TLS_CERTIFICATE={self.dir / 'cert.pem'}",
                    f"TLS_CERTIFICATE_KEY={self.dir / 'key.pem'}",
                    f"STATIC_ROOT={self.env['STATIC_ROOT']}",
                    f"MEDIA_ROOT={self.env['MEDIA_ROOT']}",
                ]
            )
        )
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                f"/CN={HOST}",
                "-keyout",
                str(self.dir / "key.pem"),
                "-out",
                str(self.dir / "cert.pem"),
            ],
            check=True,
            capture_output=True,
        )
        site = subprocess.run(
            [sys.executable, str(ROOT / "deploy" / "render.py"), str(env_file)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        (self.dir / "portal.conf").write_text(site)
        temp = self.dir / "nginx-temp"
        temp.mkdir()
        main = f"""daemon off;
pid {self.dir}/nginx.pid;
error_log {self.dir}/nginx-main-error.log warn;
worker_processes 1;
include /etc/nginx/modules-enabled/*.conf;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.dir}/portal.conf;
}}
"""
        (self.dir / "nginx.conf").write_text(main)
        test = subprocess.run(
            ["nginx", "-t", "-p", NGINX_PREFIX, "-c", str(self.dir / "nginx.conf")],
            capture_output=True,
            text=True,
        )
        if test.returncode != 0:
            raise RuntimeError(test.stderr)
        self.processes["nginx"] = subprocess.Popen(
            ["nginx", "-p", NGINX_PREFIX, "-c", str(self.dir / "nginx.conf")]
        )
        wait_for_port(ports["https"])

    def stop_all(self):
        for process in reversed(list(self.processes.values())):
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        if (self.pgdata / "postmaster.pid").exists():
            self.stop_postgres("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


def wait_for_port(port, timeout=30):
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


FIXTURES = """
import json
from urllib.parse import urlparse
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from articles.models import NewsPage
from directives.models import DirectiveIndexPage, DirectivePage
from tests.factories import make_directive, make_document
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page
# An editor with publish rights but none of the roles that require two-factor login.
group = Group.objects.create(name="Drill publishers")
group.permissions.add(Permission.objects.get(codename="access_admin"))
for codename in ("add_page", "change_page", "publish_page"):
    GroupPagePermission.objects.create(group=group, page=Page.objects.get(depth=2),
        permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"))
user = get_user_model().objects.create_user("drill-admin", "drill@example.com", "{password}")
user.groups.add(group)
live = next(p for p in DirectivePage.objects.live() if p.attachments.exists())
document = live.attachments.first().document
private = make_document("Dự thảo kín", name="du-thao-kin.pdf")
make_directive(DirectiveIndexPage.objects.first(), "99/DT-DRILL", live=False, attachments=[private])
news = NewsPage.objects.live().order_by("-first_published_at").first()
image = get_image_model().objects.first().get_rendition("fill-320x180")
print(json.dumps({{
    "live_doc": document.url, "live_file": document.file.name, "private_doc": private.url,
    "private_file": private.file.name, "image": image.url, "news_id": news.pk,
    "news_path": urlparse(news.full_url).path,
}}))
"""


def set_up(stack):
    say("Setting up: private PostgreSQL and Redis, migrate, load_demo, collectstatic")
    stack.start_postgres(first=True)
    stack.createdb("portal")
    stack.start_redis()
    stack.manage("migrate", "--noinput")
    stack.manage("load_demo")
    stack.manage("collectstatic", "--noinput")
    fixtures = json.loads(stack.shell(FIXTURES.format(password=PASSWORD)))
    stack.start_gunicorn("app1", PORTS["app1"])
    stack.start_gunicorn("app2", PORTS["app2"])
    stack.start_nginx()
    for port in (PORTS["app1"], PORTS["app2"]):  # first requests load templates: not timed here
        started = time.monotonic()
        status = Client(port, tls=False).get("/").status
        say(f"  app server {port}: home page {status} in {time.monotonic() - started:.1f} s")
    return fixtures


def deploy_check(stack, fx):
    say("Deploy check (nginx + two gunicorn from deploy/)")
    web = Client(PORTS["https"], tls=True)
    plain = Client(PORTS["http"], tls=False).get("/tim-kiem/")
    expect(
        plain.status == 301 and plain.header("Location") == f"https://{HOST}/tim-kiem/",
        "HTTP redirects to HTTPS",
        plain.header("Location"),
    )
    first, second = web.get("/"), web.get("/")
    expect(first.status == 200, "home page served", first.status)
    expect(
        second.header("X-Cache-Status") == "HIT",
        "second anonymous request is a cache HIT",
        f"{first.header('X-Cache-Status')} then {second.header('X-Cache-Status')}",
    )
    expect(len(first.all("Strict-Transport-Security")) == 1, "HSTS sent once")
    micro_cache_honours_vary(web)
    css = re.search(rb'href="(/static/css/portal\.[0-9a-f]+\.css)"', first.body)
    expect(css is not None, "hashed static file linked")
    if css:
        static = web.get(css.group(1).decode(), **{"Accept-Encoding": "gzip"})
        expect(
            static.status == 200 and "immutable" in ", ".join(static.all("Cache-Control")),
            "static file with a long cache lifetime",
            static.header("Cache-Control"),
        )
        expect(static.header("Content-Encoding") == "gzip", "static file gzipped")
        brotli = web.get(css.group(1).decode(), **{"Accept-Encoding": "br"})
        expect(brotli.header("Content-Encoding") == "br", "static file in brotli")
    image = web.get(fx["image"])
    expect(
        image.status == 200 and image.header("Content-Type") == "image/png",
        "media image served",
        f"{image.status} {image.header('Content-Type')}",
    )
    on_disk = (Path(stack.env["MEDIA_ROOT"]) / fx["live_file"]).read_bytes()
    document = web.get(fx["live_doc"])
    expect(
        document.status == 200 and document.body == on_disk,
        "live document served (bytes identical)",
        f"{document.status}, {len(document.body)} B",
    )
    expect(
        document.header("X-Accel-Redirect") is None
        and document.header("Content-Security-Policy") == "default-src 'none'"
        and document.header("X-Content-Type-Options") == "nosniff",
        "document sent by nginx with CSP and nosniff, no internal path shown",
    )
    for label, path in [
        ("private document refused by the download view", fx["private_doc"]),
        ("private document refused by its /media/ path", f"/media/{fx['private_file']}"),
        ("live document not served by its /media/ path either", f"/media/{fx['live_file']}"),
        ("internal location not reachable", f"/_protected_media/{fx['private_file']}"),
    ]:
        response = web.get(path)
        expect(response.status == 404 and b"%PDF" not in response.body, label, response.status)
    conn = http.client.HTTPSConnection(
        "127.0.0.1", PORTS["https"], context=ssl._create_unverified_context()
    )
    conn.putrequest("POST", "/admin/login/", skip_host=True)
    conn.putheader("Host", HOST)
    conn.putheader("Content-Length", str(22 * 1024 * 1024))
    conn.endheaders()
    too_big = conn.getresponse().status
    expect(too_big == 413, "a body over the upload limit is refused by nginx", too_big)
    health = web.get("/healthz")
    expect(health.status == 200 and json.loads(health.body)["status"] == "ok", "healthz ok")
    one = Client(PORTS["app1"], tls=False)
    two = Client(PORTS["app2"], tls=False)
    expect(one.login("drill-admin", PASSWORD), "signed in on app server 1")
    two.cookies = dict(one.cookies)
    admin = two.get("/admin/")
    expect(admin.status == 200, "the session made on server 1 is valid on server 2", admin.status)
    expect(two.get(fx["news_path"]).status == 200, "news page live on server 2")
    one.get(f"/admin/pages/{fx['news_id']}/unpublish/")
    unpublished = one.post_form(f"/admin/pages/{fx['news_id']}/unpublish/", {})
    seen = Client(PORTS["app2"], tls=False).get(fx["news_path"]).status
    expect(
        unpublished.status == 302 and seen == 404,
        "unpublished through server 1, gone on server 2",
        f"{unpublished.status}, {seen}",
    )
    bypass = Client(PORTS["https"], tls=True)
    bypass.cookies = dict(one.cookies)
    expect(bypass.get("/").header("X-Cache-Status") == "BYPASS", "signed-in editor bypasses cache")
    probe = web.get("/?log-probe=1")
    request_id = probe.header("X-Request-ID")
    lines = []
    for port in (PORTS["app1"], PORTS["app2"]):
        for line in (stack.dir / f"gunicorn-{port}.log").read_text().splitlines():
            if request_id and request_id in line:
                lines.append(json.loads(line))
    expect(
        len(lines) == 1 and lines[0]["path"] == "/" and lines[0]["status"] == 200,
        "one JSON log line with nginx's request id",
        request_id,
    )


def micro_cache_honours_vary(web):
    """The page in nginx's micro-cache reaches only clients that would get the same answer."""
    zipped = web.get("/", **{"Accept-Encoding": "gzip"})
    plain = web.get("/")
    varies = zipped.all("Vary")
    expect(
        zipped.header("Content-Encoding") == "gzip" and "Accept-Encoding" in ", ".join(varies),
        "gzip for a client that asks, with Vary: Accept-Encoding for caches further out",
        f"{zipped.header('Content-Encoding')}; Vary: {varies}",
    )
    expect(
        plain.header("X-Cache-Status") == "HIT"
        and not plain.header("Content-Encoding")
        and plain.body.lstrip().startswith(b"<!DOCTYPE"),
        "a cached page reaches a client that did not ask for gzip uncompressed",
        f"{plain.header('X-Cache-Status')}, {plain.header('Content-Encoding')}",
    )
    signed = web.get("/", Authorization="Basic dXNlcjpwYXNz")
    expect(
        signed.header("X-Cache-Status") == "BYPASS",
        "a request with Authorization is never answered from the micro-cache",
        signed.header("X-Cache-Status"),
    )


def load(stop, results):
    """Searches for a new word each time: no cache answers them, and search reads the database
    on every request (the home page renders from its kept frame and fragments without it)."""
    web = Client(PORTS["https"], tls=True)
    counter = 0
    while not stop.is_set():
        counter += 1
        try:
            status = web.get(f"/tim-kiem/?q=drill{threading.get_ident()}x{counter}").status
        except OSError:
            status = 0
        results.append((time.monotonic(), status))
        time.sleep(0.05)


def postgres_drill(stack):
    say("Drill: PostgreSQL stopped and started under load")
    draft = stack.shell(
        "from articles.models import NewsPage; p = NewsPage.objects.live().first(); "
        "p.title = 'Bản nháp trước sự cố'; r = p.save_revision(); print(r.pk)"
    )
    stop, results = threading.Event(), []
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for _ in range(4):
            pool.submit(load, stop, results)
        time.sleep(3)
        down = time.monotonic()
        stack.stop_postgres("immediate")
        time.sleep(5)
        stack.start_postgres()
        up = time.monotonic()
        time.sleep(12)
        stop.set()
    bad = [(t, s) for t, s in results if s != 200]
    before = [s for t, s in bad if t < down]
    late = [s for t, s in bad if t > up + 10]
    recovered = next((t for t, s in results if t > up and s == 200), None)
    say(f"  {len(results)} requests, {len(bad)} failed, all between stop and restart + 10 s")
    expect(not before, "no error before PostgreSQL stopped", before[:5])
    expect(len(bad) > 0, "errors while PostgreSQL was down (the drill bites)", len(bad))
    expect(
        recovered is not None and recovered - up < 10,
        "recovered within 10 s",
        f"{(recovered or 0) - up:.1f} s",
    )
    expect(not late, "no error after recovery", late[:5])
    kept = stack.shell(
        f"from wagtail.models import Revision; print(Revision.objects.get(pk={draft}).content['title'])"
    )
    expect(kept == "Bản nháp trước sự cố", "the draft saved before the crash is kept")


def redis_drill(stack):
    say("Drill: Redis stopped")
    editor = Client(PORTS["https"], tls=True)
    expect(editor.login("drill-admin", PASSWORD), "signed in through nginx while Redis runs")
    stack.stop_redis()
    statuses = [Client(PORTS["https"], tls=True).get(f"/?r={n}").status for n in range(20)]
    expect(set(statuses) == {200}, "pages served while Redis is down", sorted(set(statuses)))
    expect(editor.get("/admin/").status == 200, "editor still signed in while Redis is down")
    health = Client(PORTS["https"], tls=True).get("/healthz")
    expect(
        health.status == 200 and json.loads(health.body)["cache"] == "error",
        "healthz reports the cache down, keeps the server in rotation",
        health.body.decode(),
    )
    late = Client(PORTS["https"], tls=True)
    expect(late.login("drill-admin", PASSWORD), "signing in works while Redis is down")
    stack.start_redis()
    expect(
        editor.get("/admin/").status == 200 and late.get("/admin/").status == 200,
        "both sessions valid after Redis restarted (empty)",
    )


def backup_drill(stack):
    say("Drill: backup, restore into another database and media folder, compare")
    out = stack.manage("backup", "--output", str(stack.dir / "backups"))
    say("  " + out.strip().replace("\n", "\n  "))
    backup_dir = next((stack.dir / "backups").iterdir())
    stack.createdb("portal_restored")
    target = {
        "DATABASE_URL": stack.env["DATABASE_URL"].replace("/portal", "/portal_restored"),
        "MEDIA_ROOT": str(stack.dir / "media-restored"),
    }
    out = stack.manage("restore", str(backup_dir), env=target)
    say("  " + out.strip().replace("\n", "\n  "))
    expect("the content matches the backup" in out, "restore reports identical content")
    code = "import json; from operations.fingerprint import content_fingerprint as f; print(json.dumps(f()))"
    expect(
        stack.shell(code) == stack.shell(code, env=target),
        "page tree, revisions, documents, images, users, groups identical",
    )
    source, copy = (
        Path(stack.env["MEDIA_ROOT"]) / "documents",
        Path(target["MEDIA_ROOT"]) / "documents",
    )
    expect(digest(source) == digest(copy), "document bytes identical", f"{len(digest(copy))} files")
    refused = subprocess.run(
        [str(BIN / "python"), "manage.py", "restore", str(backup_dir)],
        cwd=ROOT,
        env={**stack.env, **target},
        capture_output=True,
        text=True,
    )
    expect(
        refused.returncode != 0 and "not empty" in refused.stderr,
        "a second restore into the filled database is refused",
    )


def lighthouse_scores(stack):
    say("Lighthouse through nginx (mobile)")
    base_url = f"https://{HOST}:{PORTS['https']}"
    command = [str(BIN / "python"), "manage.py", "lighthouse", "--base-url", base_url]
    result = subprocess.run(
        [*command, "--resolve", "127.0.0.1", *LIGHTHOUSE_ARGS], cwd=ROOT, env=stack.env
    )
    expect(result.returncode == 0, "Lighthouse scores at least 95 on both pages")


def digest(folder):
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}


def main(phases):
    phases = phases or ["check", "backup", "faults"]
    started = time.monotonic()
    stack = Stack()
    try:
        fixtures = set_up(stack)
        say(f"  ready in {time.monotonic() - started:.0f} s")
        if "check" in phases:
            deploy_check(stack, fixtures)
        if "backup" in phases:
            backup_drill(stack)
        if "faults" in phases:
            postgres_drill(stack)
            redis_drill(stack)
        if "lighthouse" in phases:
            lighthouse_scores(stack)
    finally:
        stack.stop_all()
    say(
        f"Done in {time.monotonic() - started:.0f} s: "
        + (f"{len(FAILURES)} FAILED: {', '.join(FAILURES)}" if FAILURES else "all checks passed")
    )
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

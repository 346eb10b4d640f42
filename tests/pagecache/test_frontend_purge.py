"""Purges reach the cache in front of the app (nginx, Varnish) as HTTP PURGE requests.

A real HTTP listener on the loopback stands where nginx's purge location would be and
records what it is sent, through Wagtail's frontend cache backend as configured from the
environment in production.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.factories import make_news

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_listener(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_publishing_sends_purges_for_the_page_and_its_listings(
    purge_listener, committed, province, first_item
):
    with committed():
        news = make_news(province, "Tin mới về OCOP", tags=["OCOP"])
    paths = {path for _host, path in purge_listener}
    assert {host for host, _path in purge_listener} == {"localhost"}
    expected = {news.url, province.url, f"{province.url}rss/", "/rss/", "/the/ocop/"}
    expected |= {first_item.url, "/sitemap.xml", "/tim-kiem/", "/"}
    assert expected <= paths


def test_settings_read_the_purge_backends_from_the_environment():
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(sorted(settings.WAGTAILFRONTENDCACHE))"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "site_config.settings.dev",
        "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:8080",
        "CLOUDFLARE_ZONE_ID": "zone",
        "CLOUDFLARE_BEARER_TOKEN": "token",
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.stdout.strip() == "['cloudflare', 'http']", out.stderr

"""Security headers, cookies and session expiry, read from real responses and settings."""

import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from security.middleware import AdminIdleTimeoutMiddleware
from tests.factories import make_image, make_news, make_news_index, make_superuser

pytestmark = pytest.mark.django_db
BASE_DIR = Path(settings.BASE_DIR)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture
def news_item(home_page, site_settings):
    return make_news(make_news_index(home_page), "Tin có ảnh", featured_image=make_image())


def test_reader_pages_forbid_inline_script_and_outside_origins(client, news_item):
    for url in ("/", news_item.url, "/tim-kiem/?q=nong+thon"):
        response = client.get(url)
        assert response.status_code == 200
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], f"{url}: scripts from the site only"
        assert "'unsafe-inline'" not in policy["style-src"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        outside = [
            source
            for name, sources in policy.items()
            if name != "frame-src"
            for source in sources
            if source.startswith(("http:", "https:", "*"))
        ]
        assert outside == [], f"{url} allows outside origins {outside}"
        assert set(policy["frame-src"]) - {"'self'"} == set(settings.CSP_FRAME_SOURCES)


def test_reader_pages_need_no_inline_script_or_style(client, news_item):
    """What the policy forbids is not in the markup: no inline script or style attribute."""
    for url in ("/", news_item.url):
        html = client.get(url).content.decode()
        assert "style=" not in html, f"{url} has an inline style attribute"
        for chunk in html.split("<script")[1:]:
            opening = chunk.split(">", 1)[0]
            assert "src=" in opening or "application/ld+json" in opening, (
                f"{url} has an inline script"
            )


def test_the_admin_policy_allows_no_eval_and_no_outside_origin(client):
    """Wagtail 8 writes inline scripts, so the admin allows those; never eval, never elsewhere."""
    policy = directives(client.get(reverse("wagtailadmin_login")))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"], "the live preview frames the admin itself"
    assert not any(
        source.startswith(("http:", "https:")) for sources in policy.values() for source in sources
    )


def test_every_response_carries_the_other_headers(client, home_page):
    for url in ("/", reverse("wagtailadmin_login"), "/khong-co-trang-nay/"):
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert "Content-Security-Policy" in response


def test_the_admin_asks_gravatar_for_nothing(client):
    client.force_login(make_superuser())
    for url in (reverse("wagtailadmin_home"), reverse("wagtailusers_users:index")):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), f"{url} sends an e-mail hash to Gravatar"


def test_an_idle_admin_session_ends(client, settings):
    settings.ADMIN_IDLE_MINUTES = 30
    client.force_login(make_superuser())
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    session = client.session
    session[AdminIdleTimeoutMiddleware.SESSION_KEY] = int(time.time()) - 31 * 60
    session.save()
    answer = client.get(reverse("wagtailadmin_explore_root"))
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session, "the idle session is signed out"


def test_an_active_admin_session_goes_on(client, settings):
    settings.ADMIN_IDLE_MINUTES = 30
    client.force_login(make_superuser())
    session = client.session
    session[AdminIdleTimeoutMiddleware.SESSION_KEY] = int(time.time()) - 29 * 60
    session.save()
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert time.time() - client.session[AdminIdleTimeoutMiddleware.SESSION_KEY] < 5


# Production settings, read in a fresh interpreter as gunicorn would ---------------------

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "site_config.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "nongthonmoi.hatinh.gov.vn",
    "DATABASE_URL": "sqlite:///:memory:",
}
PRINT_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps("
    "{name: getattr(s, name, None) for name in ["
    "'SECURE_PROXY_SSL_HEADER', 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY',"
    "'SESSION_COOKIE_SAMESITE', 'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_HTTPONLY',"
    "'CSRF_COOKIE_SAMESITE', 'WAGTAIL_GRAVATAR_PROVIDER_URL', 'SESSION_COOKIE_AGE']}))"
)


def production(extra=None, *args):
    # The browser tests' process-wide async switch is theirs, not the production server's.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {**inherited, **PRODUCTION_ENV, **(extra or {})}
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def production_settings(extra=None):
    result = production(extra, "-c", PRINT_SETTINGS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_cookies_are_secure_httponly_and_same_site():
    values = production_settings()
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"] and values["CSRF_COOKIE_HTTPONLY"]
    assert values["SESSION_COOKIE_SAMESITE"] == values["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert values["WAGTAIL_GRAVATAR_PROVIDER_URL"] is None
    assert values["SESSION_COOKIE_AGE"] <= 24 * 3600, "no more 14-day sessions"


def test_the_proxy_header_is_believed_only_when_the_proxy_is_trusted():
    assert production_settings()["SECURE_PROXY_SSL_HEADER"] is None
    trusted = production_settings({"BEHIND_TRUSTED_PROXY": "true"})
    assert trusted["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_a_client_reaching_the_app_directly_cannot_claim_https(client, home_page, settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.SECURE_SSL_REDIRECT = True
    answer = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert answer.status_code == 301 and answer["Location"].startswith("https://"), (
        "without a trusted proxy the forged header is ignored and the redirect to HTTPS stays"
    )

"""Settings come from the environment; production refuses unsafe values."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "9f8a7s6d5f4g3h2j1k0l-qwertyuiopasdfghjkl",
    "ALLOWED_HOSTS": "nongthonmoi.hatinh.gov.vn",
}
SHOW_SETTINGS = (
    "import json, django; from django.conf import settings as s; django.setup(); "
    "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], "
    "'name': str(s.DATABASES['default']['NAME']), 'cache': s.CACHES['default']['BACKEND'], "
    "'session': s.SESSION_ENGINE, 'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS, "
    "'lang': s.LANGUAGE_CODE, 'tz': s.TIME_ZONE, 'use_tz': s.USE_TZ, "
    "'email_host': s.EMAIL_HOST, 'media': str(s.MEDIA_ROOT)}))"
)


def run_python(code, module, **env_values):
    """Run ``code`` in a fresh interpreter with only the given settings variables set."""
    env = {key: value for key, value in os.environ.items() if key in {"PATH", "HOME", "LANG"}}
    env.update({"DJANGO_SETTINGS_MODULE": module, **env_values})
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def load_settings(module, **env_values):
    result = run_python(SHOW_SETTINGS, module, **env_values)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_dev_defaults_to_sqlite_under_var_and_local_memory_cache():
    values = load_settings("site_config.settings.dev")
    assert values["db"] == "django.db.backends.sqlite3"
    assert values["name"] == str(PROJECT_ROOT / "var" / "db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["session"] == "django.contrib.sessions.backends.db"
    assert values["debug"] is True
    assert (values["lang"], values["tz"], values["use_tz"]) == ("vi", "Asia/Ho_Chi_Minh", True)


def test_environment_overrides_database_cache_hosts_and_email():
    values = load_settings(
        "site_config.settings.dev",
        DATABASE_URL="postgres://portal@db.internal:5432/portal",
        REDIS_URL="redis://cache.internal:6379/1",
        ALLOWED_HOSTS="a.gov.vn, b.gov.vn",
        DEBUG="false",
        EMAIL_HOST="smtp.hatinh.gov.vn",
        MEDIA_ROOT="/srv/shared/media",
    )
    assert values["db"] == "django.db.backends.postgresql"
    assert values["name"] == "portal"
    assert values["cache"] == "django_redis.cache.RedisCache"
    assert values["session"] == "django.contrib.sessions.backends.cached_db"
    assert values["hosts"] == ["a.gov.vn", "b.gov.vn"]
    assert values["debug"] is False
    assert values["email_host"] == "smtp.hatinh.gov.vn"
    assert values["media"] == "/srv/shared/media"


@pytest.mark.parametrize(
    "missing, message",
    [("SECRET_KEY", "SECRET_KEY must be set"), ("ALLOWED_HOSTS", "ALLOWED_HOSTS must list")],
)
def test_production_refuses_to_start_without_secret_key_or_hosts(missing, message):
    env_values = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_python(SHOW_SETTINGS, "site_config.settings.production", **env_values)
    assert result.returncode != 0, "production must not start without " + missing
    assert message in result.stderr


def test_production_refuses_the_development_key():
    result = run_python(
        SHOW_SETTINGS,
        "site_config.settings.production",
        SECRET_KEY="dev-only-insecure-key-do-not-use-in-production-xxxxxxxxxx",
        ALLOWED_HOSTS="portal.gov.vn",
    )
    assert result.returncode != 0


def check_deploy(**extra_env):
    code = (
        "import sys; from django.core.management import execute_from_command_line as e; e(sys.argv)"
    )
    env = {key: value for key, value in os.environ.items() if key in {"PATH", "HOME", "LANG"}}
    env.update(
        {"DJANGO_SETTINGS_MODULE": "site_config.settings.production", **PRODUCTION_ENV, **extra_env}
    )
    return subprocess.run(
        [sys.executable, "-c", code, "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_check_deploy_prints_no_warnings():
    """As deployed (deploy/portal.env.example): Redis shared by every server process."""
    result = check_deploy(REDIS_URL="redis://cache.internal:6379/0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_of_a_page_cache_each_process_keeps_alone():
    """Without Redis each gunicorn worker keeps its own pages, and a purge reaches one."""
    result = check_deploy()
    assert result.returncode != 0
    assert "pagecache.W001" in result.stdout + result.stderr
    assert check_deploy(PAGE_CACHE_ENABLED="false", FRAGMENT_CACHE_ENABLED="false").returncode == 0


def test_redis_cache_and_sessions_work_when_configured():
    code = (
        "import django; django.setup(); from django.core.cache import cache; "
        "cache.set('portal-test', 'Hà Tĩnh', 30); print(cache.get('portal-test'))"
    )
    result = run_python(code, "site_config.settings.dev", REDIS_URL="redis://127.0.0.1:6379/15")
    if "Connection refused" in result.stderr or "Error 111" in result.stderr:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Hà Tĩnh"

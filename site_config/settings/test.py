"""Test runs: fast hashing, in-memory e-mail, media in a throw-away folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "nukeviet.hashers.NukeVietSSHA512PasswordHasher",
]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(env("MEDIA_ROOT", tempfile.mkdtemp(prefix="portal-media-")))
STORAGES = {
    "default": {"BACKEND": "operations.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests of other areas change pages without publishing; the page cache's own tests turn it on.
PAGE_CACHE_ENABLED = False
FRAGMENT_CACHE_ENABLED = False  # the page cache tests turn both on

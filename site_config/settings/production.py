"""Production: everything from the environment, and refusal to start on unsafe values."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env, env_bool, env_int, env_list

DEBUG = False

if not SECRET_KEY or len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the portal's host names in production.")

STORAGES = {
    "default": {"BACKEND": "operations.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# SECURE_PROXY_SSL_HEADER: only with BEHIND_TRUSTED_PROXY (base.py).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Document downloads: the app checks, nginx sends the bytes (X-Accel-Redirect). Set
# DOCUMENTS_X_ACCEL_REDIRECT=false only when no nginx from deploy/ is in front.
if env_bool("DOCUMENTS_X_ACCEL_REDIRECT", True):
    SENDFILE_BACKEND = "operations.sendfile_nginx"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# Wagtail's live preview shows the page in a same-origin frame, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

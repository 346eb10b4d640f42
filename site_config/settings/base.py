"""Settings shared by every environment, read from the environment (12-factor).

Each server keeps no state of its own: the database comes from DATABASE_URL, cache and
sessions go to Redis when REDIS_URL is set, media live under MEDIA_ROOT (shared storage in
production).
"""

import os
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env(name, default=None):
    """Read a setting from the environment; empty values count as unset."""
    value = os.environ.get(name, "")
    return value if value.strip() else default


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name, default=()):
    value = env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name, default):
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from error


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "articles",
    "directives",
    "editorial",
    "pages",
    "nukeviet",
    "generator",
    "search",
    "demo",
    "benchmark",
    "translations",
    "operations",
    "security",
    "pagecache",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "editorial.accounts.BoardUsersConfig",  # wagtail.users with the board's user screens
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "operations.middleware.health_check_middleware",
    "operations.middleware.request_log_middleware",
    "django.middleware.security.SecurityMiddleware",
    "security.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # --- Page cache (pagecache/): answers anonymous readers before sessions, auth and
    # routing run, so keep it above them; see "Page cache" below for its settings.
    "pagecache.middleware.PageCacheMiddleware",
    # The site, home page, menu and settings of a reader's page, kept under the fragment
    # generation: pages the cache does not answer skip those four queries.
    "pagecache.frame.FrameCacheMiddleware",
    # ---
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "security.middleware.AdminIdleTimeoutMiddleware",
    "security.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Answers old NukeViet addresses on a 404, after Wagtail's redirects (listed below it).
    "nukeviet.middleware.OldLinkMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "operations.middleware.media_write_error_middleware",
    "axes.middleware.AxesMiddleware",
    "core.middleware.BoundedAdminSearchMiddleware",  # admin searches stay bounded queries
]

ROOT_URLCONF = "site_config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "site_config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# The language of the NukeViet content the import read (its --lang): old addresses in another
# language name other rows and are left alone.
NUKEVIET_LANGUAGE = env("NUKEVIET_LANGUAGE", "vi")


def redis_caches(location, key_prefix):
    """The caches when Redis is configured (the Redis tests build theirs with it too)."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": key_prefix,
            "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
            # A Redis outage must not become an error page: reads miss, writes are dropped.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 1,
            },
        },
        # Each process's copies of the page cache's entries, valid while no purge happens
        # (pagecache.store): one small read from Redis instead of the whole page.
        "pagecache_local": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pagecache_local",
            "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_LOCAL_ENTRIES", 1000)},
        },
        # Wagtail's renditions, looked up (and written again) on every render of an image: their
        # key names the image file's hash, focal point and filter, so a copy in each process
        # never shows a replaced file, and saves two round trips per image.
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }


REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, env("CACHE_KEY_PREFIX", "portal"))
    PAGE_CACHE_LOCAL_ALIAS = "pagecache_local"
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "portal.cache"
    # Sessions are written to the database and read through Redis: a Redis restart logs no one out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},  # room for the page cache of one process
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
    PAGE_CACHE_LOCAL_ALIAS = None  # the cache is already the process's memory

# Django's default hashers, then NukeViet's: imported accounts keep their old passwords until
# their first login, which re-hashes them with the first (preferred) hasher.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "nukeviet.hashers.NukeVietSSHA512PasswordHasher",
]

# --- Page cache (pagecache/) ------------------------------------------------------------
# Anonymous readers' pages are kept in the cache above (Redis when REDIS_URL is set) until
# a change purges them; nginx, Varnish or a CDN in front keep them PAGE_CACHE_SHARED_MAX_AGE
# seconds and are sent purges through Wagtail's frontend cache backends.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 3600)
PAGE_CACHE_SHARED_MAX_AGE = env_int("PAGE_CACHE_SHARED_MAX_AGE", 60)
# Costly template fragments ({% fragment %}) kept in the same cache, ended by every purge.
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE_ENABLED", True)
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/django-admin/"]
PAGE_CACHE_EXCLUDED_PATHS += [env("MEDIA_URL", "/media/"), env("STATIC_URL", "/static/")]
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):  # nginx (cache purge module) or Varnish: HTTP PURGE
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_ZONE_ID"):  # a CDN in front of the site
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
    }
# ------------------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# The site frame's catalogue first, then the project's complete copies of Wagtail's
# catalogues (translations/upstream_catalogues.py), one folder per package.
LOCALE_PATHS = [
    BASE_DIR / "locale",
    *sorted(path for path in (BASE_DIR / "locale" / "upstream").glob("*") if path.is_dir()),
]
FORMAT_MODULE_PATH = ["site_config.formats"]  # day-first input formats (formats/vi/formats.py)
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = env("STATIC_URL", "/static/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = env("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "operations.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# "Name <address>, address": who receives a mail with the traceback of every server error.
ADMINS = [(name, address) for name, address in getaddresses([env("ADMINS", "")]) if address]
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Submissions are mailed to the reviewers of the step, not to every technical superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Cổng thông tin điện tử")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = (
    True  # the admin keeps accents in the slug box; core.text makes it ASCII
)
# "simple": no English stemming or stop words on Vietnamese text (PostgreSQL; SQLite ignores it).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "directives.forms.DirectiveDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Decompression bombs: a 100-megapixel PNG is 1.3 MB on the wire and some 400 MB decoded in
# every rendition. 25 megapixels takes any camera photo (6000 x 4000) and stays near 100 MB.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Approving a workflow's last step publishes without a publish right (editorial/workflows.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved_revision"
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

# The development server's media (images only, operations/views.py); never in production.
DEV_MEDIA_SERVER = False
# The trivial view make bench measures every page against (benchmark/views.py): routed only
# on the benchmark's own app servers, which set it in their environment.
BENCHMARK_FLOOR_VIEW = env_bool("BENCHMARK_FLOOR_VIEW", False)
# nginx's internal location for document downloads (deploy/nginx/portal.conf), when
# SENDFILE_BACKEND is operations.sendfile_nginx (production.py).
DOCUMENTS_ACCEL_REDIRECT_PREFIX = "/_protected_media/"

# One line per request on stderr (logger portal.request), text or JSON (LOG_FORMAT=json), each
# record with its request id; server errors also mailed to ADMINS when DEBUG is off.
LOG_FORMAT = env("LOG_FORMAT", "text")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}")

# Sign-in protection, two-factor login, headers and cookies (security/) ---------------------
# A proxy's X-Forwarded-Proto and X-Forwarded-For are believed only when it is declared trusted:
# otherwise a client reaching the app server directly could claim HTTPS or another address.
BEHIND_TRUSTED_PROXY = env_bool("BEHIND_TRUSTED_PROXY", False)
if BEHIND_TRUSTED_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

AUTHENTICATION_BACKENDS = [
    "security.backends.LockoutBackend",  # refuses a locked account + address pair first
    "django.contrib.auth.backends.ModelBackend",
]
# Locked per account *and* address, for a limited time: nobody can lock the board out for good.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False
AXES_CLIENT_IP_CALLABLE = "security.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "security.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
WAGTAILADMIN_USER_LOGIN_FORM = "security.lockout.LockoutAwareLoginForm"

OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Sessions end after ADMIN_IDLE_MINUTES without a request to the admin, and SESSION_COOKIE_AGE
# after sign-in whatever happens ("remember me" included).
ADMIN_IDLE_MINUTES = env_int("ADMIN_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The admin's scripts read the CSRF token from the form or the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a same-origin frame, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
# Avatars from Gravatar would send each editor's e-mail hash to an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The dashboard would ask releases.wagtail.org for the latest version from every editor's browser.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Third-party frames a reader page may show (embedded videos); nothing else leaves the site.
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES", ["https://www.youtube.com", "https://www.youtube-nocookie.com"]
)
# ---------------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "operations.logs.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "operations.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        "portal.request": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Its 4xx warnings would be a second line for the same request; errors stay.
        "django.request": {
            "handlers": ["console", "mail_admins"],
            "level": "ERROR",
            "propagate": False,
        },
    },
}

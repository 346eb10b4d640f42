"""Where the Vietnamese catalogues that complete Wagtail's own live, and how they are rebuilt.

Wagtail ships Vietnamese for about a fifth of its strings. The project keeps complete copies
under ``locale/upstream/<package>/`` (listed in LOCALE_PATHS) so that an upgrade of Wagtail
cannot erase them; ``update_upstream_translations`` rebuilds them from the installed
packages' English catalogues, keeping every translation already made.
"""

import importlib.util
from pathlib import Path

from django.conf import settings

UPSTREAM_DIR = Path(settings.BASE_DIR) / "locale" / "upstream"
DOMAINS = ("django", "djangojs")
PACKAGES = (
    "wagtail",
    "wagtail.admin",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail_modeladmin",
)


def package_locale_dir(package):
    spec = importlib.util.find_spec(package)
    return Path(next(iter(spec.submodule_search_locations))) / "locale"


def source_catalogue(package, domain, language="en"):
    """The installed package's catalogue (English lists every msgid), or None."""
    path = package_locale_dir(package) / language / "LC_MESSAGES" / f"{domain}.po"
    return path if path.exists() else None


def project_catalogue(package, domain):
    return UPSTREAM_DIR / package / "vi" / "LC_MESSAGES" / f"{domain}.po"


def catalogue_pairs():
    """(package, domain, installed English path, project Vietnamese path) for every catalogue."""
    for package in PACKAGES:
        for domain in DOMAINS:
            source = source_catalogue(package, domain)
            if source:
                yield package, domain, source, project_catalogue(package, domain)

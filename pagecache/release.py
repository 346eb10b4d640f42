"""The release of the code that renders pages, part of the key of everything the cache keeps.

Kept pages and fragments are HTML made by one version of the templates and translations, and
kept frames and routes are objects pickled by one version of the models. After a deployment the
new code must neither serve the old markup until the next purge (up to ``PAGE_CACHE_TIMEOUT``)
nor read back objects whose classes changed (an error page). The release is a digest of the
files that shape them, the same on every server that runs the same code. Purge tokens and the
generation are not part of it: a purge during a rolling deployment reaches both releases.
"""

import functools
import hashlib
from pathlib import Path

from django.apps import apps
from django.conf import settings

SUFFIXES = {".py", ".html", ".mo", ".css", ".js", ".svg"}


def digest(base, roots, files=()):
    """A short digest of ``files`` and of every file of ``roots`` with one of ``SUFFIXES``,
    each named by its path relative to ``base``."""
    found = {Path(path) for path in files if Path(path).is_file()}
    for root in roots:
        found |= {path for path in Path(root).rglob("*") if path.suffix in SUFFIXES}
    hasher = hashlib.md5(usedforsecurity=False)
    for path in sorted(found):
        hasher.update(str(path.relative_to(base)).encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()[:12]


@functools.cache
def current():
    """This process's release."""
    return digest(*sources())


def sources():
    """(base, roots, files): the project's own apps, templates and translations, and the
    pinned requirements (a new Wagtail renders differently too)."""
    base = Path(settings.BASE_DIR).resolve()
    own_apps = [Path(app.path).resolve() for app in apps.get_app_configs()]
    roots = [path for path in own_apps if path.parent == base]  # not the packages of a venv
    return base, [*roots, base / "templates", base / "locale"], [base / "requirements.txt"]

"""The whole demo content loaded once per test process, for the tests that read it.

``load_demo`` takes far longer than any test that reads its content, so the tests marked
``demo`` share one load: it runs inside an outer transaction that stays open while they run
(each of them in its own savepoint) and is rolled back before any other test, which therefore
still starts from an empty site.
"""

from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from wagtail.models import Site

from tests.factories import ensure_site

# Where the demo is loaded as served: load_demo points the site at WAGTAILADMIN_BASE_URL.
DEMO_BASE_URL = "http://127.0.0.1:8123"


class SharedDemo:
    def __init__(self, django_db_blocker):
        self.blocker = django_db_blocker
        self.outer = None

    def load(self):
        if self.outer is not None:
            return
        with self.blocker.unblock():
            if connection.in_atomic_block:
                raise RuntimeError(
                    "the demo content must be loaded before the test's transaction opens: "
                    "make demo_site the test's first fixture"
                )
            self.outer = transaction.atomic()
            self.outer.__enter__()
            ensure_site()
            with override_settings(WAGTAILADMIN_BASE_URL=DEMO_BASE_URL):
                call_command("load_demo", verbosity=0)

    def drop(self):
        if self.outer is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.outer.__exit__(None, None, None)
        self.outer = None
        # A rollback does not clear what Wagtail cached about the demo's site.
        Site.clear_site_root_paths_cache()

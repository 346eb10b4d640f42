"""Fixtures shared by the whole suite."""

import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

from core.counts import new_version
from tests import db_snapshot
from tests.factories import ensure_site, make_news_index, portal_settings
from tests.shared_demo import SharedDemo
from tests.two_factor import install_verified_login

SHARED_DEMO = pytest.StashKey[SharedDemo]()


def pytest_configure(config):
    """Test databases come from the migrated snapshot of an earlier run (tests/db_snapshot.py)."""
    if getattr(config, "cache", None) is None:  # -p no:cacheprovider: migrate as usual
        return
    folder = config.cache.mkdir(db_snapshot.CACHE_FOLDER)
    db_snapshot.install(folder, rebuild=config.getoption("create_db"))


@pytest.fixture
def home_page(db):
    return ensure_site()


@pytest.fixture
def site_settings(home_page):
    return portal_settings()


@pytest.fixture
def news_root(home_page, site_settings):
    """A small news tree: "Tin tức - Sự kiện" with its sub-categories below."""
    return make_news_index(home_page, "Tin tức - Sự kiện", show_in_menus=True)


@pytest.fixture
def province(news_root):
    return make_news_index(news_root, "Tin trong tỉnh")


@pytest.fixture
def districts(news_root):
    return make_news_index(news_root, "Tin huyện, thị xã")


@pytest.fixture(scope="session")
def shared_demo(request, django_db_setup, django_db_blocker):
    """The demo content of this test process, loaded when a demo test first needs it."""
    demo = SharedDemo(django_db_blocker)
    request.config.stash[SHARED_DEMO] = demo
    yield demo
    demo.drop()


@pytest.fixture
def demo_site(request, shared_demo):
    """The home page of the whole demo content, as ``load_demo`` leaves it on a fresh site.

    The content is loaded once per test process and kept in an outer transaction; each test
    runs in its own savepoint inside it, so what a test changes is rolled back after it. It
    must be the test's first fixture: the load has to happen before the test's own transaction
    is opened (tests using it are marked ``demo`` and run first; see the hooks below).
    """
    shared_demo.load()
    request.getfixturevalue("db")
    return ensure_site()


def pytest_collection_modifyitems(config, items):
    """Tests on the shared demo content run first and together, so each process loads it once."""
    for item in items:
        if "demo_site" not in getattr(item, "fixturenames", ()):
            continue
        if item.get_closest_marker("django_db"):
            raise pytest.UsageError(
                f"{item.nodeid}: demo_site gives the database access; a django_db mark would "
                "open the test's transaction before the demo content is loaded"
            )
        item.add_marker(pytest.mark.demo)
    items.sort(key=lambda item: item.get_closest_marker("demo") is None)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any other test, roll the shared demo content back: it sees an empty site."""
    demo = item.config.stash.get(SHARED_DEMO, None)
    if demo is not None and item.get_closest_marker("demo") is None:
        demo.drop()


@pytest.fixture(scope="session", autouse=True)
def throw_away_media():
    """Remove the media folder the test settings made for this run (never a configured one)."""
    yield
    media_root = Path(settings.MEDIA_ROOT)
    made_for_the_run = media_root.name.startswith("portal-media-")
    if made_for_the_run and media_root.parent == Path(tempfile.gettempdir()):
        shutil.rmtree(media_root, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def signed_in_with_second_factor():
    """Leaders and superusers signed in by the test client have passed the second step too."""
    from django.test import Client

    plain_login = install_verified_login()
    yield
    Client._login = plain_login


@pytest.fixture(autouse=True)
def fresh_listing_counts():
    """A count cached by a test whose writes were rolled back must not reach the next test."""
    new_version()

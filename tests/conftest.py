"""Fixtures shared by the whole suite."""

import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import ensure_site, portal_settings
from tests.two_factor import install_verified_login


@pytest.fixture
def home_page(db):
    return ensure_site()


@pytest.fixture
def site_settings(home_page):
    return portal_settings()


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

"""Fixtures shared by the whole suite."""

import pytest

from tests.factories import ensure_site, portal_settings


@pytest.fixture
def home_page(db):
    return ensure_site()


@pytest.fixture
def site_settings(home_page):
    return portal_settings()

"""A small news tree: "Tin tức - Sự kiện" with two sub-categories."""

import pytest

from tests.factories import make_news_index


@pytest.fixture
def news_root(home_page, site_settings):
    return make_news_index(home_page, "Tin tức - Sự kiện", show_in_menus=True)


@pytest.fixture
def province(news_root):
    return make_news_index(news_root, "Tin trong tỉnh")


@pytest.fixture
def districts(news_root):
    return make_news_index(news_root, "Tin huyện, thị xã")

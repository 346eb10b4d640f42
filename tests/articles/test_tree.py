"""The page tree rules: categories nest under the home page, news only under a category."""

import pytest

from articles.models import NewsIndexPage, NewsPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_news_index_is_allowed_under_home_and_under_another_category(home_page, news_root):
    assert NewsIndexPage.can_create_at(home_page), "a top category must be creatable on home"
    assert NewsIndexPage.can_create_at(news_root), "categories must nest"
    assert set(NewsIndexPage.allowed_parent_page_models()) == {HomePage, NewsIndexPage}


def test_news_page_only_under_a_category_and_has_no_children(home_page, news_root):
    assert NewsPage.can_create_at(news_root)
    assert not NewsPage.can_create_at(home_page), "a news item must sit in a category"
    assert NewsPage.allowed_subpage_models() == [], "a news item is a leaf"
    assert "articles.NewsIndexPage" in HomePage.subpage_types
    assert HomePage not in HomePage.allowed_subpage_models()


def test_admin_refuses_a_news_page_under_the_home_page(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/add/articles/newspage/{home_page.pk}/")
    assert response.status_code == 302 and response["Location"] == "/admin/", (
        "adding news directly under home must be refused"
    )


def test_admin_add_form_for_news_under_a_category_renders(admin_client, news_root):
    response = admin_client.get(f"/admin/pages/add/articles/newspage/{news_root.pk}/")
    assert response.status_code == 200
    assert "published_at" in response.content.decode()

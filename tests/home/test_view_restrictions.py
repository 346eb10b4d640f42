"""Private sections stay private: the one-query restriction check agrees with Wagtail's own."""

import pytest
from wagtail.models import Page, PageViewRestriction

from tests.factories import make_news, make_news_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page):
    public = make_news_index(home_page, "Tin công khai")
    private = make_news_index(home_page, "Tin nội bộ")
    district = make_news_index(private, "Tin huyện")
    return {
        "public": public,
        "private": private,
        "district": district,
        "public news": make_news(public, "Tin mở"),
        "private news": make_news(district, "Tin kín"),
    }


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )


def both_checks(page):
    ours = set(page.get_view_restrictions())
    wagtails = set(Page.get_view_restrictions(page))
    return ours, wagtails


def test_restrictions_of_the_page_and_its_ancestors_match_wagtail(tree):
    on_private = restrict(tree["private"])
    on_public_news = restrict(tree["public news"])
    expected = {
        "public": set(),
        "private": {on_private},
        "district": {on_private},
        "private news": {on_private},
        "public news": {on_public_news},
    }
    for name, restrictions in expected.items():
        ours, wagtails = both_checks(tree[name])
        assert ours == wagtails == restrictions, name


def test_an_alias_carries_the_restrictions_of_its_source(tree):
    on_private = restrict(tree["private"])
    alias = tree["private"].create_alias(
        parent=tree["public"], update_slug="ban-sao", recursive=True
    )
    news_under_alias = alias.get_children().get().specific
    for page in (alias, news_under_alias):
        ours, wagtails = both_checks(page)
        assert ours == wagtails == {on_private}


def test_readers_get_the_password_form_not_the_private_news(client, tree):
    restrict(tree["private"])
    response = client.get(tree["private news"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tin kín" not in html and 'name="password"' in html
    assert "Tin mở" in client.get(tree["public news"].url).content.decode()


def test_routing_answers_the_view_check_and_still_guards_private_sections(client, tree):
    """Routing annotates whether a restriction applies; a private section's pages at every
    depth, reached through the reader's address, still ask for the password."""
    from tests.factories import make_directive, make_directive_index

    register = make_directive_index(tree["public"].get_parent(), "Văn bản nội bộ")
    directive = make_directive(register, "12-NQ/TU")
    restrict(tree["private"])
    restrict(register)
    for page in [tree["private"], tree["district"], tree["private news"], register, directive]:
        response = client.get(page.url)
        assert response.status_code == 200 and "password" in response.content.decode(), page.url
        assert page.title not in response.content.decode() or page == tree["private"], page.url
    assert "Tin mở" in client.get(tree["public news"].url).content.decode()

"""The demo loader's news: categories, volume, the reference article, menus and link lists."""

import re

import pytest
from django.core.management import call_command

from articles.models import NewsIndexPage, NewsPage
from home.models import PortalSettings

pytestmark = pytest.mark.django_db


def test_demo_builds_categories_news_and_the_reference_article(client, home_page):
    call_command("load_demo", verbosity=0)
    top = NewsIndexPage.objects.get(title="Tin tức - Sự kiện")
    assert top.show_in_menus and top.get_parent().specific == home_page
    assert {child.title for child in top.get_children()} >= {"Tin trong tỉnh", "Tin huyện, thị xã"}
    assert NewsPage.objects.live().count() >= 40
    assert NewsPage.objects.filter(featured_image__isnull=True).count() == 0
    assert NewsPage.objects.filter(tagged_items__isnull=True).count() == 0

    reference = NewsPage.objects.get(source_name="Anh Hoài/baohatinh.vn", title__contains="BTV")
    text = re.sub(r"<[^>]+>", "", client.get(reference.url).content.decode())
    assert "Theo Anh Hoài/baohatinh.vn" in text, "the source line reads as on the old portal"
    assert "phường Bắc Hà ban hành Nghị quyết chuyên đề" in text

    settings = PortalSettings.objects.get()
    assert settings.sidebar_links.links.count() >= 3 and settings.footer_links_id
    assert client.get(top.url).status_code == 200

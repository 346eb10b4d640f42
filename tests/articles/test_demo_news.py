"""The demo loader's news: categories, volume, the reference article, menus and link lists."""

import re

from django.core.management import call_command

from articles.models import NewsIndexPage, NewsPage
from home.models import PortalSettings
from tests.shared_demo import DEMO_BASE_URL


def test_demo_builds_categories_news_and_the_reference_article(demo_site, client):
    top = NewsIndexPage.objects.get(title="Tin tức - Sự kiện")
    assert top.show_in_menus and top.get_parent().specific == demo_site
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


def test_demo_news_cites_the_reference_resolution_and_it_lists_them(demo_site, client, settings):
    from directives.models import DirectivePage

    settings.WAGTAILADMIN_BASE_URL = DEMO_BASE_URL
    call_command("load_demo", verbosity=0)  # a second run, on top of the shared one
    news = NewsPage.objects.get(title__startswith="Hà Tĩnh triển khai Nghị quyết số 57-NQ/TW")
    resolution = DirectivePage.objects.get(number="57-NQ/TW")
    assert [link.directive.number for link in news.related_directive_links.all()] == [
        "57-NQ/TW",
        "45/KH-VPĐP",
    ], "a second run must not link twice"
    assert f'href="{resolution.url}"' in client.get(news.url).content.decode()
    assert f'href="{news.url}"' in client.get(resolution.url).content.decode()

"""Images are responsive and light, and a news page stays under 100 KB compressed.

The featured image (above the fold) comes as WebP with a JPEG fallback, in two widths with
``sizes``, with its width and height so the layout does not jump, and is not lazy; images
further down (the body, the lists) load lazily. The page's HTML, stylesheets and scripts,
gzip-compressed as nginx sends them, weigh under 100 KB; images are not counted.
"""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

from tests.factories import make_image, make_news, make_news_index

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024


@pytest.fixture
def illustrated(home_page, site_settings):
    category = make_news_index(home_page, "Tin tức - Sự kiện")
    image = make_image("Ảnh hội nghị")
    body = [("paragraph", "<p>Nội dung hội nghị.</p>" * 40)]
    body.append(("image", {"image": image, "alt_text": "Toàn cảnh hội nghị", "caption": ""}))
    news = make_news(category, "Hội nghị có ảnh", featured_image=image, body=body)
    for number in range(6):
        make_news(category, f"Tin khác {number}", featured_image=image)
    return news


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, flags=re.S)


def test_featured_image_is_responsive_webp_with_dimensions_and_not_lazy(client, illustrated):
    html = client.get(illustrated.url).content.decode()
    featured, in_body = pictures(html)[:2]
    assert 'type="image/webp"' in featured and featured.count(".webp ") == 2, "two widths"
    assert re.search(r'<img[^>]* width="\d+"', featured)
    assert re.search(r'<img[^>]* height="\d+"', featured)
    assert "sizes=" in featured and 'loading="lazy"' not in featured
    assert 'loading="lazy"' in in_body and 'type="image/webp"' in in_body


def test_list_images_are_lazy_responsive_and_sized(client, illustrated):
    html = client.get(illustrated.get_parent().url).content.decode()
    cards = pictures(html)
    assert len(cards) >= 6
    for card in cards:
        assert 'loading="lazy"' in card and card.count(".webp ") == 2
        assert 'width="220"' in card and 'height="124"' in card


def test_news_page_with_its_css_and_js_is_under_100_kb_compressed(client, illustrated):
    html = client.get(illustrated.url).content
    assets = re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(rb'<script[^>]+src="([^"]+)"', html)
    assert assets, "the page links its stylesheet"
    total = len(gzip.compress(html))
    for url in assets:
        path = url.decode().removeprefix("/static/")
        found = finders.find(path)
        assert found, url
        with open(found, "rb") as asset:
            total += len(gzip.compress(asset.read()))
    assert total < BUDGET, f"{total} bytes compressed"

"""generate_content through the command line: pages in the tree that readers and search find."""

import re
import unicodedata
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, ReferenceIndex

from articles.models import NewsIndexPage, NewsPage, NewsTag
from core.text import fold_for_search
from directives.models import DirectiveIndexPage, DirectivePage, DirectiveRelation
from tests.factories import portal_settings

pytestmark = pytest.mark.django_db

NEWS, DIRECTIVES = 40, 12


def generate(*extra, news=NEWS, directives=DIRECTIVES, seed=7, batch_size=4):
    out = StringIO()
    call_command(
        "generate_content",
        "--news",
        str(news),
        "--directives",
        str(directives),
        "--seed",
        str(seed),
        "--batch-size",
        str(batch_size),  # relations and citations point to pages of earlier batches
        "--no-progress",
        *extra,
        stdout=out,
    )
    return out.getvalue()


@pytest.fixture
def generated(home_page):
    portal_settings()
    return generate()


def test_generated_pages_sit_in_a_valid_tree_with_their_data(generated):
    """One generation, checked from every side (generating is the slow part)."""
    _categories_are_three_levels_deep_under_the_news_index()
    _tree_is_valid_and_numchild_is_right()
    _slugs_are_ascii_and_text_is_nfc()
    _both_tone_placements_appear()
    _news_have_tags_images_and_directives_reference_data_and_relations()


def test_report_says_what_was_added_and_that_a_rerun_adds_more(generated):
    assert f"tin bài đã thêm:        {NEWS}" in generated, "the report speaks Vietnamese"
    assert f"văn bản đã thêm:        {DIRECTIVES}" in generated
    assert "trang/giây" in generated and "bộ nhớ cao nhất" in generated
    assert "Chạy lại sẽ thêm" in generated

    second = generate()
    assert NewsPage.objects.count() == 2 * NEWS, "a rerun adds as many again"
    assert DirectivePage.objects.count() == 2 * DIRECTIVES
    assert "chuyên mục tin đã thêm: 0" in second, "the categories are found, not made twice"


def _categories_are_three_levels_deep_under_the_news_index():
    news_index = NewsIndexPage.objects.child_of(Page.objects.get(depth=2)).get()
    leaves = {page.get_parent().pk for page in NewsPage.objects.all()}
    for leaf in NewsIndexPage.objects.filter(pk__in=leaves):
        assert leaf.depth == news_index.depth + 3, "news live in the third level of categories"
        assert leaf.path.startswith(news_index.path)
    assert NewsIndexPage.objects.descendant_of(news_index).count() > 40


def _tree_is_valid_and_numchild_is_right():
    assert Page.find_problems() == ([], [], [], [], []), "treebeard finds no problem"
    for page in Page.objects.filter(numchild__gt=0) | Page.objects.filter(depth__lte=3):
        assert page.numchild == page.get_children().count(), page.url_path
    assert not Page.objects.filter(latest_revision__isnull=True, depth__gt=2).exists()
    assert not Page.objects.filter(live=True, live_revision__isnull=True, depth__gt=2).exists()


def _slugs_are_ascii_and_text_is_nfc():
    for page in Page.objects.filter(depth__gt=2).specific():
        assert re.fullmatch(r"[a-z0-9-]+", page.slug), page.slug
        assert unicodedata.is_normalized("NFC", page.title), page.title
    for news in NewsPage.objects.all():
        assert unicodedata.is_normalized("NFC", news.lead)
        body = str(news.body.raw_data)
        assert unicodedata.is_normalized("NFC", body)


def _both_tone_placements_appear():
    text = " ".join(
        f"{news.title} {news.lead} {news.body.raw_data}" for news in NewsPage.objects.all()
    )
    assert re.search(r"\b(hòa|thủy|ủy)", text), "the old placement"
    assert re.search(r"\b(hoà|thuỷ|uỷ)", text), "the new placement"


def _news_have_tags_images_and_directives_reference_data_and_relations():
    assert NewsTag.objects.filter(tagged_news__isnull=False).exists()
    assert all(news.tags.exists() for news in NewsPage.objects.all()[:10])
    images = set(
        NewsPage.objects.exclude(featured_image=None).values_list("featured_image", flat=True)
    )
    assert 1 < len(images) <= 8, "featured images come from a small shared set"
    directive = DirectivePage.objects.select_related("document_type", "issuing_body").first()
    assert directive.document_type.name and directive.issuing_body.name and directive.signer_name
    assert directive.attachments.exists(), "each directive has its PDF"
    assert DirectiveRelation.objects.filter(source__in=DirectivePage.objects.all()).exists()
    attachment = directive.attachments.get().document
    assert attachment.file.name.endswith(".pdf")
    assert ReferenceIndex.get_references_to(attachment).exists(), "document access sees the use"


def test_fewer_directives_than_a_batch_still_relate_to_each_other(home_page):
    portal_settings()
    generate(news=1, directives=30, batch_size=1000)
    assert DirectiveRelation.objects.exists(), "directives relate to those of earlier batches"


def test_same_seed_gives_the_same_pages(home_page):
    generate(news=20, directives=5, seed=11)
    first = list(Page.objects.filter(depth__gt=3).order_by("path").values_list("title", "slug"))
    Page.objects.filter(depth__gt=2).delete()
    assert not DirectiveIndexPage.objects.exists()
    generate(news=20, directives=5, seed=11)
    again = list(Page.objects.filter(depth__gt=3).order_by("path").values_list("title", "slug"))
    assert again == first


def test_reader_pages_and_search_find_the_generated_content(generated, client):
    news = NewsPage.objects.order_by("-pk").first()
    category = news.get_parent()
    directive = DirectivePage.objects.order_by("-pk").first()
    register = directive.get_parent()
    tag = news.tags.first()
    for url in (news.url, category.url, register.url, directive.url, f"/the/{tag.slug}/"):
        assert client.get(url).status_code == 200, url
    page = client.get(category.url).content.decode()
    assert news.title in page or "page=2" in page
    assert (
        directive.number
        in client.get(register.url + f"?q={directive.number}", follow=True).content.decode()
    )

    for url in (news.url, category.url):  # three levels of categories below the news index
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) <= 12, (
            f"{url}: {len(queries)} queries, routing must not grow with depth"
        )

    words = fold_for_search(news.title).split()[1:5]
    found = client.get("/tim-kiem/", {"q": " ".join(words), "type": "news"})
    assert found.status_code == 200
    assert news in [result.specific for result in found.context["results"].paginator.object_list]


def test_bad_counts_are_refused():
    with pytest.raises(CommandError):
        call_command("generate_content", "--news", "-1")

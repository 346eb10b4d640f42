"""Every reader page stays within 12 SQL queries, and the count does not grow with content.

The demo content is measured first; then a few hundred more news items (tagged, with
images, citing directives) and dozens of related directives are added to the same tree,
and every page must make exactly as many queries as before. The home page's sections,
category page 1 and a page far past the end, a news item, a tag page, the register plain
and with every filter, a directive, search, the feeds and the sitemap are all measured.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import NewsIndexPage, NewsPage, NewsRelatedDirective, NewsTag
from core.bulk import BulkPageWriter
from core.text import fold_for_search
from directives.models import DirectiveIndexPage, DirectivePage, DirectiveRelation

CEILING = 12
ADDED_NEWS = 300
ADDED_DIRECTIVES = 60


def reader_urls():
    """The addresses measured, and the news item and register they were taken from."""
    category = NewsIndexPage.objects.live().filter(depth=4).order_by("path").first()
    item = category.news().first()
    register = DirectiveIndexPage.objects.live().first()
    directive = register.directives().first()
    tag = NewsTag.objects.filter(tagged_news__content_object=item).first()
    word = fold_for_search(directive.title).split()[-1]
    every_filter = (
        f"?q={word}&document_type={directive.document_type_id}"
        f"&issuing_body={directive.issuing_body_id}&year={directive.issued_on.year}"
        f"&status={directive.legal_status}"
    )
    if directive.field_id:
        every_filter += f"&field={directive.field_id}"
    return (
        item,
        register,
        {
            "home": "/",
            "category page 1": category.url,
            "category page 1000": f"{category.url}?page=1000",
            "news item": item.url,
            "tag page": f"/the/{tag.slug}/",
            "tag page 1000": f"/the/{tag.slug}/?page=1000",
            "register": register.url,
            "register, every filter": register.url + every_filter,
            "directive": directive.url,
            "search": "/tim-kiem/?q=nong+thon",
            "search, directives": "/tim-kiem/?q=nong+thon&type=directives",
            "search, news, page 2": "/tim-kiem/?q=nong+thon+moi&type=news&page=2",
            "site feed": "/rss/",
            "category feed": f"{category.url}rss/",
            "sitemap": "/sitemap.xml",
        },
    )


def measure(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # renditions are made on a first visit
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, url)
        assert response.context is None or not _empty(response.context), (name, "lists nothing")
        counts[name] = len(queries)
    return counts


def _empty(context):
    """Whether a listing page lists nothing (an empty page makes fewer queries)."""
    for key in ("directives", "results", "news_page"):
        if key in context and context[key] is not None:
            return not list(context[key])
    return False


def grow(category, register, item):
    """Hundreds of news items in ``category`` around ``item`` and dozens of directives, written
    as imports write them (``BulkPageWriter``: what ``Page.save()`` makes, tests/core)."""
    images = [news.featured_image for news in NewsPage.objects.exclude(featured_image=None)[:5]]
    tags = list(NewsTag.objects.filter(tagged_news__content_object=item))
    cited = list(register.directives()[:5])
    start = timezone.now() - datetime.timedelta(days=ADDED_NEWS)
    writer = BulkPageWriter()
    for number in range(ADDED_NEWS):
        published_at = start + datetime.timedelta(days=number)
        news = NewsPage(
            title=f"Xã số {number} về đích nông thôn mới",
            lead="Tin bổ sung về nông thôn mới.",
            body=[("paragraph", "<p>Nội dung nông thôn mới.</p>")],
            published_at=published_at,
            featured_image=images[number % len(images)] if images else None,
            featured=number % 7 == 0,
            **live_since(published_at),
        )
        news.related_directive_links.add(NewsRelatedDirective(directive=cited[number % 5]))
        news.tags.add(*tags)
        writer.add(category, news)
    template = register.directives().first()
    directives = [
        writer.add(
            register,
            DirectivePage(
                title=f"Kế hoạch số {number}/KH-VPĐP về nông thôn mới",
                number=f"{number}/KH-VPĐP",
                document_type=template.document_type,
                issuing_body=template.issuing_body,
                field=template.field,
                issued_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
                effective_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
                summary="Thực hiện nông thôn mới",
                **live_since(timezone.now()),
            ),
        )
        for number in range(ADDED_DIRECTIVES)
    ]
    writer.flush()
    writer.finish()
    for previous, directive in zip([None, *directives], directives, strict=False):
        for target in filter(None, [previous, template]):
            DirectiveRelation.objects.create(source=directive, target=target, kind="implements")


def live_since(moment):
    return {"live": True, "first_published_at": moment, "last_published_at": moment}


def test_reader_pages_stay_within_the_ceiling_however_much_content(demo_site, client):
    item, register, urls = reader_urls()
    on_demo = measure(client, urls)
    over = {name: count for name, count in on_demo.items() if count > CEILING}
    assert not over, f"more than {CEILING} queries on the demo content: {over}"

    grow(item.get_parent().specific, register, item)
    assert NewsPage.objects.live().count() > ADDED_NEWS
    assert len(NewsPage.objects.get(pk=item.pk).older_news()) == 5, "a full list of neighbours"
    on_more = measure(client, urls)
    over = {name: count for name, count in on_more.items() if count > CEILING}
    assert not over, f"more than {CEILING} queries with hundreds more pages: {over}"
    # Mixed search results load each page type's rows with one query per type shown (two
    # types), so only the searches of one type must match exactly.
    del on_more["search"], on_demo["search"]
    assert on_more == on_demo, "the same number of queries with hundreds more pages"

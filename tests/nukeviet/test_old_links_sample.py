"""Every address of the NukeViet crawl (urls.tsv), asked of the portal after importing the
sample database: each gets the answer the README promises.

The expected answer comes from the row's kind and NukeViet id and from what the import made
of that object (its LegacyRecord), never from the address's shape: the same article must be
reached from all four URL configurations, from stale links and from the query form.
"""

import re
from collections import Counter
from urllib.parse import unquote, urlencode

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from directives.models import DirectiveAttachment
from nukeviet.models import LegacyRecord
from tests.nukeviet.conftest import run_import
from tests.nukeviet.sample import aliases, crawled_urls, table

Kind = LegacyRecord.Kind
NOT_LIVE_ARTICLES = {"47", "48", "49", "50"}  # scheduled, draft, waiting, expired in NukeViet
SWITCHED_OFF_DOCUMENTS = {"16"}  # laws status 0
SITE_HOMES = {"/", "/vi/", "/index.php?language=vi"}
LAWS_TYPES = {alias: row_id for row_id, alias in aliases("nv4_vi_laws_cat").items()}
SIGNERS = {row["id"]: row["title"] for row in table("nv4_vi_laws_signer")}
pytestmark = pytest.mark.slow  # some 3,000 requests


@pytest.fixture(scope="module")
def imported(module_transaction, scratch_source, old_site_root):
    run_import(scratch_source, old_site_root)


@pytest.fixture(autouse=True)
def fragment_cache(settings):
    """As in production, the site frame around the 404 page each old link first gets is
    cached; emptied after each test, since the imported content is rolled back."""
    settings.FRAGMENT_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def expect(imported):
    return Expectation()


class Expectation:
    """What the portal answers one crawled address: (status, Location).

    One per test module: the import's records are read once, and each row's answer and each
    address the expectations themselves ask (tag lists) are kept, so the tests of the module
    that a worker runs share them.
    """

    def __init__(self):
        self.client = Client()
        self.records = None
        self.answers = {}
        self.statuses = {}

    def __call__(self, row):
        if row not in self.answers:
            self.answers[row] = self.expect(row)
        return self.answers[row]

    def expect(self, row):
        method = getattr(self, row.kind, None) or self.by_prefix(row.kind)
        answer = method(row)
        if answer == row.url:  # the old address is already the new page's (config A slugs)
            return 200, None
        return answer if isinstance(answer, tuple) else (301, answer)

    def status_of(self, url):
        """The status a reader gets for ``url``, asked once."""
        if url not in self.statuses:
            self.statuses[url] = self.client.get(url).status_code
        return self.statuses[url]

    def mapped(self, kind, legacy_id, module):
        if self.records is None:
            records = LegacyRecord.objects.select_related("page", "document", "image", "tag")
            self.records = {(r.module, r.kind, r.legacy_id): r for r in records}
        return self.records[(module, kind, str(legacy_id))]

    def page_url(self, kind, legacy_id, module, **params):
        url = self.mapped(kind, legacy_id, module).page.url
        return f"{url}?{urlencode(params)}" if params else url

    def register(self, **params):
        return self.page_url(Kind.DOCUMENT, 0, "laws", **params)

    def reference(self, kind, legacy_id):
        return self.mapped(kind, legacy_id, "laws").object_id

    def by_prefix(self, kind):
        if kind.endswith(("_file", "_image", "_image_thumb")):
            return self.file
        raise AssertionError(f"no expectation for {kind}")

    def news_home(self, row):
        if row.url == "/":
            return 200, None
        if row.url in SITE_HOMES:
            return "/"
        return self.page_url(Kind.CATEGORY, 0, "news")

    def news_category(self, row):
        return self.page_url(Kind.CATEGORY, row.nukeviet_id, "news")

    def news_article(self, row):
        if row.nukeviet_id in NOT_LIVE_ARTICLES:
            return 404, None
        return self.page_url(Kind.ARTICLE, row.nukeviet_id, "news")

    news_attachment_download = news_attachment_pdfview = news_article

    def file(self, row):
        record = self.mapped(Kind.FILE, row.path.lstrip("/"), "")
        return record.document.url if record.document else record.image.file.url

    def news_tag(self, row, kind=Kind.TAG):
        tag = self.mapped(kind, row.nukeviet_id, "news").tag
        url = reverse("articles:tag", kwargs={"slug": tag.slug})
        # A tag no published news carries has no list here (NukeViet showed an empty one).
        return url if self.status_of(url) == 200 else (404, None)

    def news_topic(self, row):
        return self.news_tag(row, Kind.TOPIC)

    def news_topic_index(self, row):
        return self.page_url(Kind.CATEGORY, 0, "news")

    news_author = news_topic_index

    def news_rss(self, row):
        home = self.page_url(Kind.CATEGORY, 0, "news")
        return reverse("articles:feed") if home == "/" else f"{home}rss/"

    def news_rss_category(self, row):
        return f"{self.page_url(Kind.CATEGORY, row.nukeviet_id, 'news')}rss/"

    def laws_home(self, row):
        cat = re.search(r"[?&]cat=([^&]+)", row.url)
        if cat:
            return self.register(
                document_type=self.reference(Kind.DOCUMENT_TYPE, LAWS_TYPES[cat.group(1)])
            )
        return self.register()

    laws_rss = laws_home

    def laws_document(self, row):
        if row.nukeviet_id in SWITCHED_OFF_DOCUMENTS:
            return 404, None
        return self.page_url(Kind.DOCUMENT, row.nukeviet_id, "laws")

    def laws_attachment_download(self, row):
        if row.nukeviet_id in SWITCHED_OFF_DOCUMENTS:
            return 404, None
        index = int(re.search(r"[?&]id=(\d+)", row.url).group(1))
        page = self.mapped(Kind.DOCUMENT, row.nukeviet_id, "laws").page
        files = DirectiveAttachment.objects.filter(page=page).order_by("sort_order")
        return files[index].document.url

    laws_attachment_pdfview = laws_attachment_download

    def laws_type(self, row):
        return self.register(document_type=self.reference(Kind.DOCUMENT_TYPE, row.nukeviet_id))

    laws_rss_type = laws_type

    def laws_field(self, row):
        return self.register(field=self.reference(Kind.FIELD, row.nukeviet_id))

    def laws_issuer(self, row):
        return self.register(issuing_body=self.reference(Kind.ISSUER, row.nukeviet_id))

    def laws_signer(self, row):
        return self.register(signer=SIGNERS[row.nukeviet_id])


def answer(client, row):
    response = client.get(row.url)
    location = response.get("Location")
    if response.status_code == 301 and unquote(location) == f"{row.path}/":
        # Django adds a slash to an address Wagtail could serve; that one answers for it.
        response, location = client.get(location), None
    return response.status_code, location


# One test per URL configuration of the crawl, so that parallel workers share the 2,727 rows.
URL_CONFIGS = sorted({row.url_config for row in crawled_urls()})


@pytest.mark.parametrize("url_config", URL_CONFIGS)
def test_every_crawled_address_gets_its_answer(expect, db, client, url_config):
    wrong, tally = [], Counter()
    rows = [row for row in crawled_urls() if row.url_config == url_config]
    assert rows, f"no crawled address of configuration {url_config}"
    for row in rows:
        expected, got = expect(row), answer(client, row)
        tally[(row.kind, row.url_config, got == expected)] += 1
        if got != expected:
            wrong.append(f"{row}: expected {expected}, got {got}")
    print("\nkind, config: passed/total")
    for kind, config in sorted({(kind, config) for kind, config, _ok in tally}):
        passed, failed = tally[(kind, config, True)], tally[(kind, config, False)]
        print(f"{kind}, {config}: {passed}/{passed + failed}")
    assert not wrong, f"{len(wrong)} of {len(rows)} addresses:\n" + "\n".join(wrong)


def test_the_answers_lead_somewhere(expect, db):
    """No redirect of the crawl leads to a 404 (files aside: the web server serves MEDIA_URL)."""
    targets = {expect(row)[1] for row in crawled_urls()} - {None}
    broken = [
        url
        for url in sorted(targets)
        if not url.startswith(settings.MEDIA_URL) and expect.status_of(url) not in (200, 302)
    ]
    assert not broken

"""The old-address parser reads every address of the NukeViet crawl as NukeViet did."""

import dataclasses
import re
import unicodedata

import pytest

from nukeviet import links
from nukeviet.links import OldLink, parse
from tests.nukeviet.sample import aliases, crawled_urls

MODULES = {"news": links.NEWS, "laws": links.LAWS, "about": links.PAGES}
CATEGORIES = aliases("nv4_vi_news_cat", "catid")
TAGS = aliases("nv4_vi_news_tags", "tid")
TOPICS = aliases("nv4_vi_news_topics", "topicid")
AUTHORS = aliases("nv4_vi_news_author")
TYPES = aliases("nv4_vi_laws_cat")
FIELDS = aliases("nv4_vi_laws_area")
ISSUERS = aliases("nv4_vi_laws_subject")
SITE_HOMES = {"/", "/vi/", "/index.php?language=vi"}


def nfc(text):
    return unicodedata.normalize("NFC", text)


def file_index(url):
    return int(re.search(r"[?&]id=(\d+)", url).group(1))


def expected(row):
    """The OldLink a crawled address names, from its kind and NukeViet id (not its shape)."""
    key = row.nukeviet_id
    news = {
        "news_category": lambda: OldLink(links.CATEGORY, "news", alias=CATEGORIES[key]),
        "news_article": lambda: OldLink(links.ARTICLE, "news", id=key),
        "news_attachment_download": lambda: OldLink(
            links.ARTICLE, "news", id=key, view=links.DOWNLOAD
        ),
        "news_attachment_pdfview": lambda: OldLink(
            links.ARTICLE, "news", id=key, view=links.PDF_VIEW
        ),
        "news_tag": lambda: OldLink(links.TAG, "news", alias=nfc(TAGS[key])),
        "news_topic": lambda: OldLink(links.TOPIC, "news", alias=TOPICS[key]),
        "news_topic_index": lambda: OldLink(links.MODULE_HOME, "news"),
        "news_author": lambda: OldLink(links.AUTHOR, "news", alias=AUTHORS[key]),
        "news_rss": lambda: OldLink(links.RSS, "news"),
        "news_rss_category": lambda: OldLink(links.RSS, "news", alias=CATEGORIES[key]),
        "laws_document": lambda: OldLink(links.DOCUMENT, "laws", id=key),
        "laws_attachment_download": lambda: OldLink(
            links.DOCUMENT,
            "laws",
            id=key,
            view=links.DOWNLOAD,
            file_index=file_index(row.url),
        ),
        "laws_attachment_pdfview": lambda: OldLink(
            links.DOCUMENT,
            "laws",
            id=key,
            view=links.PDF_VIEW,
            file_index=file_index(row.url),
        ),
        "laws_type": lambda: OldLink(links.DOCUMENT_TYPE, "laws", alias=TYPES[key]),
        "laws_field": lambda: OldLink(links.FIELD, "laws", alias=FIELDS[key]),
        "laws_issuer": lambda: OldLink(links.ISSUER, "laws", alias=ISSUERS[key]),
        "laws_signer": lambda: OldLink(links.SIGNER, "laws", id=key),
        "laws_rss": lambda: OldLink(links.RSS, "laws"),
        "laws_rss_type": lambda: OldLink(links.RSS, "laws", alias=TYPES[key]),
    }
    if row.kind == "news_home":
        return (
            OldLink(links.SITE_HOME)
            if row.url in SITE_HOMES
            else OldLink(links.MODULE_HOME, "news")
        )
    if row.kind == "laws_home":
        cat = re.search(r"[?&]cat=([^&]+)", row.url)
        if cat:
            return OldLink(links.DOCUMENT_TYPE, "laws", alias=cat.group(1))
        return OldLink(links.MODULE_HOME, "laws")
    if row.kind.endswith(("_file", "_image", "_image_thumb")):
        return OldLink(links.FILE, path=row.path.lstrip("/"))
    return news[row.kind]()


ALIAS_FREE = {links.ARTICLE, links.DOCUMENT}


def without_alias(link):
    """Article and document aliases are free text NukeViet ignores (it goes by the id)."""
    if link is None or link.kind not in ALIAS_FREE:
        return link
    return dataclasses.replace(link, alias="")


@pytest.mark.parametrize("row", crawled_urls(), ids=str)
def test_every_crawled_address_names_its_object(row):
    found = parse(row.path, row.query, modules=MODULES, default_module="news")
    assert without_alias(found) == expected(row)


def test_the_crawl_is_complete():
    rows = crawled_urls()
    assert len(rows) == 2727
    assert {row.url_config for row in rows} == {"A", "B", "C", "D", "any"}


@pytest.mark.parametrize(
    "path, query, link",
    [
        # The module name dropped (config A): the first segment is not a module.
        ("/tin-huyen-thi-xa/ten-bai-16.html", "", OldLink(links.ARTICLE, "news", "16", "ten-bai")),
        # The same address where the old site kept module names: not ours.
        ("/tin-huyen-thi-xa/ten-bai-16.html", "", None),
        (
            "/vi/news/chi-dao-dieu-hanh/page-3/",
            "",
            OldLink(links.CATEGORY, "news", alias="chi-dao-dieu-hanh", page=3),
        ),
        ("/vi/news/page-2/", "", OldLink(links.MODULE_HOME, "news", page=2)),
        (
            "/vi/news/print/thong-bao/ten-bai-40.html",
            "",
            OldLink(links.ARTICLE, "news", "40", view=links.PRINT),
        ),
        (
            "/vi/news/savefile/thong-bao/ten-bai-40.html",
            "",
            OldLink(links.ARTICLE, "news", "40", view=links.SAVEFILE),
        ),
        ("/vi/news/groups/Tin-tieu-diem/", "", OldLink(links.GROUP, "news", alias="Tin-tieu-diem")),
        (
            "/vi/news/tag/nông-thôn-mới/page-2",
            "",
            OldLink(links.TAG, "news", alias="nông-thôn-mới", page=2),
        ),
        ("/vi/about/gioi-thieu.html", "", OldLink(links.PAGE, "about", alias="gioi-thieu")),
        ("/about/", "", OldLink(links.MODULE_HOME, "about")),
        (
            "/vi/laws/area/Nong-thon-moi/page-2/",
            "",
            OldLink(links.FIELD, "laws", alias="Nong-thon-moi", page=2),
        ),
        ("/index.php/vi/laws/signer/8/Tran-Minh-Khang/", "", OldLink(links.SIGNER, "laws", "8")),
        (
            "/index.php",
            "language=vi&nv=news/thong-bao",
            OldLink(links.CATEGORY, "news", alias="thong-bao"),
        ),
        (
            "/index.php",
            "language=vi&nv=laws&op=Quyet-dinh&page=2",
            OldLink(links.DOCUMENT_TYPE, "laws", alias="Quyet-dinh", page=2),
        ),
    ],
)
def test_shapes_beyond_the_crawl(path, query, link):
    kept_module_names = link is None
    found = parse(path, query, modules=MODULES, default_module="" if kept_module_names else "news")
    assert found == link


@pytest.mark.parametrize(
    "path, query",
    [
        ("/en/news/tin-tuc/ten-bai-5.html", ""),  # another language's tables: other ids
        ("/index.php", "language=en&nv=news&op=Tin-tuc/ten-bai-5.html"),
        ("/vi/news/tin-tuc/ten-bai.html", ""),  # no id
        ("/vi/news/tin-tuc/a/b/c/", ""),
        ("/vi/laws/detail/khong-co-so/", ""),
        ("/vi/laws/signer/tran/", ""),
        ("/vi/laws/signer/²/Ai/", ""),  # a Unicode digit is not a number
        ("/vi/news/tin-tuc/ten-bai-99999999999999999999999.html", ""),
        ("/uploads/../settings.py", ""),
        ("/vi/news/<script>/", ""),
        ("/wp-login.php", ""),
    ],
)
def test_addresses_nukeviet_would_not_serve(path, query):
    assert parse(path, query, modules=MODULES, default_module="news") is None


@pytest.mark.parametrize("index", ["99999999999999999999", "²", "-1", "a"])
def test_a_file_number_that_is_not_one_asks_for_the_document(index):
    found = parse("/vi/laws/detail/Ten-van-ban-3/", f"download=1&id={index}", modules=MODULES)
    assert found == OldLink(links.DOCUMENT, "laws", "3", "Ten-van-ban")


def test_decomposed_tag_aliases_are_read_composed():
    decomposed = unicodedata.normalize("NFD", "/vi/news/tag/nông-thôn-mới")
    found = parse(decomposed, "", modules=MODULES)
    assert found.alias == "nông-thôn-mới"

"""Where an old NukeViet address leads now, found from the import's mapping (LegacyRecord).

No redirect row per old URL: the address is parsed (nukeviet.links) and the object it names
is looked up by its NukeViet id or alias in one query. The list of the old site's modules
(name, family, home page) costs a second query when it is not in the cache.

Targets are always this portal's own pages and files, resolved when the link is followed, so
a scheduled article's old link starts working the moment the article goes live, and nothing
leads to a page readers may not see yet.
"""

import posixpath
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from articles.models import published_news
from directives.models import DirectiveAttachment
from nukeviet import links
from nukeviet.models import LegacyRecord

Kind = LegacyRecord.Kind
MODULES_CACHE_KEY = "nukeviet:modules"
MODULES_CACHE_SECONDS = 300
# The import records each module's own page as legacy id "0" (NukeViet's "no category"), with
# the kind that tells what the module was.
MODULE_HOME_ID = "0"
FAMILY_OF_HOME_KIND = {
    Kind.CATEGORY: links.NEWS,
    Kind.DOCUMENT: links.LAWS,
    Kind.PAGE: links.PAGES,
}
# The module NukeViet's installer drops from addresses (rewrite_op_mod) when several news
# modules exist; with a single news module that one is taken, whatever its name.
INSTALLER_HOME_MODULE = "news"
REFERENCE_KINDS = {
    links.DOCUMENT_TYPE: Kind.DOCUMENT_TYPE,
    links.FIELD: Kind.FIELD,
    links.ISSUER: Kind.ISSUER,
}
# The register's filter box names (directives.filters.DirectiveFilterForm).
REGISTER_FILTERS = {
    Kind.DOCUMENT_TYPE: "document_type",
    Kind.FIELD: "field",
    Kind.ISSUER: "issuing_body",
}


@dataclass(frozen=True)
class Module:
    name: str
    family: str
    home: Page | None


def modules():
    """The old site's modules as imported: name -> Module, cached for a few minutes."""
    found = cache.get(MODULES_CACHE_KEY)
    if found is None:
        homes = (
            LegacyRecord.objects.filter(legacy_id=MODULE_HOME_ID, kind__in=FAMILY_OF_HOME_KIND)
            .exclude(module="")
            .select_related("page")
        )
        found = {
            record.module: Module(record.module, FAMILY_OF_HOME_KIND[record.kind], record.page)
            for record in homes
        }
        cache.set(MODULES_CACHE_KEY, found, MODULES_CACHE_SECONDS)
    return found


def forget_modules():
    """Drop the cached module list, for the import to call when it recorded new modules."""
    cache.delete(MODULES_CACHE_KEY)


def home_module(known):
    """The news module whose name the old site may have left out of its addresses."""
    news = sorted(name for name, module in known.items() if module.family == links.NEWS)
    if len(news) == 1:
        return news[0]
    return INSTALLER_HOME_MODULE if INSTALLER_HOME_MODULE in news else ""


def old_link_target(request):
    """The address on this portal for an old NukeViet address, or None if it names nothing."""
    known = modules()
    link = links.parse(
        request.path,
        request.META.get("QUERY_STRING", ""),
        modules={name: module.family for name, module in known.items()},
        default_module=home_module(known),
        language=settings.NUKEVIET_LANGUAGE,
    )
    if link is None:
        return None
    return TARGETS[link.kind](link, known.get(link.module), request)


def _is_live(page):
    if page is None or not page.live:
        return False
    return page.expire_at is None or page.expire_at > timezone.now()


def _page_url(page, request, page_number=1, **params):
    """The live page's address, with filters and a list page beyond the first if asked."""
    if not _is_live(page):
        return None
    url = _local_url(page, request)
    if url is None:
        return None
    if page_number > 1:
        params["page"] = page_number
    return f"{url}?{urlencode(params)}" if params else url


def _local_url(page, request):
    """The page's path on the site serving ``request``; None for a page of another site.

    A portal with one site needs no query (Wagtail caches its site list); with several, the
    request's site is looked up once.
    """
    parts = page.get_url_parts(request)
    if parts is None or parts[2] is None:
        return None
    site_id, _root_url, page_path = parts
    if len({root.site_id for root in page._get_site_root_paths(request)}) == 1:
        return page_path
    current = Site.find_for_request(request)
    return page_path if current is not None and current.pk == site_id else None


def _record(link, kind, *, related=("page",), **lookup):
    records = LegacyRecord.objects.filter(module=link.module, kind=kind, **lookup)
    return records.select_related(*related).first()


def _site_home(link, module, request):
    return reverse("wagtail_serve", args=("",))


def _module_home(link, module, request):
    return _page_url(module.home, request, link.page) if module else None


def _category(link, module, request):
    record = _record(link, Kind.CATEGORY, alias=link.alias)
    return _page_url(record and record.page, request, link.page)


def _article(link, module, request):
    """The news item; its print, save and attachment views lead to the item itself."""
    record = _record(link, Kind.ARTICLE, legacy_id=link.id)
    return _page_url(record and record.page, request)


def _tag(link, module, request):
    """Tags and topics became tags: their list is /the/<slug>/, shown while it lists news."""
    kind = Kind.TAG if link.kind == links.TAG else Kind.TOPIC
    listed = published_news().filter(tagged_items__tag_id=OuterRef("tag_id"))
    record = (
        LegacyRecord.objects.filter(module=link.module, kind=kind, alias=link.alias)
        .select_related("tag")
        .annotate(lists_news=Exists(listed))
        .first()
    )
    if record is None or record.tag is None or not record.lists_news:
        return None
    url = reverse("articles:tag", kwargs={"slug": record.tag.slug})
    return f"{url}?page={link.page}" if link.page > 1 else url


def _news_list(link, module, request):
    """Author and block-group lists have no page here: the module's news list stands in."""
    return _module_home(link, module, request)


def _feed(link, module, request):
    """News feeds; the laws module's feeds lead to its register (it has no feed here)."""
    if module.family == links.LAWS:
        if link.alias:
            return _register_filter(link, module, request, Kind.DOCUMENT_TYPE)
        return _module_home(link, module, request)
    if link.alias:
        record = _record(link, Kind.CATEGORY, alias=link.alias)
        url = _page_url(record and record.page, request)
    else:
        url = _page_url(module.home, request)
    if url is None:
        return None
    return reverse("articles:feed") if url == "/" else f"{url}rss/"


def _document(link, module, request):
    """The document page; its download and PDF view of file N lead to that file."""
    if not link.view:
        record = _record(link, Kind.DOCUMENT, legacy_id=link.id)
        return _page_url(record and record.page, request)
    files = DirectiveAttachment.objects.filter(page_id=OuterRef("page_id")).order_by("sort_order")
    nth = slice(link.file_index, link.file_index + 1)
    record = (
        LegacyRecord.objects.filter(module=link.module, kind=Kind.DOCUMENT, legacy_id=link.id)
        .select_related("page")
        .annotate(
            file_id=Subquery(files.values("document_id")[nth]),
            file_name=Subquery(files.values("document__file")[nth]),
        )
        .first()
    )
    url = _page_url(record and record.page, request)
    if url is None or record.file_id is None:
        return url
    return reverse("wagtaildocs_serve", args=(record.file_id, posixpath.basename(record.file_name)))


def _register_filter(link, module, request, kind=None):
    """The register with one type, field or issuer chosen, as NukeViet's lists were."""
    kind = kind or REFERENCE_KINDS[link.kind]
    record = _record(link, kind, alias=link.alias, related=())
    if record is None or record.object_id is None:
        return None
    return _page_url(module.home, request, link.page, **{REGISTER_FILTERS[kind]: record.object_id})


def _signer(link, module, request):
    record = _record(link, Kind.SIGNER, legacy_id=link.id, related=())
    name = record and record.data.get("name")
    return _page_url(module.home, request, signer=name) if name else None


def _page(link, module, request):
    record = _record(link, Kind.PAGE, alias=link.alias)
    return _page_url(record and record.page, request)


def _file(link, module, request):
    """An uploaded file: documents through their download view, images as their file."""
    record = (
        LegacyRecord.objects.filter(kind=Kind.FILE, legacy_id=link.path)
        .select_related("document", "image")
        .first()
    )
    if record is None:
        return None
    if record.document is not None:
        return record.document.url
    if record.image is not None:
        return record.image.file.url
    return None


TARGETS = {
    links.SITE_HOME: _site_home,
    links.MODULE_HOME: _module_home,
    links.CATEGORY: _category,
    links.ARTICLE: _article,
    links.TAG: _tag,
    links.TOPIC: _tag,
    links.AUTHOR: _news_list,
    links.GROUP: _news_list,
    links.RSS: _feed,
    links.DOCUMENT: _document,
    links.DOCUMENT_TYPE: _register_filter,
    links.FIELD: _register_filter,
    links.ISSUER: _register_filter,
    links.SIGNER: _signer,
    links.PAGE: _page,
    links.FILE: _file,
}

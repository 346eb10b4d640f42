"""Purge what a change touches, in the app's cache and in front of it, once it is committed.

The app's cache forgets whole paths and subtrees by token (``store.purge``). The frontend
caches (nginx, Varnish, a CDN: ``WAGTAILFRONTENDCACHE``) are sent the exact addresses through
Wagtail's ``wagtail.contrib.frontend_cache``; query-string variants and site-wide changes
reach them through their short shared lifetime (``PAGE_CACHE_SHARED_MAX_AGE``) instead, since
none of those backends can purge a prefix.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, ReferenceIndex, Site

from home.caching import Dependents
from home.models import PortalSettings
from pagecache import store


def active():
    """Whether any cache may hold pages or fragments, so a change has something to purge."""
    return (
        settings.PAGE_CACHE_ENABLED
        or settings.FRAGMENT_CACHE_ENABLED
        or bool(settings.WAGTAILFRONTENDCACHE)
    )


def purge_later(dependents):
    """Purge ``dependents`` when the current transaction commits (at once outside one), so no
    reader re-caches the old content between the purge and the commit."""
    transaction.on_commit(lambda: purge_now(dependents))


def purge_now(dependents):
    store.purge(dependents.paths, dependents.subtrees, dependents.everything)
    purge_urls_from_cache(frontend_urls(dependents))


def frontend_urls(dependents):
    """Full addresses for the frontend caches: on the page's site, or on every site."""
    paths = set(dependents.paths) | set(dependents.subtrees)
    if dependents.everything:
        paths.add("/")
    if dependents.root_url:
        roots = [dependents.root_url]
    else:
        roots = [site.root_url for site in Site.objects.all()]
    return sorted(root.rstrip("/") + path for root in roots for path in paths)


def page_dependents(page):
    """What ``page`` touches as the database holds it now, link lists resolved."""
    dependents = page.specific_deferred.cache_dependents()
    dependents.merge(link_list_dependents(dependents.link_lists))
    return dependents


def link_list_dependents(list_ids):
    """Where related-link lists are shown: every page when the site settings place one in
    the sidebar or footer, else the news items that show it as "See also"."""
    from articles.models import NewsPage

    dependents = Dependents()
    list_ids = set(list_ids) - {None}
    if not list_ids:
        return dependents
    in_frame = Q(sidebar_links_id__in=list_ids) | Q(footer_links_id__in=list_ids)
    if PortalSettings.objects.filter(in_frame).exists():
        dependents.everything = True
        return dependents
    for page in NewsPage.objects.filter(related_links_id__in=list_ids):
        dependents.add_page(page)
    return dependents


def media_dependents(instance):
    """Where an image or a document is shown: every page that refers to it (a news item's
    featured image, a body block or link, a directive's attachment) with the listings that
    show those pages, and the pages that show a link list naming it. Wagtail's reference
    index records all of these, as it does for the download rule (home/documents.py)."""
    from home.models import RelatedLinkList

    references = ReferenceIndex.get_references_to(instance)
    by_type = {}
    for content_type_id, object_id in references.values_list("base_content_type", "object_id"):
        by_type.setdefault(content_type_id, set()).add(object_id)
    page_type, list_type = ContentType.objects.get_for_models(Page, RelatedLinkList).values()
    dependents = link_list_dependents({int(pk) for pk in by_type.get(list_type.pk, ())})
    for page in Page.objects.filter(pk__in=by_type.get(page_type.pk, ()), live=True):
        dependents.merge(page_dependents(page))
    return dependents


def everything():
    return Dependents(everything=True)

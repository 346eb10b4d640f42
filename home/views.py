"""Reader-facing views outside the page tree: the sitemap, robots.txt and the favicon."""

from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from home.sitemaps import ReaderSitemap


@require_safe
def sitemap(request):
    """The addresses themselves while they fit one file (``ReaderSitemap.limit``), else an
    index of the files ``?p=1``, ``?p=2``...: crawlers read only the first file of a
    sitemap that no index names."""
    pages = ReaderSitemap(request)
    files = pages.paginator.num_pages
    if "p" in request.GET or files <= 1:
        return wagtail_sitemap(request, sitemaps={"pages": pages})
    address = pages.get_wagtail_site().root_url + reverse("sitemap")
    index = [SitemapIndexItem(f"{address}?p={number}") for number in range(1, files + 1)]
    return render(request, "sitemap_index.xml", {"sitemaps": index}, content_type="application/xml")


@require_safe
def robots_txt(request):
    """Keep crawlers out of the admin and point them at the sitemap."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(request, "robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the static file."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))

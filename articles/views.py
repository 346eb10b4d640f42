"""Reader views outside the page tree: the tag page."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from articles.models import NewsListing, NewsTag, news_page


def tag_page(request, slug):
    """Every published news item with one tag; a tag nobody may read yet is a 404 too.

    The items are paged and counted from the tag's rows of ``NewsListing``: one range of
    its index, in order, however deep the page."""
    tag = get_object_or_404(NewsTag, slug=slug)
    listing = NewsListing.objects.filter(tag=tag).readable().newest_first()
    if not listing.exists():
        raise Http404
    page = news_page(request, listing, listing.count)
    return render(request, "articles/tag_page.html", {"tag": tag, "news_page": page})

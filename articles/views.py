"""Reader views outside the page tree: the tag page."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from articles.models import NEWS_PER_PAGE, NewsListing, NewsTag, published_news, with_card_data
from core.pagination import paginate


def tag_page(request, slug):
    """Every published news item with one tag; a tag nobody may read yet is a 404 too.

    The items are paged and counted from the tag's rows of ``NewsListing``: one range of
    its index, in order, however deep the page."""
    tag = get_object_or_404(NewsTag, slug=slug)
    listing = NewsListing.objects.filter(tag=tag).readable().newest_first()
    if not listing.exists():
        raise Http404
    ids = listing.values("page_id")
    news = with_card_data(published_news().filter(pk__in=ids))
    news_page = paginate(request, news, NEWS_PER_PAGE, count=listing.count, ids=ids)
    return render(request, "articles/tag_page.html", {"tag": tag, "news_page": news_page})

"""Reader views outside the page tree: the tag page."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from articles.models import NEWS_PER_PAGE, NewsTag, published_news, with_card_data
from core.pagination import paginate


def tag_page(request, slug):
    """Every published news item with one tag; a tag nobody may read yet is a 404 too."""
    tag = get_object_or_404(NewsTag, slug=slug)
    news = published_news().filter(tagged_items__tag=tag)
    if not news.exists():
        raise Http404
    return render(
        request,
        "articles/tag_page.html",
        {"tag": tag, "news_page": paginate(request, with_card_data(news), NEWS_PER_PAGE)},
    )

"""Reader-facing views outside the page tree: search, robots.txt and the favicon."""

from django.core.paginator import Paginator
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from home.forms import SearchForm
from home.search import clean_query, search_pages, search_type_models, search_type_of

RESULTS_PER_PAGE = 10


@require_safe
def search(request):
    """One results page for news and directives; an empty query just shows the form."""
    form = SearchForm(request.GET or None)
    query = ""
    results = None
    if form.is_valid():
        query = form.cleaned_data["q"]
        if clean_query(query):
            pages = search_pages(query, search_type_models(form.cleaned_data["type"]))
            results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            labels = dict(form.fields["type"].choices)
            for page in results:
                page.search_type_label = labels.get(search_type_of(page), "")
    return render(request, "home/search.html", {"form": form, "query": query, "results": results})


@require_safe
def robots_txt(request):
    """Keep crawlers out of the admin and point them at the sitemap."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(request, "robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the static file."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))

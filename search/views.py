"""The reader's search page (/tim-kiem/)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.text import clean_query
from search.engine import search_pages, search_type_models, search_type_of
from search.forms import SearchForm

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
    return render(request, "search/search.html", {"form": form, "query": query, "results": results})

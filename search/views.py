"""The reader's search page (/tim-kiem/)."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.forms import filters_query_string
from core.pagination import paginate
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
            results = paginate(request, pages, RESULTS_PER_PAGE)
            labels = dict(form.fields["type"].choices)
            for page in results:
                page.search_type_label = labels.get(search_type_of(page), "")
    context = {
        "form": form,
        "query": query,
        "results": results,
        "query_string": filters_query_string(form),
    }
    return render(request, "search/search.html", context)

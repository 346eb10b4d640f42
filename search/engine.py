"""Vietnamese-aware search over the portal's news and directives, on SQLite and PostgreSQL.

Every page indexes folded copies of its heading, summary and body (``home.indexing``) and the
query is folded the same way (``core.text.clean_query``), so both backends compare like with
like.

On PostgreSQL the hits come from ``search.postgres`` (an indexed match, ranked among the
newest hits); on SQLite from Wagtail's FTS5 backend. They rank differently (SQLite's bm25
ignores field boosts), so the final order is decided here: heading matches first, then summary matches, then the rest, the backend's
relevance breaking ties. That makes the order the same on both databases.
"""

from django.apps import apps
from django.db import connection
from django.utils.translation import pgettext_lazy
from wagtail.models import Page

from core.queries import reader_pages
from core.text import clean_query
from search import postgres

# Results re-ranked per query: enough for any sensible query on a provincial portal.
MAX_RESULTS = 200

# The page types readers search, by filter key. Model labels (not imports) keep search
# independent of the content apps' code; a type whose app is not installed is skipped.
# The labels have their own context: the content apps translate the same words differently.
SEARCH_TYPES = {
    "news": ("articles.NewsPage", pgettext_lazy("search type", "News")),
    "directives": ("directives.DirectivePage", pgettext_lazy("search type", "Directives")),
}


def search_type_models(kind=None):
    """The installed page models to search: all types, or the one ``kind`` names."""
    models = []
    for key, (label, _label) in SEARCH_TYPES.items():
        if kind and key != kind:
            continue
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    return models


def search_type_of(page):
    """The filter key of a result's page type, for the label shown beside it."""
    for key, (label, _label) in SEARCH_TYPES.items():
        if page._meta.label == label:
            return key
    return ""


def _tier(page, words):
    """0 for a heading match, 1 for a summary match, 2 otherwise (with a phrase bonus)."""
    phrase = f" {' '.join(words)} "
    for tier, text in enumerate((page.folded_search_heading(), page.folded_search_summary())):
        padded = f" {text} "
        if phrase in padded:
            return tier * 2
        if all(f" {word} " in padded for word in words):
            return tier * 2 + 1
    return 4


def search_pages(query, models):
    """Live, public pages of ``models`` that match ``query``, best first, as specific pages."""
    cleaned = clean_query(query)
    if not cleaned or not models:
        return []
    ids = _ranked_ids(cleaned, models)
    order = {pk: position for position, pk in enumerate(ids)}
    # The search backends accept only plain field filters, so privacy is checked on the
    # hits, with the same ``readable()`` as every listing. Bodies are not read: the order
    # needs the heading and summary, and the results show nothing more.
    pages = reader_pages().filter(pk__in=order).readable().specific().defer_streamfields()
    words = cleaned.split()
    return sorted(pages, key=lambda page: (_tier(page, words), order[page.pk]))


def _ranked_ids(cleaned, models):
    """The best ``MAX_RESULTS`` hits' ids: on PostgreSQL from the indexed match of
    ``search.postgres``, elsewhere (SQLite's FTS5) from Wagtail's search backend."""
    if connection.vendor == "postgresql":
        return postgres.ranked_page_ids(cleaned, models, MAX_RESULTS)
    hits = (
        Page.objects.live()
        .type(*models)
        .search(cleaned, operator="and", order_by_relevance=True)[:MAX_RESULTS]
    )
    return [page.pk for page in hits]

"""Vietnamese-aware search over the portal's news and directives, on SQLite and PostgreSQL.

Every page indexes folded copies of its heading, summary and body (``home.indexing``) and the
query is folded the same way (``core.text.clean_query``), so both backends compare like with
like.

Both databases give the same order: heading matches first, then summary matches (each with
the whole phrase before the words apart), then the rest, the backend's relevance breaking ties.
On PostgreSQL ``search.postgres`` returns the hits in that order (an indexed match, ranked
among the newest hits from the weights of the index entries), and only the page of results
shown is built. On SQLite, Wagtail's FTS5 backend ranks by bm25, which ignores field boosts, so
the hits' pages are built and ordered here (``_tier``); the embedded database serves small
sites.
"""

from collections.abc import Sequence

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


class Results(Sequence):
    """Result ids in order, readable ones only; a slice (the paginator's page) builds its
    specific pages, bodies deferred: the results show nothing of them."""

    def __init__(self, ids):
        readable = set(reader_pages().filter(pk__in=ids).readable().values_list("pk", flat=True))
        self.ids = [pk for pk in ids if pk in readable]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return _pages(self.ids[index])
        return _pages([self.ids[index]])[0]

    def __iter__(self):
        return iter(self[:])


def _pages(ids):
    found = reader_pages().filter(pk__in=ids).specific().defer_streamfields().in_bulk()
    return [found[pk] for pk in ids if pk in found]


def search_pages(query, models):
    """Live, public pages of ``models`` that match ``query``, best first, as a sequence of
    specific pages (``Results`` on PostgreSQL, a list on SQLite)."""
    cleaned = clean_query(query)
    if not cleaned or not models:
        return []
    if connection.vendor == "postgresql":
        return Results(postgres.ranked_page_ids(cleaned, models, MAX_RESULTS))
    return _tiered_pages(cleaned, models)


def _tiered_pages(cleaned, models):
    """SQLite: the best ``MAX_RESULTS`` hits of Wagtail's FTS5 backend, ordered by ``_tier``.

    The search backends accept only plain field filters, so privacy is checked on the hits,
    with the same ``readable()`` as every listing."""
    hits = (
        Page.objects.live()
        .type(*models)
        .search(cleaned, operator="and", order_by_relevance=True)[:MAX_RESULTS]
    )
    order = {page.pk: position for position, page in enumerate(hits)}
    pages = reader_pages().filter(pk__in=order).readable().specific().defer_streamfields()
    words = cleaned.split()
    return sorted(pages, key=lambda page: (_tier(page, words), order[page.pk]))

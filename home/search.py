"""Vietnamese-aware search over the portal's news and directives, on SQLite and PostgreSQL.

Neither of Wagtail's database backends folds Vietnamese diacritics, and readers on phones
often type without them ("nong thon moi") or with the other tone-mark placement ("Thành ủy"
for "Thành uỷ"). Every page therefore indexes folded copies of its heading, summary and body
(plain ASCII words: see ``fold_for_search``) and the query is folded the same way, so both
backends compare like with like. Folding also drops every operator and quote character,
which keeps hostile queries from reaching the database's query parser.

The backends rank differently (SQLite's bm25 ignores field boosts), so the final order is
decided here: heading matches first, then summary matches, then the rest, the backend's
relevance breaking ties. That makes the order the same on both databases.
"""

import re

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index

from home.queries import reader_pages
from home.text import normalize_tone_placement, strip_diacritics

# What a reader may reasonably type; longer input is cut, never an error.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
# Results re-ranked per query: enough for any sensible query on a provincial portal.
MAX_RESULTS = 200

# The page types readers search, by filter key. Model labels (not imports) keep home/
# independent of the content apps; a type whose app is not installed is skipped.
SEARCH_TYPES = {
    "news": ("articles.NewsPage", _("News")),
    "directives": ("directives.DirectivePage", _("Directives")),
}

_WORD = re.compile(r"[0-9a-z]+")


def fold_for_search(text):
    """Reduce text to lower-case ASCII words: "Số 57-NQ/TW, Thành ủy" -> "so 57 nq tw thanh uy"."""
    if not text:
        return ""
    folded = strip_diacritics(normalize_tone_placement(str(text)))
    return " ".join(_WORD.findall(folded))


def clean_query(raw):
    """The words of a reader's query, folded and bounded; "" when nothing searchable is left.

    The length is cut before folding so that a 5,000-character paste costs nothing, and only
    ASCII letters and digits survive, so quotes, operators, NUL and control characters never
    reach the backend.
    """
    words = fold_for_search(str(raw or "")[:MAX_QUERY_LENGTH]).split()
    return " ".join(words[:MAX_QUERY_WORDS])


def folded_search_fields():
    """Search fields that index the folded texts a ``SearchablePage`` provides."""
    return [
        index.SearchField("folded_search_heading", boost=3),
        index.SearchField("folded_search_summary", boost=2),
        index.SearchField("folded_search_body", boost=1),
    ]


class SearchablePage:
    """What a page tells search about itself; page types override the texts they have.

    ``search_heading`` ranks first (the title, and a directive's number), ``search_summary``
    second (a news lead, a directive summary), ``search_body`` last.
    """

    def search_heading(self):
        return self.title

    def search_summary(self):
        return ""

    def search_body(self):
        return ""

    def display_date(self):
        """The date shown beside the page in search results and home page lists."""
        return self.first_published_at

    def folded_search_heading(self):
        return fold_for_search(self.search_heading())

    def folded_search_summary(self):
        return fold_for_search(self.search_summary())

    def folded_search_body(self):
        return fold_for_search(self.search_body())


def stream_text(page, field_name):
    """The plain text of a StreamField, as the search index sees it."""
    field = page._meta.get_field(field_name)
    return " ".join(str(part) for part in field.get_searchable_content(getattr(page, field_name)))


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
    # The search backends accept only plain field filters, so privacy is checked on the
    # hits, with the same ``readable()`` as every listing.
    hits = (
        Page.objects.live()
        .type(*models)
        .search(cleaned, operator="and", order_by_relevance=True)[:MAX_RESULTS]
    )
    order = {page.pk: position for position, page in enumerate(hits)}
    pages = reader_pages().filter(pk__in=order).readable().specific()
    words = cleaned.split()
    return sorted(pages, key=lambda page: (_tier(page, words), order[page.pk]))

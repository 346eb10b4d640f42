"""What every page tells the search index about itself: folded copies of its texts.

Each page type indexes folded copies (``core.text.fold_for_search``) of its heading, summary
and body, so that search (the ``search`` app) and the register compare like with like on
SQLite and PostgreSQL.
"""

from wagtail.search import index

from core.text import fold_for_search

# Distinct boosts: on PostgreSQL each field's words carry their own weight in the index entry,
# and search ranks heading and summary matches from those weights (``search.postgres``).
HEADING_BOOST, SUMMARY_BOOST, BODY_BOOST = 3, 2, 1


def folded_search_fields():
    """Search fields that index the folded texts a ``SearchablePage`` provides."""
    return [
        index.SearchField("folded_search_heading", boost=HEADING_BOOST),
        index.SearchField("folded_search_summary", boost=SUMMARY_BOOST),
        index.SearchField("folded_search_body", boost=BODY_BOOST),
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

"""The search's candidates on PostgreSQL: an indexed match, ranked among the newest hits only.

Wagtail's database backend matches ``title || body`` of its index entries, an expression no
index serves, and ranks every hit before keeping the best; common words ("nong thon moi") hit
most of the site, so each search read and ranked every entry. Here the query is matched against
``body`` alone, which Wagtail's own GIN index serves: the folded copies of heading, summary and
body (``home.indexing``) are all in it (only fields named ``title`` go to ``title``), and a
cleaned query is folded, so the unfolded title would add no match.

Only the newest ``CANDIDATES`` hits of each page type (in the order pages were first indexed,
read from the index of migration search 0001) are ranked: a common query costs about as much at
100,000 news items as at 1,000, a rarer one reads its hits from the GIN index. The price: a
common query's older hits are not among the results. Entries of drafts may take a candidate's
place; the engine keeps only live, public pages.

The best hits are ordered here as the engine orders results (``search.engine``): heading
matches first, then summary matches, each with the whole phrase before the words apart, then
the rest, by relevance. Each field's words carry the weight of its boost in the entry
(``home.indexing``), and a query can ask for words of one weight ("nong:B & thon:B"): no page
is loaded to order the results, and only the page of results shown is built. The words of a
cleaned query are ASCII letters and digits only (``core.text.clean_query``), so they are
written into those queries as they are.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.weights import get_weight
from wagtail.search.models import IndexEntry

from home.indexing import HEADING_BOOST, SUMMARY_BOOST

# Hits ranked per page type: the newest of them, as many as the results kept.
CANDIDATES = 200

# A constant configuration, so that the planner can weigh how many entries the words hit.
_TSQUERY = "plainto_tsquery(%(config)s::regconfig, %(query)s)"

# The newest hits of one page type. The default planner costs (random_page_cost = 4, a
# spinning disk) make it read the whole table newest first instead of the entries of this type
# from their own index; with costs of a database in memory or on SSD it reads the right index.
_NEWEST_OF_TYPE = f"""(
    SELECT entry.id FROM {{entries}} entry
    WHERE entry.content_type_id = %(type_{{n}})s AND entry.body @@ {_TSQUERY}
    ORDER BY entry.id DESC
    LIMIT %(candidates)s
)"""

# 0 the phrase in the heading, 1 its words in the heading, 2 and 3 the same in the summary, 4
# the rest: the tier of ``search.engine``.
_TIER = """CASE
    WHEN best.body @@ to_tsquery(%(config)s::regconfig, %(heading_phrase)s) THEN 0
    WHEN best.body @@ to_tsquery(%(config)s::regconfig, %(heading_words)s) THEN 1
    WHEN best.body @@ to_tsquery(%(config)s::regconfig, %(summary_phrase)s) THEN 2
    WHEN best.body @@ to_tsquery(%(config)s::regconfig, %(summary_words)s) THEN 3
    ELSE 4
END"""

# The candidates carry only their ids: ranking reads each one's vector once, after the limits;
# the best ``limit`` of them are then put in tiers.
_SQL = f"""
SET LOCAL random_page_cost = 1.1;
SELECT best.object_id FROM (
    SELECT ranked.object_id, ranked.id, ranked.body, ts_rank(ranked.body, {_TSQUERY}) AS rank
    FROM ({{newest}}) hits
    JOIN {{entries}} ranked ON ranked.id = hits.id
    ORDER BY rank DESC, ranked.id DESC
    LIMIT %(limit)s
) best
ORDER BY {_TIER}, best.rank DESC, best.id DESC
"""


def ranked_page_ids(cleaned, models, limit):
    """Ids of pages of ``models`` whose index entry has every word of ``cleaned``, in the
    order of the results, at most ``limit`` of them."""
    with connection.cursor() as cursor:
        cursor.execute(*candidates_query(cleaned, models, limit))
        return [int(object_id) for (object_id,) in cursor.fetchall()]


def candidates_query(cleaned, models, limit):
    """The SQL and its parameters: one statement, so one query, with its planner setting."""
    types = [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]
    entries = IndexEntry._meta.db_table
    newest = " UNION ALL ".join(
        _NEWEST_OF_TYPE.format(entries=entries, n=n) for n in range(len(types))
    )
    params = {f"type_{n}": pk for n, pk in enumerate(types)}
    params.update(
        config=get_search_backend().config or "simple",
        query=cleaned,
        candidates=CANDIDATES,
        limit=limit,
    )
    for field, boost in (("heading", HEADING_BOOST), ("summary", SUMMARY_BOOST)):
        lexemes = [f"{word}:{get_weight(boost)}" for word in cleaned.split()]
        params[f"{field}_phrase"] = " <-> ".join(lexemes)
        params[f"{field}_words"] = " & ".join(lexemes)
    return _SQL.format(newest=newest, entries=entries), params

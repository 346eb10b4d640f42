"""sitemap.xml: every page a reader may open, read as base pages in one query.

Wagtail's sitemap reads each page as its specific type, a query per type and chunk of 2,000
(47 queries at 100,000 news items). No page type here changes its sitemap entry or its address
(tests/home/test_meta.py holds that), so the base rows give the same entries; the privacy check
is the listings' own ``readable()``.
"""

from wagtail.contrib.sitemaps import Sitemap

from core.queries import reader_pages


class ReaderSitemap(Sitemap):
    # Addresses per file; more go to ``?p=2``... (home.views). The protocol allows 50,000, but
    # writing that many takes about 10 s of a worker, a third of gunicorn's timeout.
    limit = 10_000

    def items(self):
        root = self.get_wagtail_site().root_page
        pages = reader_pages().descendant_of(root, inclusive=True).readable()
        return pages.order_by("path").defer_streamfields()

"""The one privacy check of every reader listing, search included: ``.readable()``.

Page managers of the portal's page types use ``ReaderPageQuerySet``; listings across types
start from ``reader_pages()``. Wagtail's ``.public()`` loads every restriction each time it is
called; ``readable`` is one subquery that matches a restriction on the page itself or on any
of its ancestors, inside the listing's own query.
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Substr
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


class ReaderPageQuerySet(PageQuerySet):
    def readable(self):
        """Live pages outside every section with a view restriction: what any reader may see."""
        restricted = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
        )
        return self.live().exclude(Exists(restricted))


ReaderPageManager = PageManager.from_queryset(ReaderPageQuerySet)


def reader_pages():
    """Pages of every type, with ``.readable()``."""
    return ReaderPageQuerySet(Page)

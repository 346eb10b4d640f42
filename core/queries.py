"""The one privacy check of every reader listing, search included: ``.readable()``.

Page managers of the portal's page types use ``ReaderPageQuerySet``; listings across types
start from ``reader_pages()``. Wagtail's ``.public()`` loads every restriction each time it is
called; ``readable`` is one subquery that matches a restriction on the page itself or on any
of its ancestors, inside the listing's own query.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Substr
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


class ReaderPageQuerySet(PageQuerySet):
    def readable(self):
        """Live pages outside every section with a view restriction: what any reader may see."""
        return self.live().exclude(in_private_section())


def in_private_section():
    """Whether a view restriction lies on the outer page or on one of its ancestors, for
    ``exclude`` and ``annotate`` (the news listings keep it with each row)."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
        )
    )


ReaderPageManager = PageManager.from_queryset(ReaderPageQuerySet)


def reader_pages():
    """Pages of every type, with ``.readable()``."""
    return ReaderPageQuerySet(Page)


def view_restricted():
    """Whether a restriction applies to the page of the outer row, for ``annotate``.

    The same rows as ``BasePage.get_view_restrictions``: a restriction on the page or an
    ancestor (not on Wagtail's copies on aliases), or on a page that one of them is an alias
    of. Routing annotates it, so the view check needs no query of its own when it is False.
    """
    on_path = Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    through_alias = Substr(OuterRef("path"), 1, F("page__aliases__depth") * Page.steplen)
    return Exists(
        PageViewRestriction.objects.filter(
            Q(page__path=on_path, page__alias_of__isnull=True)
            | Q(page__aliases__path=through_alias)
        )
    )

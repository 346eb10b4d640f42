"""One way to split a reader listing into pages, with the same answers on every listing.

The page is read from the ``page`` parameter, and a listing never answers 404 or 500 for it
(readers and crawlers mistype numbers, and an old link to page 9 of a list that has shrunk
should still show its end):

- missing, empty, not a whole number in ASCII digits ("abc", "1.5"), 0 or negative: page 1;
- beyond the last page (however long the number): the last page;
- given twice (``?page=1&page=2``): the last value, as Django's ``QueryDict.get`` reads it.
"""

import re

from django.core.paginator import Paginator
from django.db.models import QuerySet

PAGE_PARAMETER = "page"
_WHOLE_NUMBER = re.compile(r"[0-9]+")
# Page links shown around the current one and at each end; the rest become "…".
LINKS_ON_EACH_SIDE = 2
LINKS_ON_ENDS = 1


def page_number(raw):
    """The page asked for, 1 or more (it may lie beyond the last page)."""
    raw = (raw or "").strip()
    if not _WHOLE_NUMBER.fullmatch(raw):
        return 1
    return max(int(raw), 1)


class IdsFirstPaginator(Paginator):
    """Pages a queryset by choosing the page's ids first, inside the same query.

    Slicing a queryset sorts its whole rows (a news item's body included) to skip to the
    page: at page 1,000 of 100,000 news items that is some 200 MB sorted on disk. Here the
    offset is taken over ids alone, in the listing's order, and only the page's rows are read.
    ``ids``, when given, is a queryset of the same items' ids in the same order from a
    narrower table (a news listing's index), which the offset is taken over instead.
    """

    def __init__(self, object_list, per_page, ids=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.ids = object_list.values("pk") if ids is None else ids

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(rows_of(self.object_list, self.ids[bottom:top]), number, self)


def rows_of(queryset, ids):
    """The rows of ``ids`` in ``queryset``'s order, with the related rows and prefetches it
    loads, but not its filters: they chose the ids already, and applied again they lead the
    planner to read the whole listing (the register's status filter: 150 ms instead of 1)."""
    rows = queryset.model._default_manager.filter(pk__in=ids)
    rows.query.select_related = queryset.query.select_related
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    return rows.prefetch_related(*queryset._prefetch_related_lookups).order_by(*ordering)


def paginate(request, items, per_page, count=None, ids=None):
    """The page of ``items`` that ``request`` asks for, by the rules above.

    ``count``, when given, counts the items instead of ``items.count()``: a listing may know
    a cheaper query for the same number. ``ids``, for a queryset: the same items' ids in
    the same order, read from a narrower table (``IdsFirstPaginator``).
    """
    if isinstance(items, QuerySet):
        paginator = IdsFirstPaginator(items, per_page, ids=ids)
    else:
        paginator = Paginator(items, per_page)
    if count is not None:
        paginator.__dict__["count"] = count()
    number = page_number(request.GET.get(PAGE_PARAMETER))
    return paginator.page(min(number, paginator.num_pages))


def page_links(page):
    """Page numbers to link around ``page``, with ``Paginator.ELLIPSIS`` for the gaps."""
    return list(
        page.paginator.get_elided_page_range(
            page.number, on_each_side=LINKS_ON_EACH_SIDE, on_ends=LINKS_ON_ENDS
        )
    )

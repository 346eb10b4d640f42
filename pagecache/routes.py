"""The page a reader's address leads to, kept between renders of that address.

Routing a news item reads its section, its categories and the item itself: three queries and
half the CPU of its render. Every query string of an address (a category's ``?page=N``, the
register's filters) and every render the page cache does not answer routes the same way, so
the route is kept under the fragment generation, which every change to a page, its sections,
its images or its view restrictions replaces (``pagecache.signals``). Only addresses that
Wagtail's page view serves (``pagecache.frame``), and only routes that found a page: a 404 is
routed afresh.
"""

from wagtail.models import Page

from pagecache import store


def install_route(request, generation):
    """Give the request its route (``request._wagtail_route_for_request``, which Wagtail's view
    reads), from the cache when this generation routed the address before."""
    key = store.route_key(generation, request.get_host(), request.get_port(), request.path_info)
    found = store.kept(key, lambda: Page.route_for_request(request, request.path_info))
    if found is not None:
        request._wagtail_route_for_request = found

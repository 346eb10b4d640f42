"""What the site frame of every reader page reads before the page's own content.

The site of the request, its home page (where routing starts), the main menu and the portal
settings: four queries, the same for every page of a site, and a large part of a small page's
render; and the sites' root paths that every page address is built from (Wagtail keeps them in
the cache: a round trip to Redis per request). ``load_frame`` reads them; ``install`` hands them
to the code that would otherwise ask the database or the cache (Wagtail's site lookup, routing
and page URLs, the settings context processor, the ``main_menu_pages`` tag), so a frame kept
between requests (``pagecache.frame``) spares all four queries and the round trip.
"""

from dataclasses import dataclass, field

from wagtail.models import Site

from core.queries import reader_pages, view_restricted
from home.models import PortalSettings

MENU_ATTRIBUTE = "_main_menu_pages"


@dataclass
class Frame:
    site: Site | None = None
    menu: list = field(default_factory=list)
    settings: PortalSettings | None = None
    root_paths: list = field(default_factory=list)


def menu_pages(site):
    """The live, public children of the site's root page that editors marked "show in menus".

    Titles and addresses are on the base page: no per-type query for the specific models.
    """
    return list(reader_pages().child_of(site.root_page).readable().in_menu())


def load_frame(request):
    """The frame of ``request``'s site, read from the database."""
    site = Site.find_for_request(request)
    if site is None:
        return Frame()
    site.root_page = routed_root(site.root_page)
    settings = PortalSettings.for_site(site)
    return Frame(site, menu_pages(site), settings, Site.get_site_root_paths())


def routed_root(root):
    """The home page as routing asks for it: its specific type, and whether a view
    restriction applies to it (``BasePage.get_view_restrictions`` then needs no query)."""
    model = root.specific_class or type(root)
    root = model.objects.annotate(restricted=view_restricted()).get(pk=root.pk)
    root._view_restricted = root.restricted
    return root


def install(request, frame):
    """Make ``frame`` the request's site, menu and settings, as if looked up for it."""
    request._wagtail_site = frame.site
    if frame.site is None:
        return
    setattr(request, MENU_ATTRIBUTE, frame.menu)
    request._wagtail_cached_site_root_paths = frame.root_paths  # as Page URLs look them up
    frame.settings._request = request  # as Wagtail's ``for_request`` does, for page URLs
    setattr(request, PortalSettings.get_cache_attr_name(), frame.settings)


def request_menu(request):
    """The main menu of ``request``'s site: the installed frame's, else read now."""
    known = getattr(request, MENU_ATTRIBUTE, None)
    if known is not None:
        return known
    site = Site.find_for_request(request)
    return menu_pages(site) if site is not None else []

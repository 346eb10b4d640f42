"""Template tags for the site frame (navigation, breadcrumbs, page links, meta tags) and Vietnamese dates."""

from django import template
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.pagination import page_links
from core.text import MAX_QUERY_LENGTH
from home.frame import request_menu
from home.models import PortalSettings, RelatedLink

register = template.Library()


def _weekday_names():
    return [
        _("Monday"),
        _("Tuesday"),
        _("Wednesday"),
        _("Thursday"),
        _("Friday"),
        _("Saturday"),
        _("Sunday"),
    ]


@register.filter
def vi_datetime(value):
    """Format a date-time the way Vietnamese portals do: "Thứ Bảy, 28/11/2026, 09:15"."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{_weekday_names()[local.weekday()]}, {local:%d/%m/%Y, %H:%M}"


@register.filter
def vi_date(value):
    """Format a date as dd/mm/yyyy, the form used on official documents."""
    if not value:
        return ""
    if hasattr(value, "hour") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value:%d/%m/%Y}"


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """The live, public children of the site's root page that editors marked "show in menus"
    (``home.frame.menu_pages``), from the request's frame when one was installed."""
    request = context.get("request")
    return request_menu(request) if request else []


@register.simple_tag(takes_context=True)
def related_link_items(context, list_id):
    """The links of one related-link list, with their pages and list.

    The first call of a request also loads the lists the site settings place in the sidebar
    and the footer, so a page showing three lists runs one query, not three.
    """
    if not list_id:
        return []
    request = context.get("request")
    loaded = getattr(request, "_related_links", None)
    if loaded is None or list_id not in loaded:
        wanted = {list_id}
        if request is not None:
            settings = PortalSettings.for_request(request)
            wanted |= {settings.sidebar_links_id, settings.footer_links_id} - {None}
        loaded = dict(loaded or {})
        wanted -= loaded.keys()
        loaded.update({wanted_id: [] for wanted_id in wanted})
        links = RelatedLink.objects.filter(link_list_id__in=wanted).select_related(
            "page", "document", "link_list"
        )
        for link in links.order_by("link_list_id", "sort_order"):
            loaded[link.link_list_id].append(link)
        if request is not None:
            request._related_links = loaded
    return loaded[list_id]


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute address of this page: the page's own URL on its site, else the path."""
    request = context.get("request")
    page = context.get("page")
    if page is not None and hasattr(page, "get_full_url"):
        return page.get_full_url(request)
    return request.build_absolute_uri(request.path) if request else ""


@register.simple_tag(takes_context=True)
def og_image_url(context):
    """Absolute address of a 1200x630 crop of the page's ``og_image()``, or "" when none."""
    page = context.get("page")
    request = context.get("request")
    image = page.og_image() if page is not None and hasattr(page, "og_image") else None
    if image is None or request is None:
        return ""
    return request.build_absolute_uri(image.get_rendition("fill-1200x630").url)


@register.simple_tag(takes_context=True)
def page_description(context):
    """The description for search engines and link previews: the editor's, else the summary."""
    page = context.get("page")
    if page is None:
        return ""
    description = getattr(page, "search_description", "")
    if not description and hasattr(page, "search_summary"):
        description = page.search_summary()
    if not description:
        description = _about_the_portal(context, page)
    return Truncator(strip_tags(description or "")).words(40)


def _about_the_portal(context, page):
    """A page with nothing of its own to say (a home page or a category without an
    introduction) is described by its title and the portal's name: search engines show
    the page's first words instead, and Lighthouse marks a page without one down."""
    request = context.get("request")
    if request is None:
        return ""
    portal_name = PortalSettings.for_request(request).portal_name
    return " – ".join(part for part in (page.title, portal_name) if part)


@register.simple_tag
def query_max_length():
    """The longest query the search boxes take (core.text.MAX_QUERY_LENGTH)."""
    return MAX_QUERY_LENGTH


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, current=""):
    """The trail from the home page to ``page``, or to a screen outside the tree named ``current``."""
    return {
        "request": context.get("request"),
        "ancestors": page.breadcrumb_ancestors() if page else [],
        "current": current or page.title,
    }


@register.inclusion_tag("includes/pagination.html")
def pagination(page_obj, query_string="", label=""):
    """Previous, windowed page numbers and next for ``page_obj`` (see core.pagination).

    ``query_string`` holds the listing's valid filters, which every page link keeps.
    """
    return {
        "page_obj": page_obj,
        "links": page_links(page_obj),
        "ellipsis": Paginator.ELLIPSIS,
        "query_prefix": f"{query_string}&" if query_string else "",
        "label": label or _("Pages"),
    }

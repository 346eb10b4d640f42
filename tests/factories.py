"""Shared builders for tests: the page tree every test stands on, users, pages."""

from django.contrib.auth import get_user_model
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage, PortalSettings


def ensure_site():
    """Return the default site's home page, rebuilding the tree a flushed database lost.

    Transactional tests (the browser ones) empty every table afterwards, including the
    tree and the root collection that migrations created, so each test asks for it through this builder.
    """
    if not Collection.objects.exists():
        Collection.add_root(name="Gốc")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    locale, _ = Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Gốc", slug="root", locale=locale)
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="home", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def portal_settings(**values):
    site = Site.objects.get(is_default_site=True)
    defaults = {
        "portal_name": "Trang thông tin điện tử Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh",
        "agency_in_charge": "Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh",
        "content_responsible": "Chánh Văn phòng Điều phối",
        "licence_number": "05/GP-STTTT",
        "address": "Số 02 Nguyễn Chí Thanh, Hà Tĩnh",
        "phone": "0239 3855 555",
        "email": "vpdpntm@hatinh.gov.vn",
    }
    defaults.update(values)
    settings, _ = PortalSettings.objects.update_or_create(site=site, defaults=defaults)
    return settings


def make_superuser(username="admin", password="secret-pass-123"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.com", password)

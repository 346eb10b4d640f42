"""The home page's demo content: its text, the footer's legal information, its sections."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from demo.registry import builder, demo_password, register_account
from home.models import HomePage, PortalSettings


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


register_account("admin", gettext_lazy("administrator (superuser)"))


def serve_at_base_url(site):
    """Point the site at the address the demo is served on (WAGTAILADMIN_BASE_URL), so that
    canonical links, the sitemap and the feeds lead back to it, not to localhost:80."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = address.port or (443 if address.scheme == "https" else 80)
    if (site.hostname, site.port) != (address.hostname, port):
        site.hostname, site.port = address.hostname, port
        site.save()


@builder(order=0)
def build_site(stdout):
    """The home page text, the footer's legal information and the administrator account."""
    page = home_page()
    if isinstance(page, HomePage) and not page.intro:
        page.intro = (
            "Thông tin chỉ đạo, điều hành và kết quả thực hiện Chương trình mục tiêu quốc gia "
            "xây dựng nông thôn mới trên địa bàn tỉnh Hà Tĩnh."
        )
        page.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    serve_at_base_url(site)
    PortalSettings.objects.update_or_create(
        site=site,
        defaults={
            "portal_name": "Trang thông tin điện tử Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh",
            "agency_in_charge": "Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh",
            "content_responsible": "Chánh Văn phòng Điều phối nông thôn mới tỉnh",
            "licence_number": "Giấy phép số 05/GP-STTTT ngày 15/03/2022 của Sở Thông tin và Truyền thông Hà Tĩnh",
            "address": "Số 02 đường Nguyễn Chí Thanh, phường Thành Sen, tỉnh Hà Tĩnh",
            "phone": "0239 3855 555",
            "email": "vpdpntm@hatinh.gov.vn",
        },
    )
    User = get_user_model()
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser(
            "admin",
            "admin@example.com",
            demo_password(),
            first_name="Quản trị",
            last_name="hệ thống",
        )
        stdout.write(_("  + administrator account: admin"))


RELATED_LINKS = [
    ("Cổng thông tin điện tử tỉnh Hà Tĩnh", "https://hatinh.gov.vn"),
    ("Văn phòng Điều phối nông thôn mới Trung ương", "https://nongthonmoi.gov.vn"),
    ("Báo Hà Tĩnh", "https://baohatinh.vn"),
]


@builder(order=90)
def build_home_sections(stdout):
    """Compose the home page from the sections and registers the other builders made.

    It runs once: as soon as the home page has a body (editors' or this builder's) it is left
    alone, and while no news section exists the default composition is shown instead.
    """
    page = home_page()
    if not isinstance(page, HomePage) or page.body:
        return
    defaults = [(child.block_type, child.value) for child in page.default_sections()]
    if not defaults:
        return
    first_section = page.get_children().live().first()
    notices = {
        "heading": "Thông báo",
        "notices": [
            {"title": "Lịch tiếp công dân tháng 12/2026", "page": first_section, "url": ""},
            {
                "title": "Kết quả đánh giá xã đạt chuẩn nông thôn mới nâng cao năm 2026",
                "page": first_section,
                "url": "",
            },
        ],
    }
    links = {
        "heading": "Liên kết",
        "links": [{"title": title, "page": None, "url": url} for title, url in RELATED_LINKS],
    }
    stream = [("notices", notices), *defaults, ("related_links", links)]
    block = page.body.stream_block
    page.body = [(name, block.child_blocks[name].normalize(value)) for name, value in stream]
    page.save_revision().publish()
    stdout.write(_("  + home page sections"))

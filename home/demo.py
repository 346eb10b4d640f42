"""Demo content: a registry that each app's ``demo`` module adds its builders to.

``home`` must not import the content apps, so ``load_demo`` discovers every installed app's
``demo`` module and runs the registered builders in order (reference data before the pages
that use it). Every builder is idempotent: it looks things up by a natural key (slug, title,
username) before creating them, so a second run changes nothing.
"""

import io
import os
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import HomePage, PortalSettings
from home.text import vietnamese_slugify

DEFAULT_DEMO_PASSWORD = "bbt-hatinh-2026"
_BUILDERS = []
_ACCOUNTS = {}


def builder(order):
    """Register ``func(stdout)`` to run at position ``order`` when demo content is loaded."""

    def register(func):
        _BUILDERS.append((order, func))
        return func

    return register


def build_all(stdout):
    autodiscover_modules("demo")
    for _order, func in sorted(_BUILDERS, key=lambda item: item[0]):
        func(stdout)


def register_account(username, role):
    """Declare a demo account so that ``make run`` can tell people how to log in."""
    _ACCOUNTS[username] = role


def demo_accounts():
    autodiscover_modules("demo")
    return dict(_ACCOUNTS)


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def demo_image(title, colour=(11, 83, 148), size=(960, 540)):
    """A generated picture (nothing is downloaded), found again by its title on later runs."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    for step in range(0, size[0], 60):
        draw.line([(step, size[1]), (step + size[1] // 2, 0)], fill=(255, 255, 255), width=2)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    filename = f"{vietnamese_slugify(title)[:60]}.png"
    return Image.objects.create(title=title, file=ImageFile(buffer, name=filename))


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

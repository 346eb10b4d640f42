"""Demo accounts, one per role of the editorial board, and a news item waiting for review
(created only by ``load_demo``)."""

from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import NewsIndexPage, NewsPage
from core.text import vietnamese_slugify
from demo.images import demo_image
from demo.registry import builder, demo_password, register_account
from editorial.roles import ADMIN_TEAM, CHIEF, CONTRIBUTOR, DEPUTY, EDITOR, sync_editorial


class DemoAccount(NamedTuple):
    group: str  # the key of its role in editorial.roles
    first_name: str
    last_name: str
    role: str  # shown by ``make run``


ACCOUNTS = {
    "congtacvien": DemoAccount(CONTRIBUTOR, "Lan", "Nguyễn Thị", gettext_lazy("contributor")),
    "bientapvien": DemoAccount(EDITOR, "Hùng", "Trần Văn", gettext_lazy("editor")),
    "photruongban": DemoAccount(
        DEPUTY, "Hà", "Lê Thị Thu", gettext_lazy("deputy head of the board")
    ),
    "truongban": DemoAccount(CHIEF, "Minh", "Phan Đức", gettext_lazy("editor-in-chief")),
    "quantri": DemoAccount(ADMIN_TEAM, "Tuấn", "Võ Anh", gettext_lazy("site administration team")),
}

for username, account in ACCOUNTS.items():
    register_account(username, account.role)


@builder(order=30)
def build_board_accounts(stdout):
    """The board's groups (repaired if needed) and one demo member per role."""
    sync_editorial(apps)
    User = get_user_model()
    for username, account in ACCOUNTS.items():
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username,
            f"{username}@example.com",
            demo_password(),
            first_name=account.first_name,
            last_name=account.last_name,
        )
        user.groups.add(Group.objects.get(board_role__key=account.group))
        stdout.write(_("  + demo account: %(username)s") % {"username": username})


# A contributor's news item submitted to the editors' step, so their queue is not empty.
WAITING_AUTHOR = "congtacvien"
WAITING_CATEGORY = "Tin huyện, thị xã"
WAITING_TITLE = "Xã Cẩm Hưng hoàn thành 19/19 tiêu chí xã nông thôn mới nâng cao"
WAITING_LEAD = (
    "Sau hai năm nỗ lực, xã Cẩm Hưng đã hoàn thành 19/19 tiêu chí xã nông thôn mới nâng cao "
    "và đang hoàn thiện hồ sơ đề nghị tỉnh thẩm định, công nhận."
)
WAITING_PARAGRAPHS = [
    "Từ năm 2025, Đảng ủy xã Cẩm Hưng ban hành nghị quyết chuyên đề, phân công cán bộ phụ "
    "trách từng tiêu chí, từng thôn; nhân dân hiến hơn 3.000 m² đất mở rộng đường giao thông.",
    "Thu nhập bình quân đầu người của xã năm 2026 ước đạt 72 triệu đồng, tỷ lệ hộ nghèo giảm "
    "còn 1,2%; 100% thôn đạt chuẩn khu dân cư nông thôn mới kiểu mẫu.",
    "Thời gian tới, xã tập trung duy trì, nâng cao chất lượng các tiêu chí, nhất là môi "
    "trường, an ninh trật tự và chuyển đổi số.",
]
WAITING_DATE = datetime(2026, 11, 28, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def _waiting_news(author):
    news = NewsPage(
        title=WAITING_TITLE,
        slug=vietnamese_slugify(WAITING_TITLE),
        lead=WAITING_LEAD,
        published_at=WAITING_DATE,
        featured_image=demo_image(f"Ảnh tin: {WAITING_TITLE}", (46, 125, 50)),
        featured_image_caption="Một tuyến đường thôn ở xã Cẩm Hưng",
        body=[("paragraph", f"<p>{text}</p>") for text in WAITING_PARAGRAPHS],
        source_name="Văn phòng Điều phối NTM tỉnh",
        owner=author,
        live=False,
    )
    news.tags.add("nông thôn mới nâng cao", "Cẩm Xuyên")
    return news


@builder(order=40)
def build_news_waiting_for_review(stdout):
    """The demo contributor's news item, submitted to the news workflow and left at step 1."""
    category = NewsIndexPage.objects.filter(slug=vietnamese_slugify(WAITING_CATEGORY)).first()
    author = get_user_model().objects.filter(username=WAITING_AUTHOR).first()
    if not (category and author):
        return
    if NewsPage.objects.child_of(category).filter(slug=vietnamese_slugify(WAITING_TITLE)).exists():
        return
    item = category.add_child(instance=_waiting_news(author))
    item.save_revision(user=author, log_action=True)
    item.get_workflow().start(item, author)
    stdout.write(_("  + news item waiting for review: %(title)s") % {"title": WAITING_TITLE})

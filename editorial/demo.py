"""Demo accounts, one per role of the editorial board (created only by ``load_demo``)."""

from typing import NamedTuple

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.roles import ADMIN_TEAM, CHIEF, CONTRIBUTOR, DEPUTY, EDITOR, sync_editorial
from home.demo import builder, demo_password, register_account


class DemoAccount(NamedTuple):
    group: str
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
        user.groups.add(Group.objects.get(name=account.group))
        stdout.write(_("  + demo account: %(username)s") % {"username": username})

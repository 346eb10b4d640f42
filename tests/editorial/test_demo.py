"""Demo accounts: one per role, created by the demo loader, listed by ``make run``; the demo
editor finds a contributor's news item in their queue and can move it on."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from demo.registry import demo_password
from editorial.demo import ACCOUNTS, WAITING_TITLE
from tests.editorial.admin_forms import PageEditor
from tests.editorial.conftest import current_step


def test_load_demo_creates_one_account_per_role(demo_site, client):
    for username, account in ACCOUNTS.items():
        user = get_user_model().objects.get(username=username)
        assert list(user.groups.values_list("board_role__key", flat=True)) == [account.group]
        assert not user.is_superuser and not user.is_staff
        assert client.login(username=username, password=demo_password())
        assert client.get("/admin/").status_code == 200, f"{username} reaches the admin"

    editor = PageEditor(client, get_user_model().objects.get(username="bientapvien"))
    assert WAITING_TITLE in client.get(reverse("wagtailadmin_home")).content.decode()
    waiting = Page.objects.get(title=WAITING_TITLE)
    assert editor.approve_in_editor(waiting).status_code == 302
    assert current_step(waiting) == "news_leaders", (
        "the demo item, made outside the editor, moves on when approved from the editor"
    )


@pytest.mark.django_db
def test_demo_accounts_command_lists_every_role(capsys):
    call_command("demo_accounts")
    output = capsys.readouterr().out
    for username in ACCOUNTS:
        assert username in output
    assert "Trưởng Ban biên tập" in output or "editor-in-chief" in output


def test_no_account_exists_without_the_demo_loader(home_page):
    assert not get_user_model().objects.filter(username__in=ACCOUNTS).exists()

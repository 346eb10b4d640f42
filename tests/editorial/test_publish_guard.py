"""Only the editor-in-chief publishes directly: hidden button and a server-side refusal."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.utils import translation
from wagtail.models import GroupPagePermission, Page

from editorial.roles import CHIEF, CONTRIBUTOR, DEPUTY, EDITOR, NEWS
from tests.editorial.conftest import role_group
from tests.factories import ITEM_MODEL, item_fields, make_item

pytestmark = pytest.mark.django_db


def assert_refused(response):
    """Wagtail's admin answers a refused action by sending the user home with an error."""
    assert response.status_code == 302 and response.url == "/admin/", response
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    with translation.override("vi"):
        expected = translation.gettext("Sorry, you do not have permission to access this area.")
    assert messages == [expected], messages


@pytest.fixture
def editors_granted_publish_by_hand(news_section):
    """An administrator ticked "Publish" for the editors' group in the group screen."""
    GroupPagePermission.objects.create(
        group=role_group(EDITOR),
        page=news_section,
        permission=Permission.objects.get(codename="publish_page"),
    )


def test_publish_button_shows_for_the_chief_only(news_section, board, editor_for):
    for role, shown in ((EDITOR, False), (CONTRIBUTOR, False), (CHIEF, True)):
        item = make_item(news_section, board[role], f"Bài của {role}")
        editor = editor_for(board[role])
        html = editor.client.get(editor.edit_url(item)).content.decode()
        assert ('name="action-publish"' in html) is shown, f"publish button for {role}"
        assert 'name="action-submit"' in html, f"{role} can submit for moderation"


def test_direct_publish_is_refused_even_with_a_hand_granted_right(
    news_section, board, editor_for, editors_granted_publish_by_hand
):
    item = make_item(news_section, board[EDITOR], "Bài biên tập viên")
    editor = editor_for(board[EDITOR])
    html = editor.client.get(editor.edit_url(item)).content.decode()
    assert 'name="action-publish"' not in html
    revisions = item.revisions.count()

    response = editor.edit(item, {"title": "Đăng thẳng"}, action="action-publish")

    assert_refused(response)
    item = Page.objects.get(pk=item.pk)
    assert not item.live and item.revisions.count() == revisions, "the refusal changed nothing"


def test_direct_publish_on_create_is_refused(news_section, board, editor_for):
    response = editor_for(board[EDITOR]).create(
        news_section, ITEM_MODEL[NEWS], item_fields(NEWS, "Đăng ngay"), action="action-publish"
    )
    assert_refused(response)
    assert not Page.objects.filter(title="Đăng ngay").exists()


def test_deputy_approves_the_last_step_without_any_publish_right(news_section, board):
    deputy = board[DEPUTY]
    item = make_item(news_section, board[CONTRIBUTOR], "Tin")
    assert not item.permissions_for_user(deputy).can_publish()
    assert not item.permissions_for_user(deputy).can_edit(), "no edit right outside review"


def test_bulk_publish_is_refused_to_an_editor(
    news_section, board, client, editors_granted_publish_by_hand
):
    item = make_item(news_section, board[EDITOR], "Bài")
    client.force_login(board[EDITOR])
    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={item.pk}", {"include_descendants": ""}
    )
    assert_refused(response)
    assert not Page.objects.get(pk=item.pk).live

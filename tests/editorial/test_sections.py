"""A news category or register an administrator creates in the admin joins the board by itself."""

import pytest
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from editorial.roles import CONTRIBUTOR, DEPUTY, EDITOR, NEWS, ROLES, WORKFLOW_BY_KIND
from tests.factories import KINDS, SECTION_MODEL, make_section, make_superuser

pytestmark = pytest.mark.django_db


def section_rights(page):
    """(group, permission type) pairs granted on ``page`` itself."""
    rows = GroupPagePermission.objects.filter(page=page).select_related(
        "group__board_role", "permission"
    )
    return {
        (row.group.board_role.key, row.permission.codename.removesuffix("_page")) for row in rows
    }


def declared_rights(kind):
    return {
        (role.key, permission_type)
        for role in ROLES
        for permission_type in role.section_permissions.get(kind, ())
    }


def create_as_administrator(editor_for, parent, model, title):
    editor = editor_for(make_superuser())
    response = editor.create(
        parent, model, {"title": title, "slug": title.lower().replace(" ", "-")}, "action-publish"
    )
    assert response.status_code == 302, f"the administrator's {model.__name__} should be saved"
    return Page.objects.child_of(parent).get(title=title)


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_top_level_section_gets_its_workflow_and_the_boards_rights(
    kind, home_page, board, editor_for
):
    section = create_as_administrator(editor_for, home_page, SECTION_MODEL[kind], "Chuyên mục mới")

    workflow = WORKFLOW_BY_KIND[kind].name
    assert WorkflowPage.objects.get(page=section).workflow.name == workflow
    assert section_rights(section) == declared_rights(kind)
    permissions = section.permissions_for_user
    assert permissions(board[CONTRIBUTOR]).can_add_subpage(), "contributors write in it"
    assert permissions(board[EDITOR]).can_edit(), "editors edit in it"
    assert not permissions(board[DEPUTY]).can_add_subpage()


def test_a_category_inside_a_section_inherits_instead_of_being_attached(
    news_section, board, editor_for
):
    category = create_as_administrator(
        editor_for, news_section, SECTION_MODEL[NEWS], "Tin Cẩm Xuyên"
    )

    assert not WorkflowPage.objects.filter(page=category).exists()
    assert category.get_workflow().name == WORKFLOW_BY_KIND[NEWS].name, "inherited"
    assert section_rights(category) == set(), "the section's rights reach it already"
    assert category.permissions_for_user(board[CONTRIBUTOR]).can_add_subpage()


def test_a_section_created_in_code_knows_its_workflow_at_once(home_page, board):
    """The page the caller holds, not only a fresh copy from the database."""
    section = make_section(home_page, NEWS, "Tin tức")
    assert section.get_workflow().name == WORKFLOW_BY_KIND[NEWS].name

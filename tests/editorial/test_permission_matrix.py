"""Role x action, through the admin over HTTP: who may do what, and refusals change nothing.

Each action is done by one member of one role on news items and on directives set up for the
occasion; an allowed action must have its effect, a refused one must leave every
moderation-relevant row as it was.
"""

from contextlib import contextmanager

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Revision, Site, TaskState, WorkflowState

from editorial.roles import (
    ADMIN_TEAM,
    CHIEF,
    CONTRIBUTOR,
    DEPUTY,
    DIRECTIVES,
    EDITOR,
    NEWS,
    WORKFLOW_BY_KIND,
)
from home.models import PortalSettings
from tests.factories import (
    ITEM_MODEL,
    KINDS,
    ROLE_USERS,
    item_fields,
    kind_of,
    make_item,
    make_member,
)

# The whole matrix runs with the board as defined and again with every name changed in the admin.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("board_names"), pytest.mark.slow]
ROLES = (CONTRIBUTOR, EDITOR, DEPUTY, CHIEF, ADMIN_TEAM)


def fingerprint():
    """Everything a refused request could have touched."""
    return {
        "pages": sorted(Page.objects.values_list("pk", "title", "live", "draft_title")),
        "revisions": Revision.objects.count(),
        "workflow_states": sorted(WorkflowState.objects.values_list("pk", "status")),
        "task_states": sorted(TaskState.objects.values_list("pk", "status", "revision_id")),
        "log": PageLogEntry.objects.count(),
        "users": sorted(get_user_model().objects.values_list("username", "is_superuser")),
        "memberships": sorted(Group.objects.values_list("name", "user__username")),
        "settings": list(PortalSettings.objects.values_list("portal_name", flat=True)),
    }


class Scene:
    """The pages a role acts on in one section: its own draft, someone else's, an item at
    each step of the section's workflow and a live one."""

    def __init__(self, actor, section, board):
        author = make_member(CONTRIBUTOR, "ctv2")
        self.kind = kind_of(section)
        self.section = section
        self.own = make_item(section, actor, "Bài của tôi")
        self.others = make_item(section, author, "Bài của người khác")
        self.step1 = self.submitted(section, author, "Chờ bước 1")
        self.step2 = self.submitted(section, author, "Chờ bước 2")
        self.step2.current_workflow_task_state.approve(user=board[EDITOR])
        self.live = make_item(section, author, "Đã đăng", live=True)

    @staticmethod
    def submitted(section, author, title):
        item = make_item(section, author, title)
        item.get_workflow().start(item, author)
        return item

    def second_step(self):
        return WORKFLOW_BY_KIND[self.kind].steps[1].key


def reload(page):
    return Page.objects.get(pk=page.pk)


def task_of(page):
    return reload(page).current_workflow_task


def create(editor, scene):
    editor.create(scene.section, ITEM_MODEL[scene.kind], item_fields(scene.kind, "Mới tạo"))
    return Page.objects.filter(title="Mới tạo").exists()


def create_and_publish(editor, scene):
    fields = item_fields(scene.kind, "Đăng ngay")
    editor.create(scene.section, ITEM_MODEL[scene.kind], fields, "action-publish")
    return Page.objects.filter(title="Đăng ngay").exists()


def edit_own(editor, scene):
    editor.edit(scene.own, {"title": "Bài của tôi – sửa"})
    return reload(scene.own).draft_title == "Bài của tôi – sửa"


def edit_others(editor, scene):
    editor.edit(scene.others, {"title": "Sửa bài người khác"})
    return reload(scene.others).draft_title == "Sửa bài người khác"


def submit_own(editor, scene):
    editor.submit(scene.own)
    return reload(scene.own).workflow_in_progress


def approve_step1(editor, scene):
    editor.workflow_action(scene.step1, "approve")
    return task_of(scene.step1).specific.key == scene.second_step()


def reject_step1(editor, scene):
    editor.workflow_action(scene.step1, "reject", comment="Viết lại")
    return reload(scene.step1).current_workflow_state.status == "needs_changes"


def approve_step2(editor, scene):
    editor.workflow_action(scene.step2, "approve")
    return reload(scene.step2).live


def reject_step2(editor, scene):
    editor.workflow_action(scene.step2, "reject", comment="Chưa đăng")
    return reload(scene.step2).current_workflow_state.status == "needs_changes"


def publish_directly(editor, scene):
    editor.edit(scene.own, action="action-publish")
    return reload(scene.own).live


def unpublish(editor, scene):
    editor.unpublish(scene.live)
    return not reload(scene.live).live


def delete(editor, scene):
    editor.delete(scene.live)
    return not Page.objects.filter(pk=scene.live.pk).exists()


def manage_users(editor, scene):
    editor.client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "nguoimoi",
            "email": "nguoimoi@example.com",
            "first_name": "Người",
            "last_name": "Mới",
            "password1": "Mat-khau-rat-dai-2026",
            "password2": "Mat-khau-rat-dai-2026",
            "is_active": "on",
        },
    )
    return get_user_model().objects.filter(username="nguoimoi").exists()


def manage_groups(editor, scene):
    editor.client.post(reverse("wagtailusers_groups:add"), {"name": "Nhóm mới"})
    return Group.objects.filter(name="Nhóm mới").exists()


def manage_settings(editor, scene):
    site = Site.objects.get(is_default_site=True)
    settings = PortalSettings.objects.get(site=site)
    data = {
        field: getattr(settings, field)
        for field in (
            "agency_in_charge",
            "content_responsible",
            "licence_number",
            "address",
            "phone",
            "email",
        )
    }
    editor.client.post(
        reverse("wagtailsettings:edit", args=("home", "portalsettings", site.pk)),
        {**data, "portal_name": "Tên cổng mới"},
    )
    return PortalSettings.objects.get(site=site).portal_name == "Tên cổng mới"


# What members do to items, and the roles allowed to (everyone else must be refused) ...
ITEM_ACTIONS = {
    create: {CONTRIBUTOR, EDITOR, CHIEF},
    edit_own: {CONTRIBUTOR, EDITOR, CHIEF},
    edit_others: {EDITOR, CHIEF},
    submit_own: {CONTRIBUTOR, EDITOR, CHIEF},
    approve_step1: {EDITOR},
    reject_step1: {EDITOR},
    approve_step2: {DEPUTY, CHIEF},
    reject_step2: {DEPUTY, CHIEF},
    publish_directly: {CHIEF},
    create_and_publish: {CHIEF},
    unpublish: {CHIEF},
    delete: {CHIEF},
}
# ... where directives differ: their last step is the editor-in-chief's alone.
DIRECTIVE_ACTIONS = {**ITEM_ACTIONS, approve_step2: {CHIEF}, reject_step2: {CHIEF}}
ALLOWED = {NEWS: ITEM_ACTIONS, DIRECTIVES: DIRECTIVE_ACTIONS}
# What administrators do, whatever the section.
SITE_ACTIONS = {
    manage_users: {ADMIN_TEAM},
    manage_groups: set(),
    manage_settings: {ADMIN_TEAM},
}


@contextmanager
def rolled_back():
    """Undo whatever the block wrote, so that every action starts from the same scene."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def check(action, allowed, role, editor, scene):
    with rolled_back():
        before = fingerprint()
        done = action(editor, scene)
        if role in allowed:
            assert done, f"{role} should be able to {action.__name__}"
        else:
            assert not done, f"{role} must not be able to {action.__name__}"
            assert fingerprint() == before, f"refusing {role} to {action.__name__} changed data"


@pytest.mark.parametrize("role", ROLES, ids=lambda role: ROLE_USERS[role])
@pytest.mark.parametrize("kind", KINDS)
def test_role_may_do_to_items_only_what_is_listed(
    kind, role, sections, board, editor_for, subtests
):
    """One scene per role and kind; each action runs on it and is undone afterwards."""
    scene = Scene(board[role], sections[kind], board)
    editor = editor_for(board[role])
    for action, allowed in ALLOWED[kind].items():
        with subtests.test(action=action.__name__):
            check(action, allowed, role, editor, scene)


@pytest.mark.parametrize("role", ROLES, ids=lambda role: ROLE_USERS[role])
def test_role_may_administer_only_what_is_listed(role, board, site_settings, editor_for, subtests):
    editor = editor_for(board[role])
    for action, allowed in SITE_ACTIONS.items():
        with subtests.test(action=action.__name__):
            check(action, allowed, role, editor, scene=None)

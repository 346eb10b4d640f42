"""The roles exist as Wagtail groups, the setup command repairs drift and nothing else."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editorial.models import EditorialReviewTask
from editorial.roles import (
    ADMIN_TEAM,
    BOARD_ROLES,
    CHIEF,
    CONTRIBUTOR,
    DEPUTY,
    EDITOR,
    NEWS,
    ROLES,
    WORKFLOW_BY_KIND,
    sync_editorial,
)
from tests.editorial.conftest import role_group

pytestmark = pytest.mark.django_db


MIGRATION = importlib.import_module("editorial.migrations.0002_roles_and_workflows")
WAGTAIL_DEFAULT_GROUPS = MIGRATION.WAGTAIL_DEFAULT_GROUPS
WAGTAIL_DEFAULT_WORKFLOW = MIGRATION.WAGTAIL_DEFAULT_WORKFLOW


@pytest.fixture
def fresh_install(home_page):
    """What Wagtail's own migrations leave behind (a flushed test database lost it)."""
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    Group.objects.get_or_create(name="Editors")
    workflow, _ = Workflow.objects.get_or_create(name=WAGTAIL_DEFAULT_WORKFLOW)
    workflow.active = True
    workflow.save()
    task, _ = GroupApprovalTask.objects.get_or_create(name=WAGTAIL_DEFAULT_WORKFLOW)
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": workflow}
    )


def test_migration_creates_the_roles_and_workflows(fresh_install):
    MIGRATION.forwards(apps, None)
    assert set(Group.objects.values_list("name", flat=True)) >= {role.name for role in ROLES}
    news = Workflow.objects.get(name=WORKFLOW_BY_KIND[NEWS].name)
    steps = [
        (task.name, {g.board_role.key for g in task.specific.groups.all()}) for task in news.tasks
    ]
    assert steps == [
        ("Biên tập viên duyệt tin", {EDITOR}),
        ("Lãnh đạo Ban duyệt tin", {DEPUTY, CHIEF}),
    ]


def test_migration_retires_wagtail_sample_roles_and_reverses(fresh_install, home_page):
    MIGRATION.forwards(apps, None)
    assert not Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).exists()
    sample = Workflow.objects.get(name=WAGTAIL_DEFAULT_WORKFLOW)
    assert not sample.active, "the sample workflow must not moderate anything"
    assert not WorkflowPage.objects.filter(workflow=sample).exists()
    assert home_page.get_workflow() is None, "no workflow outside the board's sections"

    MIGRATION.backwards(apps, None)
    assert not Group.objects.filter(name__in=[role.name for role in ROLES]).exists()
    assert Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).count() == 2
    assert Page.objects.get(pk=home_page.pk).get_workflow().name == WAGTAIL_DEFAULT_WORKFLOW

    MIGRATION.forwards(apps, None)
    assert Workflow.objects.get(name=WORKFLOW_BY_KIND[NEWS].name).active


def snapshot():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.managed  # a model without a table holds only permissions
    }


def test_setup_command_run_twice_changes_nothing(news_section, capsys):
    before = snapshot()
    call_command("setup_editorial")
    assert snapshot() == before, "a second run must not add or remove any row"
    assert "không có gì thay đổi" in capsys.readouterr().out.lower()


def test_setup_command_repairs_drift_and_leaves_other_groups_alone(news_section, board):
    editors = role_group(EDITOR)
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(group=editors, page=news_section, permission=publish)
    role_group(CONTRIBUTOR).permissions.clear()
    Task.objects.filter(name="Biên tập viên duyệt tin").update(active=False)
    outsider = Group.objects.create(name="Nhóm riêng")
    outsider.permissions.add(Permission.objects.get(codename="add_user"))
    GroupPagePermission.objects.create(group=outsider, page=news_section, permission=publish)

    call_command("setup_editorial", verbosity=0)

    assert not GroupPagePermission.objects.filter(group=editors, permission=publish).exists()
    assert role_group(CONTRIBUTOR).permissions.filter(codename="access_admin")
    assert Task.objects.get(name="Biên tập viên duyệt tin").active
    assert news_section.get_workflow().name == WORKFLOW_BY_KIND[NEWS].name
    assert list(outsider.permissions.values_list("codename", flat=True)) == ["add_user"]
    assert GroupPagePermission.objects.filter(group=outsider, permission=publish).exists(), (
        "groups outside the board are not the command's business"
    )
    before = snapshot()
    call_command("setup_editorial", verbosity=0)
    assert snapshot() == before


@pytest.mark.parametrize("role", [*BOARD_ROLES, ADMIN_TEAM])
def test_only_the_administration_team_manages_users(board, role):
    user = board[role]
    can_manage = {
        perm
        for perm in ("auth.add_user", "auth.change_user", "auth.delete_user")
        if user.has_perm(perm)
    }
    if role == ADMIN_TEAM:
        assert can_manage == {"auth.add_user", "auth.change_user", "auth.delete_user"}
    else:
        assert not can_manage, f"{role} must not manage users"
        assert not user.has_perm("auth.change_group")
        assert not user.has_perm("home.change_portalsettings")


def test_the_migrations_give_what_the_definition_says(db):
    """On the freshly migrated test database (frozen migrations only) there is nothing to
    repair: a change of editorial/roles.py needs a migration of its own."""
    sync = sync_editorial(apps)
    assert sync.changes == [] and sync.renamed == []
    assert role_group(CHIEF).permissions.filter(codename="publish_directly").exists()


def rename_everything():
    for objects in (
        Group.objects.filter(board_role__isnull=False),
        Workflow.objects.filter(board_workflow__isnull=False),
        EditorialReviewTask.objects.filter(key__isnull=False),
    ):
        for obj in objects:
            obj.name = f"{obj.name} (đổi tên)"
            obj.save(update_fields=["name"])


def test_setup_command_reports_renames_and_creates_no_duplicate(news_section, board, capsys):
    rename_everything()
    before = snapshot()
    call_command("setup_editorial")
    output = capsys.readouterr().out
    assert snapshot() == before, "no second group, workflow or step"
    assert role_group(CHIEF).name == "Trưởng Ban biên tập (đổi tên)", "the admin's name is kept"
    assert "“Trưởng Ban biên tập (đổi tên)”" in output and "“Duyệt tin bài (đổi tên)”" in output
    assert "--restore-names" in output and "không có gì thay đổi" in output.lower()

    call_command("setup_editorial", "--restore-names")
    assert snapshot() == before
    assert role_group(CHIEF).name == "Trưởng Ban biên tập"
    assert Workflow.objects.get(board_workflow__key=NEWS).name == "Duyệt tin bài"
    assert EditorialReviewTask.objects.get(key="news_editor").name == "Biên tập viên duyệt tin"


def test_a_group_without_its_key_is_adopted_by_name(news_section, board):
    """A key row lost (deleted by hand): the group of the defined name takes it back."""
    group = role_group(EDITOR)
    group.board_role.delete()
    changes = sync_editorial(apps).changes
    assert role_group(EDITOR) == group and Group.objects.filter(name=group.name).count() == 1
    assert changes == [f"{group.name}: role {EDITOR}"]

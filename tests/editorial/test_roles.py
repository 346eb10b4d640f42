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

from editorial.roles import (
    ADMIN_TEAM,
    BOARD_ROLES,
    CHIEF,
    CONTRIBUTOR,
    DEPUTY,
    EDITOR,
    NEWS,
    ROLES,
    WAGTAIL_DEFAULT_GROUPS,
    WAGTAIL_DEFAULT_WORKFLOW,
    WORKFLOW_BY_KIND,
)

pytestmark = pytest.mark.django_db


MIGRATION = importlib.import_module("editorial.migrations.0002_roles_and_workflows")


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
    steps = [(task.name, {g.name for g in task.specific.groups.all()}) for task in news.tasks]
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
    editors = Group.objects.get(name=EDITOR)
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(group=editors, page=news_section, permission=publish)
    Group.objects.get(name=CONTRIBUTOR).permissions.clear()
    Task.objects.filter(name="Biên tập viên duyệt tin").update(active=False)
    outsider = Group.objects.create(name="Nhóm riêng")
    outsider.permissions.add(Permission.objects.get(codename="add_user"))
    GroupPagePermission.objects.create(group=outsider, page=news_section, permission=publish)

    call_command("setup_editorial", verbosity=0)

    assert not GroupPagePermission.objects.filter(group=editors, permission=publish).exists()
    assert Group.objects.get(name=CONTRIBUTOR).permissions.filter(codename="access_admin")
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

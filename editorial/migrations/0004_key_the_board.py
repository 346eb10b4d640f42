"""Give the board's groups, workflows and steps their stable keys; grant "publish directly".

The board's objects are found by the names 0002 gave them, for the last time: from here on
the code finds them by key, so an administrator may rename them. The editor-in-chief's group
gets the board's own right to publish without moderation, which replaces asking for the
group's name. Frozen like 0002: historical models only.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_KEYS = {
    "Cộng tác viên": "contributor",
    "Biên tập viên": "editor",
    "Phó Trưởng ban / Thư ký": "deputy",
    "Trưởng Ban biên tập": "chief",
    "Tổ quản trị": "admin_team",
}
WORKFLOW_KEYS = {"Duyệt tin bài": "news", "Duyệt văn bản": "directives"}
STEP_KEYS = {
    "Biên tập viên duyệt tin": "news_editor",
    "Lãnh đạo Ban duyệt tin": "news_leaders",
    "Biên tập viên kiểm tra văn bản": "directives_editor",
    "Trưởng Ban duyệt văn bản": "directives_chief",
}
PUBLISHER = "Trưởng Ban biên tập"


def publish_directly(apps):
    """The new permission, which post_migrate would only create after every migration."""
    app_config = apps.get_app_config("editorial")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="editorial", codename="publish_directly")


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("editorial", "EditorialReviewTask")
    BoardRole = apps.get_model("editorial", "BoardRole")
    BoardWorkflow = apps.get_model("editorial", "BoardWorkflow")
    for group in Group.objects.filter(name__in=ROLE_KEYS, board_role__isnull=True):
        BoardRole.objects.create(group=group, key=ROLE_KEYS[group.name])
    for workflow in Workflow.objects.filter(name__in=WORKFLOW_KEYS, board_workflow__isnull=True):
        BoardWorkflow.objects.create(workflow=workflow, key=WORKFLOW_KEYS[workflow.name])
    for task in Task.objects.filter(name__in=STEP_KEYS, key__isnull=True):
        task.key = STEP_KEYS[task.name]
        task.save(update_fields=["key"])
    for group in Group.objects.filter(name=PUBLISHER):
        group.permissions.add(publish_directly(apps))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(board_role__key="chief"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="editorial", codename="publish_directly"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("editorial", "0003_board_keys")]

    operations = [migrations.RunPython(forwards, backwards)]

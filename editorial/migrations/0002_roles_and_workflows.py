"""Create the editorial board's groups, rights and workflows; retire Wagtail's sample roles."""

from django.db import migrations

from editorial.roles import (
    ROLES,
    WAGTAIL_DEFAULT_GROUPS,
    WAGTAIL_DEFAULT_WORKFLOW,
    WORKFLOWS,
    retire_wagtail_defaults,
    sync_editorial,
)


def forwards(apps, schema_editor):
    retire_wagtail_defaults(apps)
    sync_editorial(apps)


def backwards(apps, schema_editor):
    """Remove the board's roles and workflows and give back Wagtail's samples."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    EditorialReviewTask = apps.get_model("editorial", "EditorialReviewTask")

    Group.objects.filter(name__in=[role.name for role in ROLES]).delete()
    Workflow.objects.filter(name__in=[spec.name for spec in WORKFLOWS]).delete()
    EditorialReviewTask.objects.all().delete()

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root = Page.objects.filter(depth=1).first()
    defaults = {"Editors": ("add", "change"), "Moderators": ("add", "change", "publish", "lock", "unlock")}
    for name in WAGTAIL_DEFAULT_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for kind in defaults[name] if root else ():
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{kind}_page"
                ),
            )
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        workflow.active = True
        workflow.save(update_fields=["active"])
        if root:
            WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
        for task in GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow):
            task.active = True
            task.save(update_fields=["active"])
            task.groups.add(Group.objects.get(name="Moderators"))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_review_task"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("home", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

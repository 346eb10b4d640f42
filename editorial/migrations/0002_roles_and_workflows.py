"""Create the editorial board's groups, rights and workflows; retire Wagtail's sample roles.

The board's first definition is frozen here, with historical models only: what this migration
creates on a fresh database must never follow later edits of ``editorial/roles.py``. Later
changes are migrations of their own, and ``manage.py setup_editorial`` brings a database in
line with the current definition at deploy time.

It runs after every model whose rights the roles grant exists (the related-link lists of
``home`` and the reference data of ``directives``), whatever order Django picks for the apps.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTRIBUTOR = "Cộng tác viên"
EDITOR = "Biên tập viên"
DEPUTY = "Phó Trưởng ban / Thư ký"
CHIEF = "Trưởng Ban biên tập"
ADMIN_TEAM = "Tổ quản trị"

UPLOAD = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
EDIT = UPLOAD + ("wagtailimages.change_image", "wagtaildocs.change_document")

# name: (model permissions, root collection permissions, {section kind: page permission
# types on each section}, page permission types on every site's root page)
ROLES = {
    CONTRIBUTOR: (
        ("wagtailadmin.access_admin",),
        UPLOAD,
        {"news": ("add",), "directives": ("add",)},
        (),
    ),
    EDITOR: (
        ("wagtailadmin.access_admin",),
        EDIT,
        {"news": ("add", "change"), "directives": ("add", "change")},
        (),
    ),
    DEPUTY: (
        ("wagtailadmin.access_admin",),
        ("wagtailimages.choose_image", "wagtaildocs.choose_document"),
        {},
        (),
    ),
    CHIEF: (
        ("wagtailadmin.access_admin",),
        EDIT,
        {},
        ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    ),
    ADMIN_TEAM: (
        (
            "wagtailadmin.access_admin",
            "auth.add_user",
            "auth.change_user",
            "auth.delete_user",
            "home.change_portalsettings",
            "home.add_relatedlinklist",
            "home.change_relatedlinklist",
            "home.delete_relatedlinklist",
            "directives.add_issuingbody",
            "directives.change_issuingbody",
            "directives.delete_issuingbody",
            "directives.add_documenttype",
            "directives.change_documenttype",
            "directives.delete_documenttype",
            "directives.add_field",
            "directives.change_field",
            "directives.delete_field",
        ),
        (),
        {},
        (),
    ),
}
# kind: (workflow name, ((step name, reviewer groups), ...), section page type)
WORKFLOWS = {
    "news": (
        "Duyệt tin bài",
        (("Biên tập viên duyệt tin", (EDITOR,)), ("Lãnh đạo Ban duyệt tin", (DEPUTY, CHIEF))),
        ("articles", "newsindexpage"),
    ),
    "directives": (
        "Duyệt văn bản",
        (
            ("Biên tập viên kiểm tra văn bản", (EDITOR,)),
            ("Trưởng Ban duyệt văn bản", (CHIEF,)),
        ),
        ("directives", "directiveindexpage"),
    ),
}

# What Wagtail's own first migration creates.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def ensure_permissions(apps):
    """The model permissions post_migrate would create, which the roles need now."""
    for app_config in apps.get_app_configs():
        # Historical app configs have no models module, which makes create_permissions skip them.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = models_module


def permission(apps, label):
    app_label, codename = label.split(".")
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(apps, permission_type):
    return permission(apps, f"wagtailcore.{permission_type}_page")


def create_workflow(apps, kind):
    """The workflow of ``kind`` with its steps, attached to the topmost section pages;
    returns the ids of those pages."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("editorial", "EditorialReviewTask")

    name, steps, (app_label, model) = WORKFLOWS[kind]
    workflow, _ = Workflow.objects.get_or_create(name=name)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="editorial", model="editorialreviewtask"
    )
    for order, (step_name, reviewers) in enumerate(steps):
        task, _ = Task.objects.get_or_create(name=step_name, defaults={"content_type": task_type})
        task.groups.set(Group.objects.filter(name__in=reviewers))
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=order)
    tops = []
    pages = Page.objects.filter(content_type__app_label=app_label, content_type__model=model)
    for page in pages.order_by("path"):
        if not any(page.path.startswith(top.path) for top in tops):
            tops.append(page)
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return [page.pk for page in tops]


def grant(apps, group, role, sections):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Site = apps.get_model("wagtailcore", "Site")

    model_permissions, collection_permissions, section_permissions, site_permissions = role
    group.permissions.add(*(permission(apps, label) for label in model_permissions))
    root = Collection.objects.filter(depth=1).first()
    for label in collection_permissions if root else ():
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission(apps, label)
        )
    wanted = [
        (page_id, kind)
        for section_kind, kinds in section_permissions.items()
        for page_id in sections[section_kind]
        for kind in kinds
    ]
    wanted += [
        (page_id, kind)
        for page_id in Site.objects.values_list("root_page_id", flat=True)
        for kind in site_permissions
    ]
    for page_id, kind in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=page_permission(apps, kind)
        )


def retire_wagtail_defaults(apps):
    """ "Editors" and "Moderators" are deleted when nobody belongs to them (a fresh install);
    the "Moderators approval" workflow and its step are deactivated and detached, history kept.
    """
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
        Task.objects.filter(workflow_tasks__workflow=workflow).update(active=False)


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    retire_wagtail_defaults(apps)
    ensure_permissions(apps)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    sections = {kind: create_workflow(apps, kind) for kind in WORKFLOWS}
    for name, role in ROLES.items():
        grant(apps, groups[name], role, sections)


def backwards(apps, schema_editor):
    """Remove the board's roles and workflows and give back Wagtail's samples."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    EditorialReviewTask = apps.get_model("editorial", "EditorialReviewTask")

    Group.objects.filter(name__in=ROLES).delete()
    Workflow.objects.filter(name__in=[spec[0] for spec in WORKFLOWS.values()]).delete()
    EditorialReviewTask.objects.all().delete()

    access_admin = permission(apps, "wagtailadmin.access_admin")
    root = Page.objects.filter(depth=1).first()
    defaults = {
        "Editors": ("add", "change"),
        "Moderators": ("add", "change", "publish", "lock", "unlock"),
    }
    for name in WAGTAIL_DEFAULT_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for kind in defaults[name] if root else ():
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=page_permission(apps, kind)
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
        ("home", "0003_relatedlinklist_relatedlink_and_more"),
        ("directives", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

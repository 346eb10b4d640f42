"""The editorial board's roles, workflows and section rights, declared once and kept in line.

Everything here is Wagtail's own machinery: each role is a ``Group`` with Django model
permissions, ``GroupPagePermission`` rows on the sections and ``GroupCollectionPermission``
rows on the root collection; moderation is two ``Workflow`` objects made of
``EditorialReviewTask`` steps. ``sync_editorial`` creates what is missing and repairs what has
drifted, touching nothing outside these groups and workflows; the data migration and the
``setup_editorial`` command both call it, with the historical and the live app registry.

A *section* is a page that one of the board's workflows is attached to. The top news index and
every top directive register become sections automatically; an administrator may make any
other page a section by attaching the workflow to it in Wagtail's Workflows screen.
"""

from dataclasses import dataclass, field

from django.contrib.auth.management import create_permissions

CONTRIBUTOR = "Cộng tác viên"
EDITOR = "Biên tập viên"
DEPUTY = "Phó Trưởng ban / Thư ký"
CHIEF = "Trưởng Ban biên tập"
ADMIN_TEAM = "Tổ quản trị"
BOARD_ROLES = (CONTRIBUTOR, EDITOR, DEPUTY, CHIEF)
REVIEWER_ROLES = (EDITOR, DEPUTY, CHIEF)

NEWS = "news"
DIRECTIVES = "directives"

IMAGE_AND_DOCUMENT_UPLOAD = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
# The board's leaders and the administration team sign in with a second factor (security/).
TWO_FACTOR = ("security.require_two_factor",)
IMAGE_AND_DOCUMENT_EDIT = IMAGE_AND_DOCUMENT_UPLOAD + (
    "wagtailimages.change_image",
    "wagtaildocs.change_document",
)


@dataclass(frozen=True)
class Role:
    name: str
    model_permissions: tuple = ()
    collection_permissions: tuple = ()
    # Page permission types on each section, by section kind.
    section_permissions: dict = field(default_factory=dict)
    # Page permission types on every site's root page (the whole site).
    site_permissions: tuple = ()


ROLES = (
    Role(
        CONTRIBUTOR,
        model_permissions=("wagtailadmin.access_admin",),
        collection_permissions=IMAGE_AND_DOCUMENT_UPLOAD,
        section_permissions={NEWS: ("add",), DIRECTIVES: ("add",)},
    ),
    Role(
        EDITOR,
        model_permissions=("wagtailadmin.access_admin",),
        collection_permissions=IMAGE_AND_DOCUMENT_EDIT,
        section_permissions={NEWS: ("add", "change"), DIRECTIVES: ("add", "change")},
    ),
    Role(
        DEPUTY,
        model_permissions=("wagtailadmin.access_admin", *TWO_FACTOR),
        collection_permissions=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
    ),
    Role(
        CHIEF,
        model_permissions=("wagtailadmin.access_admin", *TWO_FACTOR),
        collection_permissions=IMAGE_AND_DOCUMENT_EDIT,
        site_permissions=("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    ),
    Role(
        ADMIN_TEAM,
        model_permissions=(
            "wagtailadmin.access_admin",
            *TWO_FACTOR,
            "axes.delete_accessattempt",  # unlock a locked sign-in
            "otp_totp.delete_totpdevice",  # reset a member's lost second factor
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
    ),
)


@dataclass(frozen=True)
class Step:
    name: str
    groups: tuple


@dataclass(frozen=True)
class BoardWorkflow:
    kind: str
    name: str
    steps: tuple
    # Page types whose topmost instances carry this workflow.
    section_models: tuple


WORKFLOWS = (
    BoardWorkflow(
        NEWS,
        "Duyệt tin bài",
        (
            Step("Biên tập viên duyệt tin", (EDITOR,)),
            Step("Lãnh đạo Ban duyệt tin", (DEPUTY, CHIEF)),
        ),
        ("articles.NewsIndexPage",),
    ),
    BoardWorkflow(
        DIRECTIVES,
        "Duyệt văn bản",
        (
            Step("Biên tập viên kiểm tra văn bản", (EDITOR,)),
            Step("Trưởng Ban duyệt văn bản", (CHIEF,)),
        ),
        ("directives.DirectiveIndexPage",),
    ),
)
WORKFLOW_BY_KIND = {workflow.kind: workflow for workflow in WORKFLOWS}

# What Wagtail's own first migration creates; see README "Roles of the editorial board".
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


class Sync:
    """One pass of creating and repairing; ``changes`` lists what it did, for the command."""

    def __init__(self, apps):
        self.apps = apps
        self.changes = []
        self.Group = apps.get_model("auth", "Group")
        self.Permission = apps.get_model("auth", "Permission")
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.Page = apps.get_model("wagtailcore", "Page")
        self.Site = apps.get_model("wagtailcore", "Site")
        self.Collection = apps.get_model("wagtailcore", "Collection")
        self.GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
        self.GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
        self.Workflow = apps.get_model("wagtailcore", "Workflow")
        self.WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
        self.WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
        self.Task = apps.get_model("editorial", "EditorialReviewTask")

    def note(self, message):
        self.changes.append(message)

    # Permissions -------------------------------------------------------------------------

    def permission(self, label):
        app_label, codename = label.split(".")
        return self.Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()

    def page_permission(self, permission_type):
        return self.Permission.objects.get(
            content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
        )

    def group(self, name):
        group, created = self.Group.objects.get_or_create(name=name)
        if created:
            self.note(f"created group {name}")
        return group

    def sync_model_permissions(self, group, labels):
        wanted = {perm.pk: label for label in labels if (perm := self.permission(label))}
        current = set(group.permissions.values_list("pk", flat=True))
        for pk in wanted.keys() - current:
            group.permissions.add(pk)
            self.note(f"{group.name}: granted {wanted[pk]}")
        extra = current - wanted.keys()
        if extra:
            group.permissions.remove(*extra)
            self.note(f"{group.name}: withdrew {len(extra)} model permission(s)")

    def sync_collection_permissions(self, group, labels):
        root = self.Collection.objects.filter(depth=1).first()
        if root is None:
            return
        wanted = {(root.pk, perm.pk) for label in labels if (perm := self.permission(label))}
        rows = self.GroupCollectionPermission.objects.filter(group=group)
        current = {(row.collection_id, row.permission_id): row for row in rows}
        for collection_id, permission_id in wanted - current.keys():
            self.GroupCollectionPermission.objects.create(
                group=group, collection_id=collection_id, permission_id=permission_id
            )
            self.note(f"{group.name}: granted a collection permission")
        for key in current.keys() - wanted:
            current[key].delete()
            self.note(f"{group.name}: withdrew a collection permission")

    def sync_page_permissions(self, group, wanted):
        """``wanted`` is a set of (page id, permission type) pairs; anything else is drift."""
        wanted_ids = {(page_id, self.page_permission(kind).pk) for page_id, kind in wanted}
        rows = self.GroupPagePermission.objects.filter(group=group)
        current = {(row.page_id, row.permission_id): row for row in rows}
        for page_id, permission_id in wanted_ids - current.keys():
            self.GroupPagePermission.objects.create(
                group=group, page_id=page_id, permission_id=permission_id
            )
            self.note(f"{group.name}: granted a page permission on page {page_id}")
        for key in current.keys() - wanted_ids:
            current[key].delete()
            self.note(f"{group.name}: withdrew a page permission on page {key[0]}")

    # Workflows ---------------------------------------------------------------------------

    def task(self, step):
        content_type, _ = self.ContentType.objects.get_or_create(
            app_label="editorial", model="editorialreviewtask"
        )
        task = self.Task.objects.filter(name=step.name).first()
        if task is None:
            task = self.Task.objects.create(name=step.name, content_type=content_type)
            self.note(f"created step {step.name}")
        if not task.active:
            task.active = True
            task.save(update_fields=["active"])
            self.note(f"reactivated step {step.name}")
        wanted = set(self.Group.objects.filter(name__in=step.groups).values_list("pk", flat=True))
        if set(task.groups.values_list("pk", flat=True)) != wanted:
            task.groups.set(wanted)
            self.note(f"{step.name}: reviewers set to {', '.join(step.groups)}")
        return task

    def workflow(self, spec):
        workflow, created = self.Workflow.objects.get_or_create(name=spec.name)
        if created:
            self.note(f"created workflow {spec.name}")
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
            self.note(f"reactivated workflow {spec.name}")
        tasks = [self.task(step) for step in spec.steps]
        current = list(
            self.WorkflowTask.objects.filter(workflow=workflow)
            .order_by("sort_order")
            .values_list("task_id", flat=True)
        )
        if current != [task.pk for task in tasks]:
            self.WorkflowTask.objects.filter(workflow=workflow).delete()
            for order, task in enumerate(tasks):
                self.WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
            self.note(f"{spec.name}: steps set in order")
        return workflow

    def typed_sections(self, spec):
        """The topmost pages of the section types (a category inside a section is not one)."""
        pages = []
        for label in spec.section_models:
            app_label, model_name = label.split(".")
            pages += self.Page.objects.filter(
                content_type__app_label=app_label, content_type__model=model_name.lower()
            ).only("pk", "path")
        tops = []
        for page in sorted(pages, key=lambda page: page.path):
            if not any(page.path.startswith(top.path) for top in tops):
                tops.append(page)
        return tops

    def attach(self, workflow, page_id):
        link = self.WorkflowPage.objects.filter(page_id=page_id).first()
        if link is None:
            self.WorkflowPage.objects.create(page_id=page_id, workflow=workflow)
            self.note(f"{workflow.name}: attached to page {page_id}")
        elif link.workflow_id != workflow.pk:
            link.workflow = workflow
            link.save(update_fields=["workflow"])
            self.note(f"{workflow.name}: attached to page {page_id} instead of another")

    # The whole pass ----------------------------------------------------------------------

    def run(self):
        groups = {role.name: self.group(role.name) for role in ROLES}
        sections = {}
        for spec in WORKFLOWS:
            workflow = self.workflow(spec)
            for page in self.typed_sections(spec):
                self.attach(workflow, page.pk)
            sections[spec.kind] = set(
                self.WorkflowPage.objects.filter(workflow=workflow).values_list(
                    "page_id", flat=True
                )
            )
        site_roots = set(self.Site.objects.values_list("root_page_id", flat=True))
        for role in ROLES:
            group = groups[role.name]
            self.sync_model_permissions(group, role.model_permissions)
            self.sync_collection_permissions(group, role.collection_permissions)
            wanted = {
                (page_id, kind)
                for section_kind, kinds in role.section_permissions.items()
                for page_id in sections.get(section_kind, ())
                for kind in kinds
            }
            wanted |= {(page_id, kind) for page_id in site_roots for kind in role.site_permissions}
            self.sync_page_permissions(group, wanted)
        return self.changes


def sync_editorial(apps):
    """Create or repair the board's groups, rights and workflows; return what changed."""
    for app_config in apps.get_app_configs():
        # Historical app configs have no models module, which makes create_permissions skip them.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = models_module
    return Sync(apps).run()


def retire_wagtail_defaults(apps):
    """Remove Wagtail's sample roles so that only the board's roles grant anything.

    "Editors" and "Moderators" are deleted when nobody belongs to them (a fresh install); the
    "Moderators approval" workflow and its step are deactivated and detached, history kept.
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


def register_section(page):
    """Make a newly created news index or directive register a section of the board.

    A category created inside an existing section already inherits its workflow and rights.
    """
    from django.apps import apps

    spec = next((spec for spec in WORKFLOWS if page._meta.label in spec.section_models), None)
    if spec is None:
        return
    sync = Sync(apps)
    workflow = sync.Workflow.objects.filter(name=spec.name, active=True).first()
    # Asked of the parent: asking ``page`` would cache on it that it has no workflow of its own.
    if workflow is None or page.get_parent().get_workflow() == workflow:
        return
    sync.attach(workflow, page.pk)
    for role in ROLES:
        group = sync.Group.objects.filter(name=role.name).first()
        for kind in role.section_permissions.get(spec.kind, ()) if group else ():
            sync.GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=sync.page_permission(kind)
            )

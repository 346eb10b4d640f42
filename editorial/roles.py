"""The editorial board's roles, workflows and section rights, declared once and kept in line.

Everything here is Wagtail's own machinery: each role is a ``Group`` with Django model
permissions, ``GroupPagePermission`` rows on the sections and ``GroupCollectionPermission``
rows on the root collection; moderation is two ``Workflow`` objects made of
``EditorialReviewTask`` steps. ``sync_editorial`` creates what is missing and repairs what has
drifted, touching nothing outside these groups and workflows; ``setup_editorial`` and the demo
loader call it. The data migration ``0002`` holds its own frozen copy of the first definition,
so editing this module never changes what an old migration does.

A *section* is a page that one of the board's workflows is attached to. The top news index and
every top directive register become sections automatically; an administrator may make any
other page a section by attaching the workflow to it in Wagtail's Workflows screen.
"""

from dataclasses import dataclass, field

from django.contrib.auth.management import create_permissions
from django.utils.translation import gettext as _

# Stable keys of the roles (``BoardRole.key``): code asks for these, never for group names.
CONTRIBUTOR = "contributor"
EDITOR = "editor"
DEPUTY = "deputy"
CHIEF = "chief"
ADMIN_TEAM = "admin_team"
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


# The board's own right, held by the editor-in-chief's role (see editorial.publishing).
PUBLISH_DIRECTLY = "editorial.publish_directly"


@dataclass(frozen=True)
class Role:
    key: str
    # The name a new group gets; an administrator may rename it afterwards.
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
        "Cộng tác viên",
        model_permissions=("wagtailadmin.access_admin",),
        collection_permissions=IMAGE_AND_DOCUMENT_UPLOAD,
        section_permissions={NEWS: ("add",), DIRECTIVES: ("add",)},
    ),
    Role(
        EDITOR,
        "Biên tập viên",
        model_permissions=("wagtailadmin.access_admin",),
        collection_permissions=IMAGE_AND_DOCUMENT_EDIT,
        section_permissions={NEWS: ("add", "change"), DIRECTIVES: ("add", "change")},
    ),
    Role(
        DEPUTY,
        "Phó Trưởng ban / Thư ký",
        model_permissions=("wagtailadmin.access_admin", *TWO_FACTOR),
        collection_permissions=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
    ),
    Role(
        CHIEF,
        "Trưởng Ban biên tập",
        model_permissions=("wagtailadmin.access_admin", PUBLISH_DIRECTLY, *TWO_FACTOR),
        collection_permissions=IMAGE_AND_DOCUMENT_EDIT,
        site_permissions=("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    ),
    Role(
        ADMIN_TEAM,
        "Tổ quản trị",
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
    key: str
    name: str
    # Keys of the roles that review this step.
    groups: tuple


@dataclass(frozen=True)
class WorkflowSpec:
    # Also the workflow's stable key (``BoardWorkflow.key``).
    kind: str
    name: str
    steps: tuple
    # Page types whose topmost instances carry this workflow.
    section_models: tuple


WORKFLOWS = (
    WorkflowSpec(
        NEWS,
        "Duyệt tin bài",
        (
            Step("news_editor", "Biên tập viên duyệt tin", (EDITOR,)),
            Step("news_leaders", "Lãnh đạo Ban duyệt tin", (DEPUTY, CHIEF)),
        ),
        ("articles.NewsIndexPage",),
    ),
    WorkflowSpec(
        DIRECTIVES,
        "Duyệt văn bản",
        (
            Step("directives_editor", "Biên tập viên kiểm tra văn bản", (EDITOR,)),
            Step("directives_chief", "Trưởng Ban duyệt văn bản", (CHIEF,)),
        ),
        ("directives.DirectiveIndexPage",),
    ),
)
WORKFLOW_BY_KIND = {workflow.kind: workflow for workflow in WORKFLOWS}


class Sync:
    """One pass of creating and repairing; ``changes`` lists what it did, for the command.

    Groups, workflows and steps are found by their keys. One an administrator has renamed
    keeps the administrator's name unless ``restore_names``; ``renamed`` lists them.
    """

    def __init__(self, apps, restore_names=False):
        self.apps = apps
        self.restore_names = restore_names
        self.changes = []
        self.renamed = []
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
        self.BoardRole = apps.get_model("editorial", "BoardRole")
        self.BoardWorkflow = apps.get_model("editorial", "BoardWorkflow")

    def note(self, message):
        self.changes.append(message)

    def check_name(self, obj, defined):
        """Report an administrator's rename of ``obj``, or undo it when asked to."""
        if obj.name == defined:
            return
        if self.restore_names:
            self.note(
                _("%(name)s renamed back to %(defined)s") % {"name": obj.name, "defined": defined}
            )
            obj.name = defined
            obj.save(update_fields=["name"])
        else:
            self.renamed.append((obj.name, defined))

    def adopt_or_create(self, model, name, unkeyed, **defaults):
        """The object of the defined name if nothing keyed it yet (a key lost with its row),
        or a new one."""
        obj = model.objects.filter(name=name, **unkeyed).first()
        if obj is None:
            obj = model.objects.create(name=name, **defaults)
            self.note(f"created {model._meta.model_name} {name}")
        return obj

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

    def group(self, role):
        link = self.BoardRole.objects.select_related("group").filter(key=role.key).first()
        if link is not None:
            self.check_name(link.group, role.name)
            return link.group
        group = self.adopt_or_create(self.Group, role.name, {"board_role__isnull": True})
        self.BoardRole.objects.create(group=group, key=role.key)
        self.note(f"{group.name}: role {role.key}")
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
        task = self.Task.objects.filter(key=step.key).first()
        if task is None:
            task = self.adopt_or_create(
                self.Task, step.name, {"key__isnull": True}, content_type=content_type
            )
            task.key = step.key
            task.save(update_fields=["key"])
            self.note(f"{task.name}: step {step.key}")
        self.check_name(task, step.name)
        if not task.active:
            task.active = True
            task.save(update_fields=["active"])
            self.note(f"reactivated step {step.name}")
        reviewers = self.Group.objects.filter(board_role__key__in=step.groups)
        wanted = set(reviewers.values_list("pk", flat=True))
        if set(task.groups.values_list("pk", flat=True)) != wanted:
            task.groups.set(wanted)
            self.note(f"{step.name}: reviewers set to {', '.join(step.groups)}")
        return task

    def workflow(self, spec):
        link = self.BoardWorkflow.objects.select_related("workflow").filter(key=spec.kind).first()
        if link is None:
            workflow = self.adopt_or_create(
                self.Workflow, spec.name, {"board_workflow__isnull": True}
            )
            self.BoardWorkflow.objects.create(workflow=workflow, key=spec.kind)
            self.note(f"{workflow.name}: workflow {spec.kind}")
        else:
            workflow = link.workflow
            self.check_name(workflow, spec.name)
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
            self.note(f"reactivated workflow {workflow.name}")
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
            self.note(f"{workflow.name}: steps set in order")
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
        groups = {role.key: self.group(role) for role in ROLES}
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
            group = groups[role.key]
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
        return self


def sync_editorial(apps, restore_names=False):
    """Create or repair the board's groups, rights and workflows; the ``Sync`` says what it
    changed and what an administrator renamed."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, apps=apps)
    return Sync(apps, restore_names).run()


def register_section(page):
    """Make a newly created news index or directive register a section of the board.

    A category created inside an existing section already inherits its workflow and rights.
    """
    from django.apps import apps

    spec = next((spec for spec in WORKFLOWS if page._meta.label in spec.section_models), None)
    if spec is None:
        return
    sync = Sync(apps)
    workflow = sync.Workflow.objects.filter(board_workflow__key=spec.kind, active=True).first()
    # Asked of the parent: asking ``page`` would cache on it that it has no workflow of its own.
    if workflow is None or page.get_parent().get_workflow() == workflow:
        return
    sync.attach(workflow, page.pk)
    for role in ROLES:
        group = sync.Group.objects.filter(board_role__key=role.key).first()
        for kind in role.section_permissions.get(spec.kind, ()) if group else ():
            sync.GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=sync.page_permission(kind)
            )

"""Drive Wagtail's page editor over HTTP the way a browser posts its form.

The editor form is read from the HTML the admin serves (with Wagtail's own
``querydict_from_html``), so a test posts back what an editor's browser would, plus the fields
the test changes. StreamField values are built by JavaScript in a browser; tests pass
them with ``wagtail.test.utils.form_data``.
"""

from django.urls import reverse
from wagtail.blocks import RichTextBlock
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html, rich_text

EDITOR_FORM_ID = "page-edit-form"


def read_form(html, form_id=EDITOR_FORM_ID):
    """The fields a browser would submit from the form ``form_id`` of ``html``."""
    data = querydict_from_html(html, form_id=form_id)
    return {name: values if len(values) > 1 else values[0] for name, values in data.lists()}


class PageEditor:
    """One signed-in user working in Wagtail's page editor through the test client."""

    def __init__(self, client, user):
        self.client = client
        self.user = user
        client.force_login(user)

    def create_url(self, parent, model):
        return reverse(
            "wagtailadmin_pages:add",
            args=(model._meta.app_label, model._meta.model_name, parent.pk),
        )

    def edit_url(self, page):
        return reverse("wagtailadmin_pages:edit", args=(page.pk,))

    def create(self, parent, model, fields, action=None):
        form_page = self.client.get(self.create_url(parent, model))
        if form_page.status_code != 200:
            return form_page
        data = {**read_form(form_page.content.decode()), **fields}
        if action:
            data[action] = "1"
        return self.client.post(self.create_url(parent, model), data)

    @staticmethod
    def stream_data(page):
        """What the editor's scripts post for the page's StreamFields (paragraphs only)."""
        latest = page.get_latest_revision_as_object()
        data = {}
        for field in latest._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            stream = getattr(latest, field.name)
            data[f"{field.name}-count"] = str(len(stream))
            for index, child in enumerate(stream):
                assert isinstance(child.block, RichTextBlock), "tests edit paragraphs only"
                prefix = f"{field.name}-{index}"
                data.update(
                    {
                        f"{prefix}-type": child.block_type,
                        f"{prefix}-value": rich_text(child.value.source),
                        f"{prefix}-deleted": "",
                        f"{prefix}-order": str(index),
                        f"{prefix}-id": child.id,
                    }
                )
        return data

    def edit(self, page, fields=None, action=None, extra=None, headers=None):
        form_page = self.client.get(self.edit_url(page))
        if form_page.status_code != 200:
            return form_page
        data = {
            **read_form(form_page.content.decode()),
            **self.stream_data(page),
            **(fields or {}),
            **(extra or {}),
        }
        if action:
            data[action] = "1"
        return self.client.post(self.edit_url(page), data, headers=headers)

    def autosave(self, page, fields):
        """What the editor's autosave sends: the form, asking for JSON back."""
        return self.edit(page, fields, headers={"Accept": "application/json"})

    def submit(self, page, fields=None):
        return self.edit(page, fields, action="action-submit")

    def approve_in_editor(self, page, fields=None):
        """Approve the current step from the page editor (the form is saved as well)."""
        return self.edit(
            page,
            fields,
            action="action-workflow-action",
            extra={"workflow-action-name": "approve", "workflow-action-extra-data": "{}"},
        )

    def workflow_action(self, page, action, comment=""):
        """Approve or reject from the dashboard / listing (no form save)."""
        task_state = page.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
        return self.client.post(url, {"comment": comment})

    def unpublish(self, page):
        return self.client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))

    def delete(self, page):
        return self.client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))

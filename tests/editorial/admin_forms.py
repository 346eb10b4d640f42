"""Drive Wagtail's page editor over HTTP the way a browser posts its form.

The editor form is read from the HTML the admin serves (inputs, checked boxes, selected
options, text areas), so a test posts back exactly what an editor's browser would, plus the
fields the test changes. StreamField values are built by JavaScript in a browser; tests pass
them with ``wagtail.test.utils.form_data``.
"""

from html.parser import HTMLParser

from django.urls import reverse
from wagtail.fields import StreamField

EDITOR_FORM_ID = "page-edit-form"
SKIPPED_TYPES = {"submit", "button", "file", "image", "reset"}


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self._textarea = None
        self._select = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside or "name" not in attrs or "disabled" in attrs:
            if tag == "option" and self._select and "selected" in attrs:
                self._add(self._select, attrs.get("value", ""))
            return
        name = attrs["name"]
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in SKIPPED_TYPES:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
                return
            self._add(name, attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self._add(name, "")
        elif tag == "select":
            self._select = name

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea:
            # As in browsers, the newline right after <textarea> is not part of the value.
            value = self.data[self._textarea][-1]
            self.data[self._textarea][-1] = value[1:] if value.startswith("\n") else value
            self._textarea = None
        elif tag == "select":
            self._select = None


def read_form(html, form_id=EDITOR_FORM_ID):
    """The fields a browser would submit from the form ``form_id`` of ``html``."""
    parser = _FormParser(form_id)
    parser.feed(html)
    return {name: values if len(values) > 1 else values[0] for name, values in parser.data.items()}


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
        """What the editor's scripts post for the page's (empty) StreamFields."""
        data = {}
        for field in page.specific._meta.get_fields():
            if isinstance(field, StreamField):
                value = getattr(page.specific, field.name)
                assert not value, "tests edit pages with empty streams; pass stream data"
                data[f"{field.name}-count"] = "0"
        return data

    def edit(self, page, fields=None, action=None, extra=None):
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
        return self.client.post(self.edit_url(page), data)

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

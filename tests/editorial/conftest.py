"""The editorial board on the portal's own page types: its members, renamed or not, its
sections, and what the board's screens answer. The builders themselves are in tests/factories.py.
"""

import csv
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from editorial.models import EditorialReviewTask
from editorial.roles import DIRECTIVES, NEWS, sync_editorial
from tests.editorial.admin_forms import PageEditor
from tests.factories import ROLE_USERS, make_member, make_section


@pytest.fixture
def board(home_page):
    """One member per role, keyed by role."""
    sync_editorial(apps)
    return {role: make_member(role) for role in ROLE_USERS}


RENAMED = "renamed in the admin"


@pytest.fixture(params=["as defined", RENAMED])
def board_names(request, board):
    """The board as defined, then again after an administrator renamed every group, workflow
    and step of it in the admin: nothing but the names may change."""
    if request.param == RENAMED:
        keyed = (
            Group.objects.filter(board_role__isnull=False),
            Workflow.objects.filter(board_workflow__isnull=False),
            EditorialReviewTask.objects.filter(key__isnull=False),
        )
        for objects in keyed:
            for obj in objects:
                obj.name = f"{obj.name} – đổi tên"
                obj.save(update_fields=["name"])
    return request.param


def role_group(role):
    return Group.objects.get(board_role__key=role)


def step_name(key):
    """What the step ``key`` is called today."""
    return EditorialReviewTask.objects.get(key=key).name


def current_step(page):
    """The key of the step ``page`` waits at."""
    return Page.objects.get(pk=page.pk).current_workflow_task.specific.key


@pytest.fixture
def news_section(home_page, board):
    return make_section(home_page, NEWS, "Tin tức")


@pytest.fixture
def directive_section(home_page, board):
    return make_section(home_page, DIRECTIVES, "Văn bản")


@pytest.fixture
def sections(news_section, directive_section):
    """The news section and the directive section, keyed by kind."""
    return {NEWS: news_section, DIRECTIVES: directive_section}


@pytest.fixture
def editor_for(client):
    """``editor_for(user)``: that user in the page editor, one at a time on the same client."""
    return lambda user: PageEditor(client, user)


def csv_rows(response):
    """The rows of a streamed CSV export, which starts with a UTF-8 byte-order mark."""
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf"), "spreadsheet programs need the BOM for UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))

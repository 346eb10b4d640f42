"""Board members, sections and items for the editorial tests, on the portal's own page types.

A news section is a top-level news category (``NewsIndexPage``) and its items are news
(``NewsPage``); a directive section is a register (``DirectiveIndexPage``) and its items are
directives (``DirectivePage``). Sections are created as an administrator creates them and the
board's workflow attaches itself (``editorial/signals.py``); nothing is attached by hand here.
"""

import csv
import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from articles.models import NewsIndexPage, NewsPage
from directives.models import DirectiveIndexPage, DirectivePage
from editorial.models import EditorialReviewTask
from editorial.roles import (
    ADMIN_TEAM,
    CHIEF,
    CONTRIBUTOR,
    DEPUTY,
    DIRECTIVES,
    EDITOR,
    NEWS,
    sync_editorial,
)
from tests.editorial.admin_forms import PageEditor
from tests.factories import (
    directive_form,
    make_directive,
    make_directive_index,
    make_news,
    make_news_index,
    news_form,
)

ROLE_USERS = {
    CONTRIBUTOR: "ctv",
    EDITOR: "btv",
    DEPUTY: "pho",
    CHIEF: "truong",
    ADMIN_TEAM: "quantri",
}
KINDS = (NEWS, DIRECTIVES)
SECTION_MODEL = {NEWS: NewsIndexPage, DIRECTIVES: DirectiveIndexPage}
ITEM_MODEL = {NEWS: NewsPage, DIRECTIVES: DirectivePage}


def make_member(role, username=None):
    user = get_user_model().objects.create_user(
        username or ROLE_USERS[role],
        f"{username or ROLE_USERS[role]}@example.com",
        "secret-pass-123",
        first_name=username or ROLE_USERS[role],
    )
    user.groups.add(Group.objects.get(board_role__key=role))
    return user


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


def make_section(parent, kind, title):
    """A news category or a document register, created the way an administrator does."""
    build = {NEWS: make_news_index, DIRECTIVES: make_directive_index}[kind]
    return build(parent, title)


def kind_of(section):
    """NEWS or DIRECTIVES, from the page type of ``section`` (a sub-category is news)."""
    specific = section.specific
    return next(kind for kind, model in SECTION_MODEL.items() if isinstance(specific, model))


def make_item(section, owner, title, live=False):
    """A news item or a directive in ``section``, a draft of ``owner`` unless ``live``."""
    if kind_of(section) == NEWS:
        item = make_news(section, title, publish=live, owner=owner)
    else:
        item = make_directive(section, "120/KH-VPĐP", title=title, live=live, owner=owner)
        revision = item.save_revision(user=owner)
        if live:
            revision.publish()
    return Page.objects.get(pk=item.pk).specific


def item_fields(kind, title):
    """What an editor types into the create form of an item of ``kind`` (the admin copies the
    title into the slug box as the editor types)."""
    form = {NEWS: news_form, DIRECTIVES: directive_form}[kind]
    return form(title=title, slug=title.lower().replace(" ", "-"))


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

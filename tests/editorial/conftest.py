"""Board members, sections and items for the editorial tests.

A section here is a plain page with one of the board's workflows attached (what an
administrator does in the Workflows screen); its items are HomePages, a page type that
may live under it. ``make_section``, ``make_item``, ``ITEM_MODEL`` and ``item_fields`` are the
only places that know the page types, so the tests can move to news and directive pages.
"""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from editorial.roles import (
    ADMIN_TEAM,
    CHIEF,
    CONTRIBUTOR,
    DEPUTY,
    DIRECTIVES,
    EDITOR,
    NEWS,
    WORKFLOW_BY_KIND,
    Sync,
    sync_editorial,
)
from home.models import HomePage
from tests.editorial.admin_forms import PageEditor

ROLE_USERS = {
    CONTRIBUTOR: "ctv",
    EDITOR: "btv",
    DEPUTY: "pho",
    CHIEF: "truong",
    ADMIN_TEAM: "quantri",
}


def make_member(role, username=None):
    user = get_user_model().objects.create_user(
        username or ROLE_USERS[role],
        f"{username or ROLE_USERS[role]}@example.com",
        "secret-pass-123",
        first_name=username or ROLE_USERS[role],
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def board(home_page):
    """One member per role, keyed by role name."""
    sync_editorial(apps)
    return {role: make_member(role) for role in ROLE_USERS}


def make_section(parent, kind, title):
    """A page made a section of the board the way an administrator would: workflow attached."""
    section = parent.add_child(instance=Page(title=title, slug=title.lower().replace(" ", "-")))
    sync = Sync(apps)
    sync.attach(Workflow.objects.get(name=WORKFLOW_BY_KIND[kind].name), section.pk)
    sync.run()
    return section


ITEM_MODEL = HomePage


def make_item(section, owner, title, live=False):
    item = section.add_child(instance=ITEM_MODEL(title=title, owner=owner, live=live))
    item.save_revision(user=owner)
    if live:
        item.get_latest_revision().publish()
    return Page.objects.get(pk=item.pk).specific


def item_fields(title):
    """What an editor types into the create form of an item (the admin copies the title
    into the slug box as the editor types)."""
    return {"title": title, "slug": title.lower().replace(" ", "-"), "body-count": "0"}


@pytest.fixture
def news_section(home_page, board):
    return make_section(home_page, NEWS, "Tin tuc")


@pytest.fixture
def directive_section(home_page, board):
    return make_section(home_page, DIRECTIVES, "Van ban")


@pytest.fixture
def editor_for(client):
    """``editor_for(user)``: that user in the page editor, one at a time on the same client."""
    return lambda user: PageEditor(client, user)

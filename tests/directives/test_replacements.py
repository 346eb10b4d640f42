"""The stored "replaced" of each document follows every change that makes or ends it.

Each test changes something as editors and imports do, then reads the register's "replaced"
filter over HTTP, and checks the stored values against their definition (a live document
declares that it replaces the document) for every document.
"""

import pytest
from django.core.management import call_command

from directives.models import DirectivePage, DirectiveRelation
from directives.status import replaced_by_live_directive
from tests.factories import make_directive, make_directive_index, portal_settings

pytestmark = pytest.mark.django_db
REPLACES = DirectiveRelation.Kind.REPLACES


@pytest.fixture
def register(home_page, site_settings):
    return make_directive_index(home_page)


@pytest.fixture
def old(register):
    return make_directive(register, "10-NQ/TU", title="Nghị quyết cũ về giao thông")


@pytest.fixture
def new(register, old):
    """A published document that replaces ``old``."""
    page = make_directive(register, "20-NQ/TU", title="Nghị quyết mới về giao thông", live=False)
    page.outgoing_relations = [DirectiveRelation(kind=REPLACES, target=old)]
    page.save_revision().publish()
    return DirectivePage.objects.get(pk=page.pk)  # as published, relations and all


def replaced_in_register(client, register):
    """The numbers the register lists under "replaced", checked against the definition."""
    definition = DirectivePage.objects.filter(replaced_by_live_directive(DirectiveRelation))
    stored = DirectivePage.objects.filter(replaced=True)
    assert set(stored) == set(definition), "the stored values follow their definition"
    response = client.get(register.url, {"status": "replaced"})
    return {row.number for row in response.context["directives"]}


def test_publishing_a_replacing_document_replaces(client, register, old, new):
    assert replaced_in_register(client, register) == {old.number}


def test_unpublishing_it_puts_the_old_document_back_in_force(client, register, old, new):
    new.unpublish()
    assert replaced_in_register(client, register) == set()


def test_deleting_it_puts_the_old_document_back_in_force(client, register, old, new):
    new.delete()
    assert replaced_in_register(client, register) == set()


def test_a_relation_pointed_at_another_document_frees_the_first(client, register, old, new):
    other = make_directive(register, "30-NQ/TU", title="Nghị quyết khác")
    new.outgoing_relations = [DirectiveRelation(kind=REPLACES, target=other)]
    new.save_revision().publish()
    assert replaced_in_register(client, register) == {other.number}


def test_a_relation_edited_to_point_elsewhere_frees_the_first(client, register, old, new):
    """The admin's related-documents panel keeps the row and changes its document."""
    other = make_directive(register, "30-NQ/TU", title="Nghị quyết khác")
    relation = new.outgoing_relations.get()
    relation.target = other
    relation.save()
    assert replaced_in_register(client, register) == {other.number}


def test_a_relation_of_another_kind_does_not_replace(client, register, old, new):
    relation = new.outgoing_relations.get()
    relation.kind = DirectiveRelation.Kind.AMENDS
    relation.save()
    assert replaced_in_register(client, register) == set()


def test_publishing_an_earlier_revision_keeps_the_document_replaced(client, register, old, new):
    """A revision saved before the document was replaced carries the value of then."""
    earlier = old.save_revision()
    make_directive(register, "40-NQ/TU", live=False)  # and a later change, so "earlier" it is
    earlier.publish()
    assert replaced_in_register(client, register) == {old.number}


def test_documents_written_in_bulk_are_replaced_as_their_relations_say(client, register):
    portal_settings()
    call_command("generate_content", "--news", "1", "--directives", "60", "--no-progress")
    definition = DirectivePage.objects.filter(replaced_by_live_directive(DirectiveRelation))
    assert definition.exists(), "the generated documents replace some earlier ones"
    assert set(DirectivePage.objects.filter(replaced=True)) == set(definition)

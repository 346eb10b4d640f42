"""Where directive pages may live, and their legal status at the edges of their dates."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from directives.models import DirectiveIndexPage, DirectivePage, DirectiveRelation
from directives.status import LegalStatus
from home.models import HomePage
from tests.factories import make_directive, make_directive_index

VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


class TestTreeRules(WagtailPageTestCase):
    def test_register_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(DirectiveIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, DirectiveIndexPage)

    def test_directive_lives_under_a_register_only_and_has_no_children(self):
        self.assertAllowedParentPageTypes(DirectivePage, {DirectiveIndexPage})
        self.assertAllowedSubpageTypes(DirectivePage, set())
        self.assertCanNotCreateAt(HomePage, DirectivePage)


def vietnam_noon(day):
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=VIETNAM)


@pytest.fixture
def register(home_page):
    return make_directive_index(home_page)


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def status_everywhere(directive):
    """The property, the annotation and the register's filter must agree; return the status."""
    annotated = DirectivePage.objects.with_legal_status().get(pk=directive.pk).legal_status_value
    fresh = DirectivePage.objects.get(pk=directive.pk)
    assert fresh.legal_status == annotated, "property and query annotation disagree"
    filtered = [
        status
        for status in LegalStatus
        if DirectivePage.objects.with_status(status).filter(pk=directive.pk).exists()
    ]
    assert filtered == [fresh.legal_status], "the status filter finds it under another status"
    return fresh.legal_status


EFFECTIVE = datetime.date(2025, 1, 1)
EXPIRES = datetime.date(2025, 12, 31)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (EFFECTIVE - datetime.timedelta(days=1), LegalStatus.NOT_YET_IN_FORCE),
        (EFFECTIVE, LegalStatus.IN_FORCE),
        (EFFECTIVE + datetime.timedelta(days=1), LegalStatus.IN_FORCE),
        (EXPIRES - datetime.timedelta(days=1), LegalStatus.IN_FORCE),
        (EXPIRES, LegalStatus.EXPIRED),
        (EXPIRES + datetime.timedelta(days=1), LegalStatus.EXPIRED),
    ],
)
def test_status_at_the_date_edges(monkeypatch, register, day, expected):
    directive = make_directive(register, effective_on=EFFECTIVE, expires_on=EXPIRES)
    at(monkeypatch, vietnam_noon(day))
    assert status_everywhere(directive) == expected, f"on {day} the status should be {expected}"


def test_the_day_turns_at_midnight_in_vietnam_not_in_utc(monkeypatch, register):
    directive = make_directive(register, effective_on=EFFECTIVE)
    # 17:30 UTC on 31/12 is already 00:30 on 01/01 in Hà Tĩnh.
    at(monkeypatch, datetime.datetime(2024, 12, 31, 17, 30, tzinfo=datetime.UTC))
    assert status_everywhere(directive) == LegalStatus.IN_FORCE
    at(monkeypatch, datetime.datetime(2024, 12, 31, 16, 30, tzinfo=datetime.UTC))
    assert status_everywhere(directive) == LegalStatus.NOT_YET_IN_FORCE


def test_without_expiry_a_document_stays_in_force(monkeypatch, register):
    directive = make_directive(register, effective_on=EFFECTIVE)
    at(monkeypatch, vietnam_noon(datetime.date(2040, 1, 1)))
    assert status_everywhere(directive) == LegalStatus.IN_FORCE


def test_replaced_only_once_the_replacing_directive_is_live(register):
    old = make_directive(register, "10-NQ/TU")
    new = make_directive(register, "20-NQ/TU", live=False)
    DirectiveRelation.objects.create(source=new, target=old, kind=DirectiveRelation.Kind.REPLACES)
    assert status_everywhere(old) == LegalStatus.IN_FORCE, "a draft must not replace anything"
    new.save_revision().publish()
    assert status_everywhere(old) == LegalStatus.REPLACED


def test_amending_does_not_replace(register):
    old = make_directive(register, "10-NQ/TU")
    new = make_directive(register, "20-NQ/TU")
    DirectiveRelation.objects.create(source=new, target=old, kind=DirectiveRelation.Kind.AMENDS)
    assert status_everywhere(old) == LegalStatus.IN_FORCE


def test_number_key_is_recomputed_on_every_save(register):
    directive = make_directive(register, "57-NQ/TW")
    assert directive.number_key == "57-NQ-TW"
    directive.number = "58/NQ-TW"
    directive.save_revision().publish()
    assert DirectivePage.objects.get(pk=directive.pk).number_key == "58-NQ-TW"


def test_a_directive_cannot_relate_to_itself(register):
    directive = make_directive(register)
    relation = DirectiveRelation(source=directive, target=directive, kind="amends")
    with pytest.raises(ValidationError, match="không thể liên quan đến chính nó"):
        relation.clean()

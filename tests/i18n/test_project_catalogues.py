"""The project's own catalogues (apps and the site frame) are complete."""

import pytest

from tests.i18n.catalogues import catalogue_id, entries, is_translated, project_catalogues


def test_project_catalogues_are_found():
    assert {catalogue_id(path) for path in project_catalogues()} >= {
        "home/locale/vi/LC_MESSAGES/django.po",
        "locale/vi/LC_MESSAGES/django.po",
    }


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=catalogue_id(p)) for p in project_catalogues()]
)
def test_project_catalogue_has_no_empty_or_fuzzy_entry(path):
    incomplete = [entry.msgid for entry in entries(path) if not is_translated(entry)]
    assert not incomplete, f"{len(incomplete)} empty or fuzzy entries: {incomplete[:20]}"

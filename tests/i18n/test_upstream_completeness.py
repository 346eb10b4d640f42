"""Every msgid of the pinned Wagtail catalogues has a Vietnamese translation in the project copy.

The installed English catalogue lists every msgid of the pinned version; after an upgrade,
``manage.py update_upstream_translations --list`` shows what this test reports.
"""

import pytest

from tests.i18n.catalogues import entries, is_translated, key, upstream_pairs


@pytest.mark.parametrize(
    "source, target", [pytest.param(s, t, id=i) for s, t, i in upstream_pairs()]
)
def test_every_installed_msgid_is_translated(source, target):
    assert target.exists(), f"{target} is missing: run manage.py update_upstream_translations"
    ours = {key(entry): entry for entry in entries(target)}
    missing, untranslated = [], []
    for entry in entries(source):
        copy = ours.get(key(entry))
        if copy is None:
            missing.append(entry.msgid)
        elif not is_translated(copy):
            untranslated.append(entry.msgid)
    assert not missing, f"{len(missing)} msgids absent from the copy: {missing[:20]}"
    assert not untranslated, f"{len(untranslated)} msgids empty or fuzzy: {untranslated[:20]}"


def test_the_project_copies_cover_every_package_with_a_catalogue():
    """A package whose English catalogue exists cannot be silently left out."""
    assert {i.split("-")[0] for _, _, i in upstream_pairs()} >= {
        "wagtail",
        "wagtail.admin",
        "wagtail.images",
        "wagtail.documents",
        "wagtail.snippets",
        "wagtail_modeladmin",
    }

"""The project's catalogues agree with the upstream copies on every shared msgid.

Django merges all catalogues into one and the upstream copies in LOCALE_PATHS win, so a
project string whose msgid Wagtail also uses would silently show Wagtail's wording. Words
that mean something else here ("Summary" = "Trích yếu" of a directive) take a context.
"""

import polib

from tests.i18n.catalogues import catalogue_id, project_catalogues
from translations.upstream_catalogues import UPSTREAM_DIR


def upstream_translations():
    translations = {}
    for path in sorted(UPSTREAM_DIR.glob("*/vi/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(path)):
            translations.setdefault((entry.msgctxt, entry.msgid), entry.msgstr)
    return translations


def test_project_strings_shared_with_wagtail_are_translated_the_same_way():
    upstream = upstream_translations()
    clashes = [
        (catalogue_id(path), entry.msgid, entry.msgstr, upstream[key])
        for path in project_catalogues()
        for entry in polib.pofile(str(path))
        if not entry.msgid_plural
        and (key := (entry.msgctxt, entry.msgid)) in upstream
        and upstream[key] != entry.msgstr
    ]
    assert not clashes, f"give these msgids a context or Wagtail's wording: {clashes}"

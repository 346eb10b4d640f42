"""The .mo files Django reads say what the .po files say.

A .po edited without recompiling leaves the admin in English while every .po test passes.
"""

import polib
import pytest
from django.utils import translation

from tests.i18n.catalogues import all_catalogues, entries, is_translated, vietnamese


def _table(catalogue):
    return {(entry.msgctxt, entry.msgid): vietnamese(entry) for entry in catalogue}


@pytest.mark.parametrize("path", [pytest.param(p, id=i) for p, i in all_catalogues()])
def test_compiled_catalogue_matches_its_po_file(path):
    mo = path.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run make messages"
    compiled = _table(entry for entry in polib.mofile(str(mo)) if entry.msgid)
    written = _table(entry for entry in entries(path) if is_translated(entry))
    assert compiled == written


@pytest.mark.parametrize("path", [pytest.param(p, id=i) for p, i in all_catalogues()])
def test_compiled_catalogue_declares_a_single_plural_form(path):
    """Without it Django picks msgstr[1] for counts other than one, which Vietnamese lacks."""
    plural_forms = polib.mofile(str(path.with_suffix(".mo"))).metadata.get("Plural-Forms", "")
    assert plural_forms.replace(" ", "").startswith("nplurals=1;")


@pytest.mark.parametrize("count", [1, 5])
def test_plural_messages_use_the_single_vietnamese_form(count):
    with translation.override("vi"):
        text = translation.ngettext("%(count)s image", "%(count)s images", count)
    assert text % {"count": count} == f"{count} ảnh"

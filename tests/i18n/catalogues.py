"""Shared readers for the Vietnamese catalogues that the i18n tests check."""

import re
from pathlib import Path

import django
import polib
from django.conf import settings

from translations.upstream_catalogues import UPSTREAM_DIR, catalogue_pairs

BASE_DIR = Path(settings.BASE_DIR)

# Python %-style (named or positional) and str.format placeholders; "%%" is a literal percent.
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0+]*\d*(?:\.\d+)?[sdifrxXeEgGcou%]")
_BRACE = re.compile(r"\{[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*(?:![rsa])?(?::[^{}]*)?\}")


def upstream_pairs():
    """pytest params of (installed English catalogue, project copy), one id per catalogue."""
    return [
        (source, target, f"{package}-{domain}")
        for package, domain, source, target in catalogue_pairs()
    ]


def project_catalogues():
    """The project's own catalogues: <app>/locale/vi/... and the site frame's locale/vi/..."""
    paths = sorted(BASE_DIR.glob("*/locale/vi/LC_MESSAGES/*.po"))
    paths += sorted((BASE_DIR / "locale" / "vi" / "LC_MESSAGES").glob("*.po"))
    return paths


def upstream_copies():
    return [target for _, target, _ in upstream_pairs()]


def django_catalogue(language):
    """Django core's installed catalogue; the English one lists every msgid of the version."""
    return Path(django.__file__).parent / "conf" / "locale" / language / "LC_MESSAGES" / "django.po"


def django_copy():
    """The project's Vietnamese for what Django's (and django-taggit's) own catalogues lack."""
    return UPSTREAM_DIR / "django" / "vi" / "LC_MESSAGES" / "django.po"


def catalogue_id(path):
    return str(Path(path).relative_to(BASE_DIR))


def entries(path):
    """Live entries of a catalogue (no header, no obsolete ones)."""
    return [entry for entry in polib.pofile(str(path)) if entry.msgid and not entry.obsolete]


def key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def vietnamese(entry):
    """The Vietnamese text: msgstr, or msgstr[0] since Vietnamese has a single plural form."""
    if entry.msgid_plural:
        return entry.msgstr_plural.get(0, "")
    return entry.msgstr


def is_translated(entry):
    return bool(vietnamese(entry)) and not entry.fuzzy


def placeholders(text):
    """Sorted list (a multiset) of the format placeholders in ``text``."""
    return sorted(
        [match for match in _PERCENT.findall(text) if match != "%%"] + _BRACE.findall(text)
    )


def keeps_placeholders(entry):
    """The translation has the placeholders of its msgid."""
    text = placeholders(vietnamese(entry))
    if entry.msgid_plural:
        # Vietnamese has one form, written after the plural; it may drop a count that only
        # the singular lacks ("1 image" / "%(counter)s images"), so either source is fine.
        return text in (placeholders(entry.msgid_plural), placeholders(entry.msgid))
    return text == placeholders(entry.msgid)


def all_catalogues():
    """pytest params of every Vietnamese .po the project ships, project's own and upstream copies."""
    paths = project_catalogues() + upstream_copies() + [django_copy()]
    return [(path, catalogue_id(path)) for path in paths]

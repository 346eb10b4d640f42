"""Rebuild the project's Vietnamese copies of Wagtail's catalogues and list what is missing."""

import polib
from django.core.management import call_command
from django.core.management.base import BaseCommand

from translations.upstream_catalogues import catalogue_pairs, source_catalogue


def _key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def _is_translated(entry):
    if entry.fuzzy or entry.obsolete:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _translations(path):
    if not path or not path.exists():
        return {}
    return {_key(entry): entry for entry in polib.pofile(str(path)) if _is_translated(entry)}


def _copy_translation(target, known):
    if known.msgid_plural:
        target.msgstr_plural = {
            0: known.msgstr_plural.get(0) or known.msgstr_plural[min(known.msgstr_plural)]
        }
    else:
        target.msgstr = known.msgstr


class Command(BaseCommand):
    help = (
        "Rebuild locale/upstream/ from the installed Wagtail packages, keeping the project's "
        "translations (then Wagtail's own Vietnamese ones), and report untranslated msgids."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Print every untranslated msgid.")

    def handle(self, *args, list=False, **options):
        total_missing = 0
        for package, domain, source, target in catalogue_pairs():
            ours = _translations(target)
            theirs = _translations(source_catalogue(package, domain, "vi"))
            catalogue = polib.pofile(str(source))
            catalogue.metadata_is_fuzzy = False
            catalogue.metadata.update(
                {
                    "Language": "vi",
                    "Plural-Forms": "nplurals=1; plural=0;",
                    "Content-Type": "text/plain; charset=UTF-8",
                }
            )
            missing = []
            for entry in catalogue:
                entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
                entry.msgstr, entry.msgstr_plural = "", ({0: ""} if entry.msgid_plural else {})
                known = ours.get(_key(entry)) or theirs.get(_key(entry))
                if known:
                    _copy_translation(entry, known)
                else:
                    missing.append(entry.msgid)
            target.parent.mkdir(parents=True, exist_ok=True)
            catalogue.save(str(target))
            total_missing += len(missing)
            self.stdout.write(
                f"{package} {domain}: {len(catalogue)} msgids, {len(missing)} untranslated"
            )
            if list:
                for msgid in missing:
                    self.stdout.write(f"    {msgid!r}")
        call_command(
            "compilemessages", locale=["vi"], ignore_patterns=[".venv/*", "var/*"], verbosity=0
        )
        self.stdout.write(f"Untranslated in total: {total_missing}")

"""Vietnamese text helpers: one normal form for storage, ASCII slugs for URLs, search folding.

Word processors paste decomposed Unicode (NFD) and two tone-mark placements are in use
("Thành uỷ" / "Thành ủy"); storing everything in NFC keeps search and comparisons honest.

Neither of Wagtail's database backends folds Vietnamese diacritics, and readers on phones
often type without them ("nong thon moi") or with the other tone-mark placement. Indexed
texts and queries are therefore folded the same way (``fold_for_search``) to plain ASCII
words, which also drops every operator and quote character, so hostile queries never reach
the database's query parser.
"""

import re
import unicodedata

from django.utils.text import slugify

# "đ" has no decomposition in Unicode, so NFKD + ASCII would drop it instead of giving "d".
_VIETNAMESE_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})

# Tone marks on the first vowel of an open "oa", "oe", "uy" ("hòa", "thủy": old style) and on
# the second ("hoà", "thuỷ": new style) are both in use; search folds them to one.
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_OLD_STYLE_TONE = re.compile(
    rf"([oO])([{_TONE_MARKS}])([aAeE])(?!\w)|([uU])([{_TONE_MARKS}])([yY])(?!\w)"
)


def normalize_text(value):
    """Return ``value`` in NFC; non-strings are returned unchanged."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def single_line(value):
    """``value`` in NFC on one line: control characters (CR, LF, tab, NUL...) and line or
    paragraph separators become spaces, runs of spaces one space.

    Titles go into e-mail subjects, feeds and HTML titles, where a line break is refused
    (Django will not send a subject with one) or breaks the layout.
    """
    text = "".join(
        " " if unicodedata.category(char) in {"Cc", "Zl", "Zp"} else char
        for char in normalize_text(value)
    )
    return " ".join(text.split())


def normalize_data(value):
    """NFC-normalise every string inside nested lists and dicts (StreamField raw data)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [normalize_data(item) for item in value]
    if isinstance(value, dict):
        return {key: normalize_data(item) for key, item in value.items()}
    return value


def vietnamese_slugify(value):
    """Make an ASCII slug from Vietnamese text: "Đồng thuận" -> "dong-thuan"."""
    text = unicodedata.normalize("NFC", str(value)).translate(_VIETNAMESE_LETTERS)
    return slugify(text, allow_unicode=False)


class _FoldedLetters(dict):
    """Each character without its marks ("ộ" -> "o", "đ" -> "d"), worked out on first sight.

    Decomposing and dropping marks one character at a time gives what it gives on the whole
    text, and ``str.translate`` over this table is far quicker on long bodies (search
    indexing folds every page's body).
    """

    def __missing__(self, code):
        char = chr(code).translate(_VIETNAMESE_LETTERS)
        decomposed = unicodedata.normalize("NFKD", char)
        folded = "".join(part for part in decomposed if not unicodedata.combining(part))
        self[code] = folded
        return folded


_FOLDED_LETTERS = _FoldedLetters()


def strip_diacritics(value):
    """Fold Vietnamese text to lower-case ASCII letters, for accent-insensitive matching."""
    return unicodedata.normalize("NFC", str(value)).translate(_FOLDED_LETTERS).lower()


def _move_mark(match):
    vowel, mark, second = (group for group in match.groups() if group is not None)
    return f"{vowel}{second}{mark}"


def normalize_tone_placement(value):
    """Move tone marks of open "oa", "oe", "uy" to the new-style position ("hòa" -> "hoà")."""
    decomposed = unicodedata.normalize("NFD", str(value))
    moved = _OLD_STYLE_TONE.sub(_move_mark, decomposed)
    return unicodedata.normalize("NFC", moved)


# What a reader may reasonably type; longer input is cut, never an error.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12

_WORD = re.compile(r"[0-9a-z]+")


def fold_for_search(text):
    """Reduce text to lower-case ASCII words: "Số 57-NQ/TW, Thành ủy" -> "so 57 nq tw thanh uy"."""
    if not text:
        return ""
    # Without its marks a word is the same whichever vowel carried the tone ("hòa", "hoà").
    folded = strip_diacritics(str(text))
    return " ".join(_WORD.findall(folded))


def clean_query(raw):
    """The words of a reader's query, folded and bounded; "" when nothing searchable is left.

    The length is cut before folding so that a 5,000-character paste costs nothing, and only
    ASCII letters and digits survive, so quotes, operators, NUL and control characters never
    reach the backend.
    """
    words = fold_for_search(str(raw or "")[:MAX_QUERY_LENGTH]).split()
    return " ".join(words[:MAX_QUERY_WORDS])

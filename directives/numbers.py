"""Document numbers ("số ký hiệu") as people type them, folded to one lookup key.

An official number is a serial and a symbol ("57-NQ/TW", "1234/QĐ-UBND"), but readers type
"57/NQ-TW", "57 NQ TW" or "57-nq/tw", often without the "Đ". The key keeps only the letters and
digits, upper-case and without diacritics, joined by one separator, so every spelling meets.
"""

import re

from core.text import strip_diacritics

_PARTS = re.compile(r"[a-z0-9]+")
# "Số 57-NQ/TW": the word for "number" is not part of the number.
_LEADING_WORD = re.compile(r"^(so|số)\b[\s.:]*", re.IGNORECASE)


def number_key(value):
    """Return the lookup key of a document number: "57-NQ/TW" -> "57-NQ-TW"."""
    text = _LEADING_WORD.sub("", str(value or "").strip())
    return "-".join(_PARTS.findall(strip_diacritics(text))).upper()


def looks_like_number(value):
    """True when a search text could be a document number: it has a digit and a symbol part."""
    key = number_key(value)
    return any(char.isdigit() for char in key) and "-" in key

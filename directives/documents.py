"""Rules for the files attached to directives: what may be uploaded (downloads: home.documents).

A file's name is easy to change, so the content is checked as well: PDF starts with "%PDF-",
DOC and XLS are OLE2 compound files, DOCX, XLSX and ODT are zip archives with known members.
"""

import zipfile

from django.conf import settings

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
PDF_SIGNATURE = b"%PDF-"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DEFAULT_MAX_SIZE = 20 * 1024 * 1024


def max_attachment_size():
    return getattr(settings, "DIRECTIVES_MAX_ATTACHMENT_SIZE", DEFAULT_MAX_SIZE)


def _zip_members(file):
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        return set(), b""
    return names, mimetype


def _zip_kind(file):
    names, mimetype = _zip_members(file)
    if "word/document.xml" in names and "[Content_Types].xml" in names:
        return "docx"
    if "xl/workbook.xml" in names and "[Content_Types].xml" in names:
        return "xlsx"
    if mimetype == ODT_MIMETYPE and "content.xml" in names:
        return "odt"
    return None


def detect_kind(file):
    """Return the family a file's bytes belong to ("pdf", "ole2", "docx", "xlsx", "odt") or None."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    try:
        if head.startswith(PDF_SIGNATURE):
            return "pdf"
        if head.startswith(OLE2_SIGNATURE):
            return "ole2"
        if head.startswith(ZIP_SIGNATURE):
            return _zip_kind(file)
        return None
    finally:
        file.seek(0)


# The content family each accepted extension must have.
EXPECTED_KIND = {
    "pdf": "pdf",
    "doc": "ole2",
    "xls": "ole2",
    "docx": "docx",
    "xlsx": "xlsx",
    "odt": "odt",
}


def content_matches_extension(file, extension):
    expected = EXPECTED_KIND.get(extension.lower())
    return expected is not None and detect_kind(file) == expected

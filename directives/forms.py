"""The admin's document upload form: only office and PDF files, checked by name and content."""

import os

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from directives.documents import EXPECTED_KIND, content_matches_extension, max_attachment_size


class DirectiveDocumentForm(BaseDocumentForm):
    """Every document uploaded in the admin passes these checks (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def add_error(self, field, error):
        """Keep the upload's one clear error.

        Wagtail's Document.clean repeats the extension check on a file this form already
        refused, whose name is then empty ("extension “” is not allowed"): that second
        message is dropped.
        """
        if self.has_error("file") and hasattr(error, "error_dict"):
            others = {name: errors for name, errors in error.error_dict.items() if name != "file"}
            if not others:
                return
            error = forms.ValidationError(others)
        super().add_error(field, error)

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not file or not hasattr(file, "content_type"):
            return file  # unchanged on edit: the stored file was checked when uploaded
        extension = os.path.splitext(file.name)[1].lstrip(".").lower()
        if extension not in EXPECTED_KIND:
            raise forms.ValidationError(
                _("Only PDF, DOC, DOCX, XLS, XLSX and ODT files can be uploaded.")
            )
        if file.size > max_attachment_size():
            raise forms.ValidationError(
                _("The file is %(size)s; files may be at most %(limit)s.")
                % {
                    "size": filesizeformat(file.size),
                    "limit": filesizeformat(max_attachment_size()),
                }
            )
        if not content_matches_extension(file, extension):
            raise forms.ValidationError(
                _(
                    "The file's content is not a real %(extension)s file. "
                    "Save it again in that format and upload it."
                )
                % {"extension": extension.upper()}
            )
        return file

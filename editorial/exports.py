"""CSV exports of the board's reports that a spreadsheet program opens safely.

Wagtail's ``SpreadsheetExportMixin`` writes CSV cells as they are, so a page title or a comment
beginning with ``=``, ``+``, ``-`` or ``@`` is run as a formula when the file is opened
(``=HYPERLINK(...)`` sends the reader elsewhere). Its XLSX writer already stores such cells as
text. Here every CSV cell goes through the OWASP rule, and the file starts with a byte-order
mark so that spreadsheet programs read it as UTF-8.
"""

# Characters that make a spreadsheet program read a cell as a formula (OWASP, CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
UTF8_BOM = "\ufeff"


def neutralise_formula(value):
    """``value`` with a single quote in front when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeCsvExportMixin:
    """Goes before ``ReportView`` (or any ``SpreadsheetExportMixin`` view) in the bases."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise_formula(
                    self.preprocess_field_value(field, value, self.FORMAT_CSV)
                )
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        yield UTF8_BOM.encode("utf-8")
        yield from super().stream_csv(queryset)

"""Vietnamese input formats: day before month, as the admin's date pickers write them.

Django's own Vietnamese locale declares no input formats, so it falls back to the American
month/day order and reads "05/12/2026 10:00" (5 December) as 12 May: a page scheduled in the
admin would go live months off.
"""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]

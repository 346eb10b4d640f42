"""Query helpers shared by the page listings of every app."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Substr
from wagtail.models import Page, PageViewRestriction


def without_private_sections(pages):
    """``pages`` minus those in a section with a view restriction, in a single SQL query.

    Wagtail's ``.public()`` loads every restriction each time it is called; this
    subquery matches a restriction on the page itself or on any of its ancestors.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    return pages.exclude(Exists(restricted))

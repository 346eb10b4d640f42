"""The legal status of a directive, derived from its dates and from the directives replacing it.

Status is never typed by editors: it follows from the effective date, the optional expiry date
and whether a live directive declares that it replaces this one. The same rule exists twice on
purpose, once in Python for a single page and once as query conditions so that listings can
filter on it in the database; tests hold the two together at the date edges. The status itself
is not stored, as it changes with the date: the conditions are plain comparisons. Whether a live
directive replaces a document is stored on it (``DirectivePage.replaced``, written again by
``directives.replacements`` whenever it may change), so that is a plain comparison too.
"""

from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LegalStatus(models.TextChoices):
    NOT_YET_IN_FORCE = "not_yet_in_force", _("Not yet in force")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    REPLACED = "replaced", _("Replaced")


def today():
    """Today's date where the portal is (Asia/Ho_Chi_Minh), not in UTC."""
    return timezone.localdate()


def derive_status(effective_on, expires_on, is_replaced, on):
    """A document is in force from its effective date and stops being so on its expiry date."""
    if is_replaced:
        return LegalStatus.REPLACED
    if effective_on and on < effective_on:
        return LegalStatus.NOT_YET_IN_FORCE
    if expires_on and on >= expires_on:
        return LegalStatus.EXPIRED
    return LegalStatus.IN_FORCE


def replaced_by_live_directive(relation_model):
    """A subquery: a live directive declares that it replaces the outer one (what
    ``DirectivePage.replaced`` stores)."""
    return Exists(
        relation_model.objects.filter(
            target=OuterRef("pk"), kind=relation_model.Kind.REPLACES, source__live=True
        )
    )


def status_conditions(on):
    """{status: condition}, one condition per status, none overlapping.

    Filtering on a condition leaves the register's newest-first index usable (page 1 stops
    after its twenty rows); the annotation below is the same conditions in one ``Case``.
    """
    replaced = Q(replaced=True)
    started = Q(effective_on__lte=on)
    ended = Q(expires_on__lte=on)
    return {
        LegalStatus.REPLACED: replaced,
        LegalStatus.NOT_YET_IN_FORCE: ~replaced & ~started,
        LegalStatus.EXPIRED: ~replaced & started & ended,
        LegalStatus.IN_FORCE: ~replaced & started & ~ended,  # no expiry date is never ended
    }


def status_annotation(on):
    return Case(
        *[
            When(condition, then=Value(status))
            for status, condition in status_conditions(on).items()
        ],
        default=Value(LegalStatus.IN_FORCE),
        output_field=models.CharField(),
    )

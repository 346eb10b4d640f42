"""The register of official documents: reference data, the register page and the directive page."""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Value
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from core.counts import cached_count
from core.pagination import paginate
from core.queries import ReaderPageQuerySet
from core.text import fold_for_search
from directives.blocks import DirectiveStreamBlock
from directives.filters import DirectiveFilterForm
from directives.numbers import looks_like_number, number_key
from directives.status import derive_status, status_annotation, status_conditions, today
from home.indexing import stream_text
from home.models import BasePage


class ReferenceData(models.Model):
    """A value editors pick from a list; admins keep the list in the admin's reference data."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class DocumentType(ReferenceData):
    """Nghị quyết, Quyết định, Chỉ thị, Kế hoạch, ..."""

    class Meta(ReferenceData.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


class IssuingBody(ReferenceData):
    """Bộ Chính trị, Tỉnh ủy, UBND tỉnh, Văn phòng Điều phối, ..."""

    class Meta(ReferenceData.Meta):
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")


class Field(ReferenceData):
    """The field (lĩnh vực) a document governs: agriculture, digital transformation, ..."""

    class Meta(ReferenceData.Meta):
        verbose_name = _("field")
        verbose_name_plural = _("fields")


class DirectiveIndexPage(BasePage):
    """A register of documents ("Văn bản chỉ đạo điều hành"): a filterable, paginated table."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    parent_page_types = ["home.HomePage"]  # a register is a top-level section of the site
    subpage_types = ["directives.DirectivePage"]  # it lists documents and nothing else
    per_page = 20

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("document register")
        verbose_name_plural = _("document registers")

    def directives(self):
        """The live, public documents of this register, newest first, ready for the table."""
        return (
            DirectivePage.objects.readable()
            .descendant_of(self)
            .select_related("document_type", "issuing_body", "field")
            .prefetch_related(
                Prefetch(
                    "attachments",
                    queryset=DirectiveAttachment.objects.select_related("document"),
                )
            )
            .order_by("-issued_on", "-pk")
        )

    def latest_directives(self, count):
        """The newest documents of this register, for the home page (no attached files)."""
        return self.directives().prefetch_related(None)[:count]

    @staticmethod
    def reference_choices():
        """The three lists of the filter box in one query (the register counts its queries)."""
        lists = {"document_type": [], "issuing_body": [], "field": []}
        rows = [
            model.objects.order_by().annotate(kind=Value(name)).values_list("kind", "pk", "name")
            for name, model in [
                ("document_type", DocumentType),
                ("issuing_body", IssuingBody),
                ("field", Field),
            ]
        ]
        for kind, pk, label in rows[0].union(*rows[1:], all=True).order_by("name"):
            lists[kind].append((pk, label))
        return lists

    def filter_form(self, data):
        return DirectiveFilterForm(data, choices=self.reference_choices())

    def serve(self, request, *args, **kwargs):
        """Jump straight to the document when the keyword is a number that matches one."""
        keyword = request.GET.get("q", "")
        if looks_like_number(keyword):
            matches = list(self.directives().filter(number_key=number_key(keyword))[:2])
            if len(matches) == 1:
                return redirect(matches[0].url)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form(request.GET)
        on = today()
        directives = form.apply(self.directives(), on=on)
        listing = ("register", self.pk, on.isoformat(), form.query_string())
        count = partial(cached_count, listing, directives.count)
        results = paginate(request, directives, self.per_page, count=count)
        context.update(filter_form=form, directives=results, query_string=form.query_string())
        return context


def folded_register_text(title, summary):
    """Title and summary as " word word ...": a leading space lets a query match word starts."""
    return f" {fold_for_search(f'{title} {summary}')}"


class DirectivePageQuerySet(ReaderPageQuerySet):
    def with_legal_status(self, on=None):
        """Annotate ``legal_status_value`` so listings can filter and sort on the status."""
        return self.annotate(legal_status_value=status_annotation(on or today()))

    def with_status(self, status, on=None):
        """The documents whose legal status is ``status`` on ``on`` (today by default)."""
        return self.filter(status_conditions(on or today())[status])


class DirectivePage(BasePage):
    """One official document: its number, issuer, dates, signed files and relations."""

    number = models.CharField(
        _("number and symbol"),
        max_length=100,
        help_text=_('As printed on the document, e.g. "57-NQ/TW" or "1234/QĐ-UBND".'),
    )
    number_key = models.CharField(max_length=100, editable=False, db_index=True)
    # Title and summary as folded ASCII words, so the register's keyword box ignores diacritics.
    folded_text = models.TextField(editable=False, blank=True, default="")
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("document type"),
        on_delete=models.PROTECT,
        related_name="directives",
    )
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="directives",
    )
    field = models.ForeignKey(
        Field,
        verbose_name=_("field"),
        on_delete=models.PROTECT,
        related_name="directives",
        null=True,
        blank=True,
    )
    signer_name = models.CharField(_("signer"), max_length=255, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=255, blank=True)
    issued_on = models.DateField(_("issue date"))
    effective_on = models.DateField(_("effective date"))
    expires_on = models.DateField(
        _("expiry date"),
        null=True,
        blank=True,
        help_text=_("The first day on which the document is no longer in force."),
    )
    summary = models.TextField(_("summary"), help_text=_("The trích yếu printed on the document."))
    body = StreamField(DirectiveStreamBlock(), verbose_name=_("body"), blank=True)
    # Whether a live document declares that it replaces this one, kept by directives.replacements.
    replaced = models.BooleanField(_("replaced"), default=False, editable=False)

    objects = PageManager.from_queryset(DirectivePageQuerySet)()
    route_select_related = ("document_type", "issuing_body", "field")

    parent_page_types = ["directives.DirectiveIndexPage"]  # a document lives in a register
    subpage_types = []  # a document has no sub-pages

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("issuing_body")]),
                FieldPanel("field"),
                FieldRowPanel([FieldPanel("signer_name"), FieldPanel("signer_position")]),
            ],
            heading=_("Identification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("expires_on")]
                )
            ],
            heading=_("Dates"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attached files"), label=_("File")),
        InlinePanel("outgoing_relations", heading=_("Related documents"), label=_("Relation")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("number"),
        index.AutocompleteField("number"),
        index.SearchField("summary"),
        index.FilterField("number_key"),
        index.FilterField("document_type"),
        index.FilterField("issuing_body"),
        index.FilterField("field"),
        index.FilterField("issued_on"),
    ]

    class Meta:
        verbose_name = _("directive")
        verbose_name_plural = _("directives")
        # The register pages in this order, with or without filters.
        indexes = [models.Index(fields=["-issued_on", "-page_ptr"], name="directive_newest_first")]

    def clean(self):
        """An expiry date on or before the issue or effective date would make a document that
        was never in force; the editor gets the error on the expiry date instead."""
        super().clean()
        starts = [day for day in (self.issued_on, self.effective_on) if day]
        if self.expires_on and starts and self.expires_on <= max(starts):
            raise ValidationError(
                {
                    "expires_on": _(
                        "The expiry date must be after the issue date and the effective date."
                    )
                }
            )

    def save(self, *args, **kwargs):
        """Recompute the lookup key and the folded text on every save.

        The key is derived from ``number`` ("57-NQ/TW" -> "57-NQ-TW") and the folded text from
        title and summary ("Thành ủy" -> "thanh uy"); both are stored only so that the register's
        box needs no per-row normalising at query time; nothing else writes them.
        """
        self.set_derived_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            derived = {"number": "number_key", "title": "folded_text", "summary": "folded_text"}
            kwargs["update_fields"] = {
                *update_fields,
                *(derived[name] for name in update_fields if name in derived),
            }
        super().save(*args, **kwargs)

    def set_derived_fields(self):
        """The stored lookup key and folded text; the bulk page writer calls it too."""
        self.number_key = number_key(self.number)
        self.folded_text = folded_register_text(self.title, self.summary)

    def search_heading(self):
        """The number ranks with the title: readers search for "57-NQ/TW" as often as words."""
        return f"{self.number} {self.title}"

    def search_summary(self):
        return self.summary

    def search_body(self):
        return stream_text(self, "body")

    def display_date(self):
        return self.issued_on

    def legal_status_on(self, on):
        return derive_status(self.effective_on, self.expires_on, self.replaced, on)

    @property
    def legal_status(self):
        """Not yet in force, in force, expired or replaced, as of today in Vietnam."""
        return self.legal_status_on(today())

    def relations(self):
        """Outgoing and incoming relations with live pages, the other side loaded, one query."""
        both = DirectiveRelation.objects.filter(
            models.Q(source=self, target__live=True) | models.Q(target=self, source__live=True)
        ).select_related("source", "target")
        both = list(both.order_by("sort_order", "pk"))
        outgoing = [rel for rel in both if rel.source_id == self.pk]
        incoming = [rel for rel in both if rel.target_id == self.pk]
        return {
            "outgoing": [(rel.get_kind_display(), rel.target) for rel in outgoing],
            "incoming": [(rel.inverse_label, rel.source) for rel in incoming],
        }

    def load_reference_data(self):
        """Fetch type, issuer and field in one query instead of one each, unless routing to
        the page already loaded them (``route_select_related``)."""
        if DirectivePage.document_type.is_cached(self):
            return
        loaded = (
            DirectivePage.objects.select_related("document_type", "issuing_body", "field")
            .only("document_type", "issuing_body", "field")
            .get(pk=self.pk)
        )
        for name in ("document_type", "issuing_body", "field"):
            setattr(self, name, getattr(loaded, name))

    def citing_pages(self):
        """Live news items that cite this directive, through the news app's link model.

        The news app declares the link (``related_name="citing_news"``, with a ``page`` key to
        the citing page); directives must not import it, so the link is looked up by name and
        the section stays empty without it.
        """
        relation = self._meta.fields_map.get("citing_news")
        if relation is None:
            return Page.objects.none()
        link_model = relation.related_model
        page_model = link_model._meta.get_field("page").related_model
        links = link_model.objects.filter(**{relation.field.name: self}).values("page_id")
        pages = page_model.objects.readable().filter(pk__in=links)
        return pages.order_by("-first_published_at")

    def cache_dependents(self):
        """Beyond its register: the documents it relates to either way (each shows its title
        and, for a replacement, its status) and the news that cite it."""
        dependents = super().cache_dependents()
        related = DirectivePage.objects.filter(
            models.Q(incoming_relations__source=self) | models.Q(outgoing_relations__target=self)
        )
        for page in [*related.distinct(), *self.citing_pages()]:
            dependents.add_page(page)
        return dependents

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.load_reference_data()
        context.update(
            attachments=self.attachments.select_related("document"),
            relations=self.relations(),
            citing_pages=list(self.citing_pages()),
        )
        return context


class DirectiveAttachment(Orderable):
    """A signed file of the document (PDF, Word, Excel, OpenDocument) in the order editors set."""

    page = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="directive_attachments",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")


class DirectiveRelation(Orderable):
    """This document amends, replaces or implements another; the other shows it in reverse."""

    class Kind(models.TextChoices):
        AMENDS = "amends", _("Amends")
        REPLACES = "replaces", _("Replaces")
        IMPLEMENTS = "implements", _("Implements")
        RELATED = "related", _("Related to")

    INVERSE_LABELS = {
        Kind.AMENDS: _("Amended by"),
        Kind.REPLACES: _("Replaced by"),
        Kind.IMPLEMENTS: _("Implemented by"),
        Kind.RELATED: _("Related to"),
    }

    source = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="outgoing_relations")
    kind = models.CharField(_("relation"), max_length=20, choices=Kind.choices)
    target = models.ForeignKey(
        DirectivePage,
        verbose_name=pgettext_lazy("directive", "document"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("target")])]

    class Meta(Orderable.Meta):
        verbose_name = _("related document")
        verbose_name_plural = _("related documents")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"], name="directive_relation_unique"
            )
        ]

    def clean(self):
        if self.source_id and self.source_id == self.target_id:
            raise ValidationError({"target": _("A document cannot be related to itself.")})

    @property
    def inverse_label(self):
        return self.INVERSE_LABELS[self.kind]

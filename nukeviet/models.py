"""What the NukeViet import brought over, and what each old object became here.

One row per NukeViet object (article, category, tag, document, file, ...). The old site's
links are answered from these rows by id, so the portal needs no redirect row per URL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegacyRecord(models.Model):
    """A NukeViet object, keyed as NukeViet knew it, and the portal object it became."""

    class Kind(models.TextChoices):
        CATEGORY = "category", _("news category")
        ARTICLE = "article", _("news article")
        TAG = "tag", _("news tag")
        TOPIC = "topic", _("news topic")
        AUTHOR = "author", _("news author")
        DOCUMENT = "document", _("legal document")
        DOCUMENT_TYPE = "document_type", _("document type")
        FIELD = "field", _("field")
        ISSUER = "issuer", _("issuing body")
        SIGNER = "signer", _("signer")
        PAGE = "page", _("static page")
        FILE = "file", _("uploaded file")
        USER = "user", _("user account")

    module = models.CharField(
        _("module"),
        max_length=64,
        blank=True,
        help_text=_("NukeViet module name; empty for files and users."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    legacy_id = models.CharField(
        _("NukeViet key"),
        max_length=255,
        help_text=_("Row id, or the file path under the old site's root."),
    )
    alias = models.CharField(_("NukeViet alias"), max_length=255, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tag = models.ForeignKey(
        "articles.NewsTag", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(
        _("object id"), null=True, blank=True, help_text=_("Reference data and users: the id here.")
    )
    source_changed = models.BigIntegerField(
        _("changed in NukeViet"),
        null=True,
        blank=True,
        help_text=_("NukeViet edittime, for incremental runs."),
    )
    data = models.JSONField(
        _("kept NukeViet data"),
        default=dict,
        blank=True,
        help_text=_("What has no place yet, e.g. a user's two-step verification secret."),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("NukeViet record")
        verbose_name_plural = _("NukeViet records")
        constraints = [
            models.UniqueConstraint(
                fields=["module", "kind", "legacy_id"], name="nukeviet_unique_key"
            )
        ]
        indexes = [models.Index(fields=["module", "kind", "alias"], name="nukeviet_alias")]

    def __str__(self):
        return f"{self.module}/{self.kind}/{self.legacy_id}"

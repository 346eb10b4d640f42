"""Admin registration of the directives app, in one place.

wagtail-modeladmin (the user's choice for the reference data) is used only here, so that no
other module depends on a package in maintenance mode.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Count
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail import hooks
from wagtail_modeladmin.helpers import AdminURLHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import DeleteView, IndexView

from directives.models import DocumentType, Field, IssuingBody
from directives.views import DirectiveListingViewSet


class InUseFilter(admin.SimpleListFilter):
    """Lets admins find values no document uses any more (the only ones they can delete)."""

    title = _("use")
    parameter_name = "in_use"

    def lookups(self, request, model_admin):
        return [("yes", _("Used by documents")), ("no", _("Not used"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(directive_count__gt=0)
        if self.value() == "no":
            return queryset.filter(directive_count=0)
        return queryset


class ProtectedDeleteView(DeleteView):
    """Says in plain words why a value still in use cannot be deleted."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if context.get("protected_error"):
            count = self.instance.directives.count()
            messages.error(
                request,
                ngettext(
                    "“%(name)s” cannot be deleted: %(count)d document still uses it. "
                    "Change that document first.",
                    "“%(name)s” cannot be deleted: %(count)d documents still use it. "
                    "Change those documents first.",
                    count,
                )
                % {"name": self.instance, "count": count},
            )
        return response


class LenientIndexView(IndexView):
    """An unknown filter in the address (an old bookmark, a typo) shows the unfiltered list.

    wagtail-modeladmin raises IncorrectLookupParameters for it, which Django's own admin turns
    into a redirect but modeladmin leaves as a server error.
    """

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            return redirect(f"{request.path}?{self.ERROR_FLAG}=1")


class NumericIdURLHelper(AdminURLHelper):
    """Object URLs that take digits only: modeladmin's own accept any word as the id, and a
    word reached the database lookup and failed there instead of giving a 404."""

    def _get_object_specific_action_url_pattern(self, action):
        return rf"^{self.base_url_path}/{action}/(?P<instance_pk>\d+)/$"


class ReferenceDataAdmin(ModelAdmin):
    list_display = ("name", "directive_count")
    list_filter = (InUseFilter,)
    search_fields = ("name", "description")
    ordering = ("name",)
    url_helper_class = NumericIdURLHelper
    index_view_class = LenientIndexView
    delete_view_class = ProtectedDeleteView

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(directive_count=Count("directives"))

    @admin.display(description=pgettext_lazy("directive", "documents"), ordering="directive_count")
    def directive_count(self, obj):
        return obj.directive_count


class DocumentTypeAdmin(ReferenceDataAdmin):
    model = DocumentType
    menu_icon = "tag"


class IssuingBodyAdmin(ReferenceDataAdmin):
    model = IssuingBody
    menu_icon = "group"


class FieldAdmin(ReferenceDataAdmin):
    model = Field
    menu_icon = "folder-open-inverse"


@modeladmin_register
class DirectiveReferenceDataGroup(ModelAdminGroup):
    menu_label = _("Document lists")
    menu_icon = "list-ul"
    menu_order = 220
    items = (DocumentTypeAdmin, IssuingBodyAdmin, FieldAdmin)


@hooks.register("register_admin_viewset")
def register_directive_listing():
    return DirectiveListingViewSet("directives")

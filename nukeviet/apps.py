from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NukevietConfig(AppConfig):
    name = "nukeviet"
    verbose_name = _("NukeViet import and old links")

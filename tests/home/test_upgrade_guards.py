"""What an upgrade of Wagtail could silently break in the project's copies of its templates.

A copied template only applies while Wagtail still has a template of that name; if an upgrade
renames or drops it, the copy is silently ignored (docs/upgrading.md).
"""

from pathlib import Path

import wagtail.admin
from django.conf import settings


def test_every_copied_admin_template_still_overrides_one_of_wagtails():
    copies = Path(settings.BASE_DIR) / "templates" / "wagtailadmin"
    upstream = Path(wagtail.admin.__file__).parent / "templates" / "wagtailadmin"
    copied = [path.relative_to(copies) for path in copies.rglob("*.html")]
    assert copied, "the project copies Wagtail admin templates (docs/upgrading.md lists them)"
    missing = [str(path) for path in copied if not (upstream / path).exists()]
    assert not missing, f"Wagtail no longer has these templates, the copies are ignored: {missing}"

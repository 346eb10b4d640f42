"""The demo loader builds realistic content and a second run changes nothing."""

from django.apps import apps
from django.core.management import call_command
from wagtail.models import Site

from articles.models import NewsPage
from demo.registry import demo_password
from editorial.demo import WAITING_TITLE
from home.models import PortalSettings
from tests.shared_demo import DEMO_BASE_URL


def snapshot():
    """Row counts of every model, so that any duplicate shows up."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.managed  # a model without a table holds only permissions
    }


def test_load_demo_is_idempotent(demo_site, settings):
    settings.WAGTAILADMIN_BASE_URL = DEMO_BASE_URL  # the address of the first run
    first = snapshot()  # after the first run, the shared load
    call_command("load_demo", verbosity=0)
    second = snapshot()
    changed = {
        label: (first[label], second[label]) for label in first if first[label] != second[label]
    }
    assert not changed, f"a second load_demo run must change nothing, changed: {changed}"
    waiting = NewsPage.objects.get(title=WAITING_TITLE)  # one, not one per run
    assert not waiting.live
    state = waiting.current_workflow_state
    assert state.status == state.STATUS_IN_PROGRESS and state.requested_by.username == "congtacvien"
    assert waiting.current_workflow_task.name == "Biên tập viên duyệt tin", "waits at step 1"


def test_load_demo_fills_footer_settings_and_admin(demo_site, client):
    footer = PortalSettings.objects.get()
    assert "Hà Tĩnh" in footer.portal_name
    assert footer.agency_in_charge and footer.licence_number and footer.email
    site = Site.objects.get(is_default_site=True)
    assert DEMO_BASE_URL == "http://127.0.0.1:8123", "the address the shared demo was loaded for"
    assert (site.hostname, site.port) == ("127.0.0.1", 8123), "the site is where make run serves"
    assert (
        '<link rel="canonical" href="http://127.0.0.1:8123/">' in client.get("/").content.decode()
    )
    sitemap = client.get("/sitemap.xml").content.decode()
    entries = sitemap.count("<url>")
    assert entries > 70 and sitemap.count("<lastmod>") == entries, "every page has its lastmod"
    assert client.login(username="admin", password=demo_password())
    assert client.get("/admin/").status_code == 200

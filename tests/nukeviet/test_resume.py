"""A run stopped halfway (Ctrl-C, a dead connection) resumes after its last committed batch."""

import pytest
from django.core.management.base import CommandError
from wagtail.models import Page

from articles.models import NewsPage
from nukeviet.models import LegacyRecord
from nukeviet.news import NewsModule
from tests.nukeviet.conftest import run_import
from tests.nukeviet.test_reruns import counts

Kind = LegacyRecord.Kind


@pytest.fixture(autouse=True)
def _fresh_portal(module_transaction):
    """Nothing imported yet: this module starts from an empty portal."""


def test_a_run_stopped_halfway_resumes_where_it_stopped(
    scratch_source, old_site_root, db, monkeypatch
):
    original = NewsModule._batch
    calls = {"n": 0}

    def interrupted(self, rows, known):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return original(self, rows, known)

    monkeypatch.setattr(NewsModule, "_batch", interrupted)
    with pytest.raises(CommandError, match="resume"):
        run_import(scratch_source, old_site_root, "--batch-size", "10")
    assert LegacyRecord.objects.filter(kind=Kind.ARTICLE).count() == 20
    monkeypatch.setattr(NewsModule, "_batch", original)
    output, warnings = run_import(scratch_source, old_site_root, "--batch-size", "10")
    assert "failed" not in warnings.read_text(encoding="utf-8-sig")
    assert counts(output) == {
        "created": 30,
        "updated": 0,
        "unchanged": 20,
        "skipped": 0,
        "failed": 0,
    }
    assert NewsPage.objects.count() == 50
    assert not any(Page.find_problems())

"""manage.py lighthouse: which pages it measures and how it reads a report.

Lighthouse itself needs a minute a page and is run by `make lighthouse`, not here. These tests
hold the parts that can break without it: the pages chosen, the reading of the report's shape
(categories, audit references, scores), the threshold and the median run.
"""

import json

import pytest

from benchmark import lighthouse
from benchmark.management.commands.lighthouse import page_paths, report_lines
from tests.factories import make_news, make_news_index


def audit(score, title, shown="", mode="numeric"):
    return {"score": score, "title": title, "displayValue": shown, "scoreDisplayMode": mode}


def report(performance=0.97, accessibility=0.91):
    """A report in Lighthouse 12's shape, reduced to what the command reads."""
    return {
        "lighthouseVersion": lighthouse.VERSION,
        "categories": {
            "performance": {
                "title": "Performance",
                "score": performance,
                "auditRefs": [
                    {"id": "largest-contentful-paint", "weight": 25},
                    {"id": "total-blocking-time", "weight": 30},
                    {"id": "render-blocking-resources", "weight": 0},
                ],
            },
            "accessibility": {
                "title": "Accessibility",
                "score": accessibility,
                "auditRefs": [
                    {"id": "color-contrast", "weight": 7},
                    {"id": "heading-order", "weight": 3},
                    {"id": "image-alt", "weight": 10},
                    {"id": "video-caption", "weight": 10},
                ],
            },
            "best-practices": {"title": "Best Practices", "score": 1, "auditRefs": []},
        },
        "audits": {
            "largest-contentful-paint": audit(0.95, "Largest Contentful Paint", "2.1 s"),
            "total-blocking-time": audit(1, "Total Blocking Time", "0 ms"),
            "render-blocking-resources": audit(0.5, "Eliminate render-blocking resources"),
            "color-contrast": audit(0, "Low contrast", mode="binary"),
            "heading-order": audit(0, "Headings skip a level", mode="binary"),
            "image-alt": audit(1, "Images have alt", mode="binary"),
            "video-caption": audit(None, "Videos have captions", mode="notApplicable"),
        },
    }


def by_id(found):
    return {category.id: category for category in found}


def test_scores_are_read_as_percentages_with_the_failing_audits_heaviest_first():
    found = by_id(lighthouse.categories(report()))
    assert list(found) == ["performance", "accessibility", "best-practices", "seo"]
    assert found["performance"].score == 97 and found["accessibility"].score == 91
    failing = [(a.id, a.score) for a in found["accessibility"].failing]
    assert failing == [("color-contrast", 0), ("heading-order", 0)], "weight order, no N/A"
    assert [a.id for a in found["performance"].failing] == ["render-blocking-resources"]


def test_a_category_missing_from_the_report_has_no_score_and_never_passes():
    seo = by_id(lighthouse.categories(report()))["seo"]
    assert seo.score is None and not seo.passes(0)


def test_a_report_with_a_runtime_error_is_an_error_not_a_zero():
    broken = {**report(), "runtimeError": {"code": "NO_FCP", "message": "No content painted"}}
    with pytest.raises(lighthouse.LighthouseError, match="No content painted"):
        lighthouse.categories(broken)


def test_the_threshold_is_inclusive_and_audits_are_listed_only_under_it():
    found = lighthouse.categories(report(performance=0.95, accessibility=0.94))
    lines = list(report_lines("Trang chủ", "https://portal.test/", found, threshold=95))
    text = "\n".join(lines)
    assert lines[0] == "Trang chủ: https://portal.test/"
    assert lines[1].split()[:2] == ["performance", "95"]
    assert lines[2].split()[:2] == ["accessibility", "94"], "a passing category lists nothing"
    assert lines[1].split()[2:] != lines[2].split()[2:], "95 is marked apart from 94"
    assert "color-contrast: Low contrast [0.00]" in text
    assert "largest-contentful-paint" not in text


def test_the_median_run_is_chosen_by_its_performance_score():
    runs = [report(performance=score) for score in (0.99, 0.80, 0.93)]
    assert lighthouse.median_run(runs)["categories"]["performance"]["score"] == 0.93
    assert lighthouse.median_run(runs[:2])["categories"]["performance"]["score"] == 0.80


def test_chromium_accepts_a_self_signed_certificate_only_on_loopback_or_a_mapped_name():
    remote = lighthouse.chrome_flags("https://portal.example.vn/")
    assert "--ignore-certificate-errors" not in remote and "--no-sandbox" in remote
    assert "--ignore-certificate-errors" in lighthouse.chrome_flags("https://127.0.0.1:8443/")
    mapped = lighthouse.chrome_flags("https://portal.test:8443/tin/", resolve="127.0.0.1")
    assert '--host-resolver-rules="MAP portal.test 127.0.0.1"' in mapped
    assert "--ignore-certificate-errors" in mapped


def test_an_installed_pinned_version_is_not_installed_again(tmp_path):
    package = tmp_path / "node_modules" / "lighthouse" / "package.json"
    package.parent.mkdir(parents=True)
    package.write_text(json.dumps({"name": "lighthouse", "version": lighthouse.VERSION}))
    assert lighthouse.install(tmp_path) is False
    package.write_text(json.dumps({"name": "lighthouse", "version": "11.0.0"}))
    assert lighthouse.installed_version(tmp_path) == "11.0.0"


@pytest.mark.django_db
def test_the_pages_are_the_home_page_and_the_newest_live_news_item(home_page, site_settings):
    category = make_news_index(home_page, "Tin trong tỉnh")
    make_news(category, "Tin cũ")
    newest = make_news(category, "Tin mới nhất")
    make_news(category, "Tin nháp", publish=False)
    assert [path for path, _label in page_paths()] == ["/", newest.url]


@pytest.mark.parametrize(
    ("index", "slowdown"),
    [(2000, 4.0), (1056, 4.0), (660, 2.5), (295, 1.1), (120, 1.0), (None, 1.0)],
)
def test_the_cpu_slowdown_brings_the_host_to_the_emulated_phone(index, slowdown):
    measured = {**report(), "environment": {"benchmarkIndex": index}}
    assert lighthouse.calibrated_slowdown(measured) == slowdown

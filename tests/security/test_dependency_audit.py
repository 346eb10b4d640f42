"""The dependency audit: a vulnerable pin fails it, and an unreachable service is not a pass."""

import pytest
from packaging.version import Version

from security import audit


@pytest.mark.parametrize(
    ("version", "fixed", "affected"),
    [
        ("7.4.1", ["7.0.8", "7.3.3", "7.4.2"], True),
        ("7.4.2", ["7.0.8", "7.3.3", "7.4.2"], False),
        ("7.3.5", ["7.0.8", "7.3.3", "7.4.2"], False),
        ("7.1.2", ["7.0.8", "7.3.3", "7.4.2"], True),  # a series the fix never reached
        ("8.0.1", ["7.0.8", "7.3.3", "7.4.2"], False),  # released after every fixed series
        ("5.2.13", ["5.2.14"], True),
    ],
)
def test_which_versions_an_advisory_affects(version, fixed, affected):
    assert audit.is_affected(Version(version), fixed) is affected


def test_the_pinned_versions_have_no_recorded_advisory(settings):
    pins = audit.pinned_versions(settings.BASE_DIR / "requirements.txt")
    assert {"wagtail", "django"} <= pins.keys()
    assert audit.recorded_vulnerabilities(pins, audit.load_advisories()) == []


def test_an_older_pin_is_caught_by_the_recorded_advisories():
    pins = {"wagtail": Version("7.4.1"), "django": Version("5.2.13")}
    found = {
        advisory
        for _, _, advisory, _ in audit.recorded_vulnerabilities(pins, audit.load_advisories())
    }
    assert {"CVE-2026-54259", "CVE-2026-54263", "CVE-2026-35192", "CVE-2026-15920"} <= found


def test_every_recorded_advisory_is_in_the_table_of_docs(settings):
    table = (settings.BASE_DIR / "docs" / "security.md").read_text()
    missing = [item["id"] for item in audit.load_advisories() if item["id"] not in table]
    assert missing == [], "docs/security.md must list every recorded advisory"


def pip_audit_json(*dependencies):
    return {"dependencies": list(dependencies), "fixes": []}


def test_every_package_not_found_means_the_service_was_not_reached():
    report = audit.read_report(
        pip_audit_json(
            {
                "name": "django",
                "skip_reason": "Dependency not found on PyPI and could not be audited: django (5.2.19)",
            },
            {
                "name": "wagtail",
                "skip_reason": "Dependency not found on PyPI and could not be audited: wagtail (8.0.1)",
            },
        )
    )
    assert not report.service_reached
    assert report.unaudited == ["django", "wagtail"]
    assert report.dependencies == {"django": "5.2.19", "wagtail": "8.0.1"}, "from the reasons"


def test_a_reported_vulnerability_is_kept():
    report = audit.read_report(
        pip_audit_json(
            {
                "name": "django",
                "version": "5.2.1",
                "vulns": [{"id": "PYSEC-1", "fix_versions": ["5.2.2"]}],
            },
        )
    )
    assert report.service_reached
    assert report.vulnerabilities == [("django", "5.2.1", "PYSEC-1", ["5.2.2"])]


def pypi_project(latest, releases, vulnerabilities=()):
    """The shape of PyPI's /pypi/<name>/json answer, with the fields the audit reads."""
    return {
        "info": {"version": latest},
        "releases": {release: [] for release in releases},
        "vulnerabilities": list(vulnerabilities),
    }


def test_project_data_audits_a_pin_at_the_latest_release():
    result = audit.ProjectAudit()
    vulns = [
        {"id": "PYSEC-2", "fixed_in": ["8.0.2"], "withdrawn": None},
        {"id": "PYSEC-3", "fixed_in": ["8.0.2"], "withdrawn": "2026-01-01T00:00:00"},
    ]
    audit.read_project("wagtail", "8.0.1", pypi_project("8.0.1", ["8.0", "8.0.1"], vulns), result)
    assert result.covered == ["wagtail"]
    assert result.vulnerabilities == [("wagtail", "8.0.1", "PYSEC-2", ["8.0.2"])], "not withdrawn"


def test_project_data_says_nothing_about_an_older_pin_but_names_newer_patches():
    """The project API's vulnerabilities are the latest release's: never read as the pin's."""
    result = audit.ProjectAudit()
    project = pypi_project(
        "6.1.3", ["5.2.18", "5.2.19", "5.2.20", "5.3rc1", "6.1.3", "0.9-beta"], [{"id": "X"}]
    )
    audit.read_project("django", "5.2.19", project, result)
    assert result.not_covered == ["django"] and result.covered == []
    assert result.vulnerabilities == []
    assert result.newer_in_series == [("django", "5.2.19", ["5.2.20"])]

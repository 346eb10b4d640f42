"""The dependency audit of CI: pip-audit on the pins, and the advisories this project records.

pip-audit asks PyPI's JSON API for each pinned version's known vulnerabilities
(``/pypi/<name>/<version>/json``). Where that API cannot be reached, pip-audit reports every
package as "not found" and exits 0, which would read as a clean audit: here that case is named
as such. PyPI's project API (``/pypi/<name>/json``) may still answer; its "vulnerabilities"
describe the latest release only, so they audit the pins that are a project's latest release
and say nothing about the others. Every pin is also checked against the advisories recorded in
``known_advisories.json`` (the table of docs/security.md).
"""

import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from packaging.version import InvalidVersion, Version

ADVISORIES_FILE = Path(__file__).with_name("known_advisories.json")
NOT_FOUND = "not found on PyPI"
PYPI_PROJECT_URL = "https://pypi.org/pypi/{name}/json"


@dataclass
class Report:
    vulnerabilities: list  # (package, version, advisory id, fixed versions)
    unaudited: list  # packages pip-audit could not look up
    service_reached: bool
    dependencies: dict = field(default_factory=dict)  # name -> version, as pip-audit resolved


@dataclass
class ProjectAudit:
    """What PyPI's project API says about the pins: only those at their latest release."""

    vulnerabilities: list = field(default_factory=list)  # as in Report
    covered: list = field(default_factory=list)  # pins that are their project's latest release
    not_covered: list = field(default_factory=list)  # older pins: the API says nothing on them
    unreachable: list = field(default_factory=list)
    newer_in_series: list = field(default_factory=list)  # (package, pin, newer patch releases)


def run_pip_audit(requirements):
    """pip-audit's JSON report of ``requirements``, looked up in PyPI's vulnerability data."""
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--requirement",
        str(requirements),
        "--vulnerability-service",
        "pypi",
        "--format",
        "json",
        "--progress-spinner",
        "off",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if not result.stdout.strip().startswith("{"):
        raise RuntimeError(f"pip-audit failed: {result.stderr.strip() or result.stdout.strip()}")
    return json.loads(result.stdout)


def _skipped_version(reason):
    """pip-audit names a skipped package's version only in its reason: "... django (5.2.19)"."""
    found = re.search(r"\(([^()]+)\)\s*$", reason or "")
    return found.group(1) if found else None


def read_report(audit):
    vulnerabilities, unaudited, dependencies = [], [], {}
    for dependency in audit.get("dependencies", []):
        version = dependency.get("version") or _skipped_version(dependency.get("skip_reason"))
        if version:
            dependencies[dependency["name"]] = version
        for vuln in dependency.get("vulns", []):
            vulnerabilities.append(
                (dependency["name"], dependency["version"], vuln["id"], vuln.get("fix_versions"))
            )
        if NOT_FOUND in (dependency.get("skip_reason") or ""):
            unaudited.append(dependency["name"])
    looked_up = len(audit.get("dependencies", [])) - len(unaudited)
    return Report(vulnerabilities, unaudited, looked_up > 0, dependencies)


def fetch_project(name, timeout=20):
    """PyPI's project JSON for ``name``, or None when it cannot be had."""
    url = PYPI_PROJECT_URL.format(name=urllib.parse.quote(name))
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return json.load(answer)
    except (urllib.error.URLError, TimeoutError, ValueError):
        return None


def read_project(name, version, project, result):
    """Adds to ``result`` what ``project`` (PyPI's project JSON) says about ``name==version``."""
    latest = Version(project["info"]["version"])
    pin = Version(version)
    if latest == pin:
        result.covered.append(name)
        for vuln in project.get("vulnerabilities") or []:
            if not vuln.get("withdrawn"):
                result.vulnerabilities.append((name, version, vuln["id"], vuln.get("fixed_in")))
    else:
        result.not_covered.append(name)
    newer = sorted(
        release
        for release in _versions(project.get("releases", {}))
        if not release.is_prerelease and release.release[:2] == pin.release[:2] and release > pin
    )
    if newer:
        result.newer_in_series.append((name, version, [str(release) for release in newer]))


def _versions(names):
    for name in names:
        try:
            yield Version(name)
        except InvalidVersion:  # a few old releases predate PEP 440
            continue


def audit_latest_releases(dependencies):
    result = ProjectAudit()
    for name, version in sorted(dependencies.items()):
        project = fetch_project(name)
        if project is None:
            result.unreachable.append(name)
        else:
            read_project(name, version, project, result)
    return result


def pinned_versions(requirements):
    pins = {}
    for line in Path(requirements).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line and not line.startswith("-"):
            name, version = line.split("==", 1)
            pins[name.strip().lower()] = Version(version.strip())
    return pins


def is_affected(version, fixed_versions):
    """Affected unless a fix exists on the pin's own series (at or below it) or the pin's
    series is newer than every series that received the fix."""
    fixed = [Version(value) for value in fixed_versions]
    series = version.release[:2]
    if any(fix.release[:2] == series and version >= fix for fix in fixed):
        return False
    return not all(series > fix.release[:2] for fix in fixed)


def recorded_vulnerabilities(pins, advisories):
    found = []
    for advisory in advisories:
        version = pins.get(advisory["package"])
        if version is not None and is_affected(version, advisory["fixed"]):
            found.append((advisory["package"], str(version), advisory["id"], advisory["fixed"]))
    return found


def load_advisories():
    return json.loads(ADVISORIES_FILE.read_text())

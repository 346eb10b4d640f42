"""The dependency audit of CI: pip-audit on the pins, and the advisories this project records.

pip-audit asks PyPI's JSON API for each pinned version's known vulnerabilities. Where that API
cannot be reached, pip-audit reports every package as "not found" and exits 0, which would
read as a clean audit: here that case is named as such, and the pins are checked against the
advisories recorded in ``known_advisories.json`` (the table of docs/security.md) instead.
"""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from packaging.version import Version

ADVISORIES_FILE = Path(__file__).with_name("known_advisories.json")
NOT_FOUND = "not found on PyPI"


@dataclass
class Report:
    vulnerabilities: list  # (package, version, advisory id, fixed versions)
    unaudited: list  # packages pip-audit could not look up
    service_reached: bool


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


def read_report(audit):
    vulnerabilities, unaudited = [], []
    for dependency in audit.get("dependencies", []):
        for vuln in dependency.get("vulns", []):
            vulnerabilities.append(
                (dependency["name"], dependency["version"], vuln["id"], vuln.get("fix_versions"))
            )
        if NOT_FOUND in (dependency.get("skip_reason") or ""):
            unaudited.append(dependency["name"])
    looked_up = len(audit.get("dependencies", [])) - len(unaudited)
    return Report(vulnerabilities, unaudited, service_reached=looked_up > 0)


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

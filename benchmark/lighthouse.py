"""Lighthouse (the npm package) on Debian's Chromium: install, run, read the report.

The package is pinned (12.2.3, the last release that runs on Node 20) and installed with npm
into a folder of its own under var/, never globally. Chromium is the system one: nothing here
downloads a browser, and the flags keep it off Google's update, sync and field-trial hosts,
which a closed network refuses (a refused connection would otherwise slow every run).
"""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

VERSION = "12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse shows an audit as passed from 0.9 on; below that it is worth reading.
AUDIT_PASS = 0.9
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-quic",
    "--no-first-run",
    "--metrics-recording-only",
)
LOOPBACK = {"localhost", "127.0.0.1", "::1"}
# Lighthouse's 4x CPU slowdown assumes a host with a benchmark index of 1000 or more (below that
# it warns "slower CPU than Lighthouse expects"). The phone it emulates, a Moto G Power (2022),
# scores 264 in Chrome DevTools' CPU calibration: a slower host is slowed only down to that.
DEFAULT_SLOWDOWN = 4.0
EMULATED_PHONE_INDEX = 264


class LighthouseError(Exception):
    """Lighthouse could not be installed or did not produce a report."""


@dataclass
class Audit:
    id: str
    title: str
    score: float
    shown: str = ""


@dataclass
class Category:
    id: str
    title: str
    score: int | None  # 0-100; None when Lighthouse could not compute it
    failing: list[Audit] = field(default_factory=list)

    def passes(self, threshold):
        return self.score is not None and self.score >= threshold


def executable(folder):
    return Path(folder) / "node_modules" / ".bin" / "lighthouse"


def installed_version(folder):
    package = Path(folder) / "node_modules" / "lighthouse" / "package.json"
    if not package.exists():
        return None
    return json.loads(package.read_text()).get("version")


def install(folder):
    """npm install of the pinned version into ``folder`` unless it is there already.

    Returns True when it installed. Puppeteer's browser download is switched off: Lighthouse
    itself needs only puppeteer-core and the Chromium it is given.
    """
    if installed_version(folder) == VERSION:
        return False
    npm = shutil.which("npm")
    if not npm:
        raise LighthouseError("npm not found: install Debian's nodejs and npm packages")
    Path(folder).mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1"}
    command = [npm, "install", "--no-audit", "--no-fund", "--prefix", str(folder)]
    result = subprocess.run(
        [*command, f"lighthouse@{VERSION}"], env=env, capture_output=True, text=True
    )
    if result.returncode != 0 or installed_version(folder) != VERSION:
        raise LighthouseError(f"npm install lighthouse@{VERSION} failed:\n{result.stderr[-2000:]}")
    return True


def chrome_flags(url, resolve=None):
    """Chromium's flags for ``url``: on loopback (or with ``resolve``) a self-signed certificate
    is accepted, as a local nginx with a throw-away certificate has no other."""
    host = urlsplit(url).hostname or ""
    flags = list(CHROME_FLAGS)
    if resolve:
        # Lighthouse splits --chrome-flags on spaces, except inside quotes.
        flags.append(f'--host-resolver-rules="MAP {host} {resolve}"')
    if resolve or host in LOOPBACK:
        flags.append("--ignore-certificate-errors")
    return flags


def calibrated_slowdown(report):
    """The CPU slowdown that brings this host to the emulated phone, from a report's benchmark
    index: Lighthouse's 4x on a host as fast as it expects, less on a slower one, never under 1x
    (a host slower than the phone is measured as it is)."""
    index = report.get("environment", {}).get("benchmarkIndex") or 0
    return round(max(1.0, min(DEFAULT_SLOWDOWN, index / EMULATED_PHONE_INDEX)), 1)


def run(folder, url, chromium, flags, slowdown=DEFAULT_SLOWDOWN, timeout=240):
    """The JSON report of one Lighthouse run on ``url`` (mobile, Lighthouse's default form
    factor and simulated throttling, with ``slowdown`` as the CPU multiplier)."""
    command = [
        str(executable(folder)),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--throttling.cpuSlowdownMultiplier={slowdown}",
        f"--chrome-flags={' '.join(flags)}",
    ]
    env = {**os.environ, "CHROME_PATH": chromium}
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        raise LighthouseError(f"Lighthouse gave no report on {url} in {timeout} s") from error
    if result.returncode != 0 or not result.stdout.strip():
        raise LighthouseError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def categories(report):
    """The four categories of a report, each with the audits it weighs that fell short.

    An audit counts when its score is below Lighthouse's pass mark; audits without a score
    (informative, manual, not applicable) never do. The heaviest audits come first.
    """
    if report.get("runtimeError"):
        raise LighthouseError(report["runtimeError"].get("message", "runtime error"))
    audits = report.get("audits", {})
    found = []
    for category_id in CATEGORIES:
        category = report.get("categories", {}).get(category_id)
        if category is None:
            found.append(Category(category_id, category_id, None))
            continue
        score = category.get("score")
        failing = []
        for ref in sorted(category.get("auditRefs", []), key=lambda r: -r.get("weight", 0)):
            audit = audits.get(ref["id"], {})
            if audit.get("score") is not None and audit["score"] < AUDIT_PASS:
                shown = audit.get("displayValue", "")
                failing.append(
                    Audit(ref["id"], audit.get("title", ref["id"]), audit["score"], shown)
                )
        rounded = None if score is None else round(score * 100)
        found.append(Category(category_id, category.get("title", category_id), rounded, failing))
    return found


def median_run(reports):
    """The report whose performance score is the median of the runs (as Lighthouse advises:
    performance moves from run to run, the other categories hardly)."""

    def performance(report):
        return (report.get("categories", {}).get("performance") or {}).get("score") or 0

    ordered = sorted(reports, key=performance)
    return ordered[(len(ordered) - 1) // 2]

"""``manage.py audit_dependencies``: fail on a known vulnerability in a pinned package."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from security import audit


class Command(BaseCommand):
    help = "Audit requirements.txt with pip-audit, PyPI's project data and the recorded advisories."

    def add_arguments(self, parser):
        parser.add_argument("--requirements", default=Path(settings.BASE_DIR) / "requirements.txt")
        parser.add_argument(
            "--require-service",
            action="store_true",
            help="Fail when PyPI's per-version vulnerability data cannot be reached.",
        )

    def handle(self, requirements, require_service, **options):
        report = audit.read_report(audit.run_pip_audit(requirements))
        found = list(report.vulnerabilities)
        if report.unaudited:
            self.stderr.write(
                f"pip-audit could not look up {len(report.unaudited)} package(s) in PyPI's "
                f"vulnerability data: {', '.join(sorted(report.unaudited))}."
            )
        if not report.service_reached:
            message = (
                "PyPI's per-version vulnerability data is unreachable from here: "
                "pip-audit's online audit did NOT run."
            )
            if require_service:
                raise CommandError(message)
            self.stderr.write(message)
            found += self.audit_latest_releases(report.dependencies)
        pins = audit.pinned_versions(requirements)
        found += audit.recorded_vulnerabilities(pins, audit.load_advisories())
        for package, version, advisory, fixed in found:
            self.stderr.write(
                f"{package} {version}: {advisory} (fixed in {', '.join(fixed or [])})"
            )
        if found:
            raise CommandError(f"{len(found)} known vulnerability(ies) in the pinned packages.")
        source = "PyPI's data and the" if report.service_reached else "the"
        self.stdout.write(
            f"No known vulnerability in {len(pins)} pins ({source} recorded advisories)."
        )

    def audit_latest_releases(self, dependencies):
        """PyPI's project API: its vulnerabilities cover the pins at their latest release."""
        self.stderr.write(f"Asking PyPI's project API about {len(dependencies)} packages...")
        result = audit.audit_latest_releases(dependencies)
        self.stderr.write(
            f"PyPI's project data audited {len(result.covered)} package(s) pinned at their "
            f"latest release; it says nothing about {len(result.not_covered)} older pin(s) "
            f"({', '.join(result.not_covered) or 'none'}), which only the recorded advisories "
            f"check; unreachable: {', '.join(result.unreachable) or 'none'}."
        )
        for package, version, newer in result.newer_in_series:
            self.stderr.write(
                f"Note: {package} {version} has newer releases in its series ({', '.join(newer)}):"
                " read their notes for security fixes."
            )
        return result.vulnerabilities

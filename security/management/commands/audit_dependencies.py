"""``manage.py audit_dependencies``: fail on a known vulnerability in a pinned package."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from security import audit


class Command(BaseCommand):
    help = "Audit requirements.txt with pip-audit and the recorded advisories."

    def add_arguments(self, parser):
        parser.add_argument("--requirements", default=Path(settings.BASE_DIR) / "requirements.txt")
        parser.add_argument(
            "--require-service",
            action="store_true",
            help="Fail when PyPI's vulnerability data cannot be reached.",
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
                "PyPI's vulnerability data is unreachable from here: the online audit did NOT run."
            )
            if require_service:
                raise CommandError(message)
            self.stderr.write(f"{message} Checking the pins against the recorded advisories.")
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

"""What an import did, per kind of object, and every warning for the board's spreadsheet."""

import csv
from collections import Counter, defaultdict

OUTCOMES = ("created", "updated", "unchanged", "skipped", "failed")


class Report:
    def __init__(self):
        self.counts = defaultdict(Counter)
        self.warnings = []

    def count(self, kind, outcome, number=1):
        self.counts[kind][outcome] += number

    def warn(self, kind, legacy_id, title, message):
        self.warnings.append((kind, str(legacy_id), title or "", message))

    def fail(self, kind, legacy_id, title, message):
        self.count(kind, "failed")
        self.warn(kind, legacy_id, title, f"failed: {message}")

    def summary_lines(self):
        width = max([len(kind) for kind in self.counts] + [8])
        lines = [f"{'':{width}}  " + "  ".join(f"{name:>9}" for name in OUTCOMES)]
        for kind, counter in self.counts.items():
            lines.append(
                f"{kind:{width}}  " + "  ".join(f"{counter[name]:>9}" for name in OUTCOMES)
            )
        return lines

    def write_csv(self, path):
        """UTF-8 with a byte-order mark, so spreadsheet programs show Vietnamese correctly."""
        with open(path, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(["kind", "nukeviet_id", "title", "warning"])
            writer.writerows(self.warnings)

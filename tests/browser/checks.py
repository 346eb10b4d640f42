"""Checks the reader-facing browser tests share: axe-core, phone width, visible focus."""

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()
# WCAG 2.1 A and AA, as Vietnamese rules ask of agency sites, plus axe's best practices.
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
}


def assert_no_axe_violations(page):
    results = _AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, (
        f"axe-core found violations on {page.url}:\n{results.generate_report()}"
    )


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px"


def focused_outline(page):
    """Describe the focus indicator of the focused element: its outline and box-shadow."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return {
                tag: document.activeElement.tagName,
                text: (document.activeElement.textContent || document.activeElement.name || "").trim(),
                outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
                shadow: style.boxShadow !== "none",
            };
        }"""
    )

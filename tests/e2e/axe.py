"""axe-core in the browser tests: inject the pinned ``axe-core`` from frontend/node_modules into a
Playwright page, run it, and describe the violations that matter (impact serious or critical).

Reuse: ``assert_no_serious_violations(page, "model page")`` after the page has settled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / \
    "axe.min.js"
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
# WCAG 2.0, 2.1 and 2.2 A and AA rules, plus axe's best practices (landmarks, headings...).
RUN_OPTIONS = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


def inject_axe(page: Any) -> None:
    """Load axe-core into the page. Evaluated through the DevTools protocol, which the app's
    Content-Security-Policy (``script-src 'self'``, no inline scripts) rightly does not allow
    for a <script> tag; the wrapper function keeps axe's own variables out of the page."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate("() => {\n" + AXE_SCRIPT.read_text(encoding="utf-8") + "\n}")


def run_axe(page: Any) -> list[dict[str, Any]]:
    """All of axe's violations on the page as it is now (axe is injected when missing)."""
    inject_axe(page)
    result = page.evaluate("options => window.axe.run(document, options)", RUN_OPTIONS)
    return list(result["violations"])


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations with impact serious or critical."""
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per rule and element: rule id, impact, target and axe's help text."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(f"  [{violation['impact']}] {violation['id']}: {node['target']} - "
                         f"{violation['help']} ({node.get('failureSummary', '').strip()[:300]})")
    return "\n".join(lines)


def assert_no_serious_violations(page: Any, where: str) -> None:
    """Fail, listing each rule, target and help, when axe finds a serious or critical issue."""
    found = blocking(run_axe(page))
    assert not found, f"axe found serious or critical violations on {where}:\n{describe(found)}"

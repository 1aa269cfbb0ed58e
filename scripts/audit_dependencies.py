"""Fail when a pinned dependency has a known vulnerability that a newer release fixes.

Runs ``pip-audit`` over ``requirements.txt`` and ``npm audit`` over the frontend's runtime
packages. Both need an advisory service on the internet (PyPI's JSON API, the npm registry's
bulk advisory endpoint). Each service is probed first with one cheap request: when it does not
answer as it should (a closed network, a mirror without the API), that audit is reported loudly
as NOT RUN instead of passing silently, and the script fails only when ``DARIA_REQUIRE_AUDIT=1``
(set it where the services are reachable, e.g. in a connected CI).

A package the audit could not check (pip-audit's ``skip_reason``) is counted as not audited,
never as clean.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# pip-audit asks for one release at a time; that answer carries the "vulnerabilities" list.
PYPI_PROBE = "https://pypi.org/pypi/django/4.2/json"
NPM_PROBE = "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk"
PROBE_TIMEOUT_S = 10


@dataclass
class AuditResult:
    """What one audit found: fixable vulnerabilities, and packages it could not check."""

    tool: str
    fixable: list[str] = field(default_factory=list)
    not_audited: list[str] = field(default_factory=list)
    unavailable_reason: str = ""


def pip_audit_result(report: dict[str, Any]) -> AuditResult:
    """Read pip-audit's JSON report: a vulnerability with a fix version is a finding."""
    result = AuditResult("pip-audit")
    for dependency in report.get("dependencies", []):
        name = f"{dependency['name']} {dependency.get('version', '')}".strip()
        if "skip_reason" in dependency:
            result.not_audited.append(name)
            continue
        for vulnerability in dependency.get("vulns", []):
            if vulnerability.get("fix_versions"):
                fixes = ", ".join(vulnerability["fix_versions"])
                result.fixable.append(f"{name}: {vulnerability['id']} (fixed in {fixes})")
    return result


def npm_audit_result(report: dict[str, Any]) -> AuditResult:
    """Read ``npm audit --json``: a vulnerable package with ``fixAvailable`` is a finding."""
    result = AuditResult("npm audit")
    if "error" in report or "statusCode" in report:
        result.unavailable_reason = str(report.get("message") or report.get("error"))
        return result
    for name, vulnerability in report.get("vulnerabilities", {}).items():
        if vulnerability.get("fixAvailable"):
            result.fixable.append(f"{name}: {vulnerability.get('severity', 'unknown')} "
                                  f"severity ({vulnerability.get('range', '')})")
    return result


def _probe(request: urllib.request.Request, expected_key: str = "") -> str:
    """Empty when the advisory service answers with JSON (holding ``expected_key`` if given),
    else why it does not."""
    try:
        with urllib.request.urlopen(request, timeout=PROBE_TIMEOUT_S) as response:
            answer = json.loads(response.read())
    except (urllib.error.URLError, OSError, ValueError) as error:
        return f"{request.full_url} does not answer as an advisory service ({error})"
    if expected_key and expected_key not in answer:
        return f"{request.full_url} answers without {expected_key!r}"
    return ""


def run_pip_audit() -> AuditResult:
    """pip-audit over requirements.txt, unless PyPI's JSON API is out of reach."""
    reason = _probe(urllib.request.Request(PYPI_PROBE), expected_key="vulnerabilities")
    if reason:
        return AuditResult("pip-audit", unavailable_reason=reason)
    completed = subprocess.run(
        [sys.executable, "-m", "pip_audit", "-r", str(ROOT / "requirements.txt"),
         "--progress-spinner", "off", "--format", "json"],
        capture_output=True, text=True, check=False)
    try:
        return pip_audit_result(json.loads(completed.stdout))
    except ValueError:
        return AuditResult("pip-audit", unavailable_reason=completed.stderr.strip()[-500:])


def run_npm_audit() -> AuditResult:
    """npm audit over the frontend's runtime packages, unless the registry refuses audits."""
    probe = urllib.request.Request(NPM_PROBE, data=b"{}", method="POST",
                                   headers={"Content-Type": "application/json"})
    reason = _probe(probe)
    if reason:
        return AuditResult("npm audit", unavailable_reason=reason)
    completed = subprocess.run(["npm", "audit", "--omit=dev", "--json"], cwd=ROOT / "frontend",
                               capture_output=True, text=True, check=False)
    try:
        return npm_audit_result(json.loads(completed.stdout))
    except ValueError:
        return AuditResult("npm audit", unavailable_reason=completed.stderr.strip()[-500:])


def exit_code(results: list[AuditResult], require_audit: bool) -> int:
    """1 on any fixable vulnerability, or on an audit that could not run when one is required."""
    if any(result.fixable for result in results):
        return 1
    incomplete = any(result.unavailable_reason or result.not_audited for result in results)
    return 1 if require_audit and incomplete else 0


def _report(result: AuditResult) -> None:
    if result.unavailable_reason:
        print(f"NOT RUN: {result.tool}: {result.unavailable_reason}")
        return
    for finding in result.fixable:
        print(f"VULNERABLE ({result.tool}): {finding}")
    if result.not_audited:
        print(f"NOT AUDITED ({result.tool}): {len(result.not_audited)} packages: "
              + ", ".join(result.not_audited))
    if not result.fixable and not result.not_audited:
        print(f"{result.tool}: no known vulnerability with a fix")


def main() -> int:
    """Run both audits, print what each found, and return the exit code."""
    results = [run_pip_audit(), run_npm_audit()]
    for result in results:
        _report(result)
    return exit_code(results, require_audit=os.environ.get("DARIA_REQUIRE_AUDIT") == "1")


if __name__ == "__main__":
    sys.exit(main())

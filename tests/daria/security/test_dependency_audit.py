"""The dependency audit's reading of pip-audit and npm audit reports: a fixable vulnerability
fails, an unfixable one is reported but does not, and a package that could not be checked is
never counted as clean."""

from __future__ import annotations

from scripts.audit_dependencies import (
    AuditResult,
    exit_code,
    npm_audit_result,
    pip_audit_result,
)

PIP_REPORT = {
    "dependencies": [
        {"name": "django", "version": "5.2.0", "vulns": [
            {"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"], "aliases": [], "description": ""},
            {"id": "PYSEC-2025-2", "fix_versions": [], "aliases": [], "description": ""},
        ]},
        {"name": "pandas", "version": "3.1.1", "vulns": []},
        {"name": "polib", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ],
    "fixes": [],
}

NPM_REPORT = {
    "auditReportVersion": 2,
    "vulnerabilities": {
        "left-pad": {"name": "left-pad", "severity": "high", "range": "<1.3.0",
                     "fixAvailable": True},
        "old-lib": {"name": "old-lib", "severity": "low", "range": "*", "fixAvailable": False},
    },
    "metadata": {},
}


def test_only_a_vulnerability_with_a_fix_is_a_finding() -> None:
    result = pip_audit_result(PIP_REPORT)

    assert result.fixable == ["django 5.2.0: PYSEC-2025-1 (fixed in 5.2.1)"]


def test_a_package_pip_audit_skipped_is_not_audited_rather_than_clean() -> None:
    result = pip_audit_result(PIP_REPORT)

    assert result.not_audited == ["polib"]


def test_npm_findings_are_the_vulnerable_packages_with_a_fix() -> None:
    result = npm_audit_result(NPM_REPORT)

    assert result.fixable == ["left-pad: high severity (<1.3.0)"]


def test_an_npm_error_report_means_the_audit_did_not_run() -> None:
    refused = {"message": "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/"
                          "security/advisories/bulk", "statusCode": 405}

    result = npm_audit_result(refused)

    assert result.unavailable_reason.startswith("405 Method Not Allowed")
    assert result.fixable == []


def test_a_fixable_vulnerability_fails_the_run() -> None:
    assert exit_code([AuditResult("pip-audit", fixable=["x"])], require_audit=False) == 1


def test_an_audit_that_could_not_run_fails_only_when_audits_are_required() -> None:
    results = [AuditResult("npm audit", unavailable_reason="no network"),
               AuditResult("pip-audit", not_audited=["polib"])]

    assert exit_code(results, require_audit=False) == 0
    assert exit_code(results, require_audit=True) == 1


def test_clean_complete_audits_pass_even_when_required() -> None:
    assert exit_code([AuditResult("pip-audit"), AuditResult("npm audit")],
                     require_audit=True) == 0

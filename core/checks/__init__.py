"""Run the rule catalogue over an analysed document.

A rule whose tables are missing or could not be parsed is not skipped in silence: it yields one
`manual` finding saying it could not run and why. A rule that fails with an exception says so too.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from core.checks.applies import applicability
from core.checks.context import TABLE_NAME_ZH, Context
from core.checks.model import Finding, Location
from core.checks.registry import Rule, catalogue
from core.checks.settings import Settings, load_settings

if TYPE_CHECKING:
    from core.analysis import Report

log = logging.getLogger(__name__)

SEVERITY_ORDER = {"error": 0, "warn": 1, "manual": 2, "info": 3}


def _cannot_run(rule: Rule, missing: list[str], ctx: Context) -> Finding:
    names = "、".join(f"{t}（{TABLE_NAME_ZH.get(t, t)}）" for t in missing)
    reason = "未找到" if all(t not in ctx.tables for t in missing) else "未能可靠解析"
    return Finding(
        rule.id, "manual",
        f"无法执行“{rule.title}”：{reason} {names}，请人工核对。",
        f"Could not run '{rule.title_en}': {', '.join(missing)} "
        f"{'not found' if reason == '未找到' else 'not parsed reliably'}; check by hand.",
        subject=f"cannot-run:{','.join(missing)}",
        locations=[Location(1, None)], values={"missing": missing})


def _run(rule: Rule, ctx: Context, settings: Settings) -> list[Finding]:
    """One rule's findings, regraded by the settings and titled (a rule that fails says so)."""
    try:
        produced = list(rule.fn(ctx))
    except Exception as exc:  # one broken rule must not hide the others' findings
        log.exception("rule %s failed", rule.id)
        produced = [Finding(rule.id, "manual", f"规则“{rule.title}”执行出错：{exc!r}，请人工核对。",
                            f"Rule '{rule.title_en}' failed: {exc!r}; check by hand.",
                            subject="rule-error", locations=[Location(1, None)])]
    out = []
    for f in produced:
        if f.severity == rule.severity:
            f.severity = settings.severity(rule.id, rule.severity)
        if f.severity == "info" and not settings.tol("report_rounding", True) \
                and f.values.get("rounding"):
            continue
        f.title = rule.title
        out.append(f)
    return out


def run_checks(report: "Report", settings: Settings | None = None) -> list[Finding]:
    settings = settings or load_settings()
    ctx = Context(report, settings)
    findings: list[Finding] = []
    later: list[Rule] = []
    for rule in catalogue():
        if not applicability(rule, ctx.doc, settings, ctx.kind).applies:
            continue  # listed with its reason by core.checks.applies, never silently
        if rule.after:
            later.append(rule)
            continue
        missing = [t for t in rule.needed(ctx.kind) if not ctx.usable(t)]
        if missing:
            findings.append(_cannot_run(rule, missing, ctx))
            continue
        findings.extend(_run(rule, ctx, settings))
    unique: dict[str, Finding] = {}
    for f in findings:
        unique.setdefault(f.fingerprint, f)
    findings = list(unique.values())
    for rule in later:  # one root cause, one finding: its consequences become its members
        ctx.findings = findings
        roots = _run(rule, ctx, settings)
        grouped = {id(m) for root in roots for m in root.members}
        findings = [f for f in findings if id(f) not in grouped] + roots
    return sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9),
                                           f.pages[:1] or [0], f.rule))

"""Which rules of the catalogue apply to a document, and why each of the others does not.

A rule runs on the document families it is written for (Rule.documents, or "documents" in
rules.json) and on the kinds (预算/决算) it names. The window and `check --json` list the rules
that did not apply with the reason, so a reviewer of a government report knows that no department
table was looked for, rather than wondering why nothing was found.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.checks.registry import Rule, catalogue
from core.checks.settings import Settings
from core.model import DISCLOSURE, GOV_REPORT, TEMPLATE, Document

WRITTEN_FOR = {  # what a rule's families say, for the reason a rule did not apply
    (DISCLOSURE,): ("部门/单位预算·决算公开文件", "department and unit disclosures"),
    (GOV_REPORT,): ("政府预算·决算报告", "government budget reports"),
    (TEMPLATE,): ("未填写的模板", "unfilled templates"),
}


@dataclass(frozen=True)
class Applicability:
    rule: Rule
    reason: str = ""  # empty when the rule runs on the document
    reason_en: str = ""

    @property
    def applies(self) -> bool:
        return not self.reason


def applicability(rule: Rule, doc: Document, settings: Settings, kind: str | None = None
                  ) -> Applicability:
    """Whether rule runs on doc (kind: the 预算/决算 the checks assume, doc.kind by default)."""
    if not settings.enabled(rule.id):
        return Applicability(rule, "已在规则设置中停用", "switched off in the rule settings")
    families = settings.documents(rule.id, rule.documents)
    if doc.family not in families:
        zh, en = WRITTEN_FOR.get(tuple(families), ("其他类型的文件", "other kinds of document"))
        return Applicability(rule, f"本规则用于{zh}，本文件是{doc.kind_label}",
                             f"written for {en}; this document is a {doc.family}")
    kind = kind or doc.kind or "预算"
    if kind not in rule.kinds:
        only = "、".join(rule.kinds)
        return Applicability(rule, f"本规则仅用于{only}，本文件是{kind}",
                             f"only for {only}; this document is a {kind}")
    return Applicability(rule)


def applicable_rules(doc: Document, settings: Settings, kind: str | None = None
                     ) -> list[Applicability]:
    """Every rule of the catalogue with whether it applies to doc, in catalogue order."""
    return [applicability(r, doc, settings, kind) for r in catalogue()]

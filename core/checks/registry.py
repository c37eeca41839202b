"""The rule catalogue: every check has an id, titles, a severity, a family and the tables it needs."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from core.checks.context import Context
    from core.checks.model import Finding

FAMILIES = {
    "STR": ("完整性", "Completeness"),
    "INT": ("表内勾稽", "Within tables"),
    "XT": ("表间勾稽", "Between tables"),
    "TXT": ("表文一致", "Narrative vs tables"),
    "NAR": ("说明复算", "Narrative recomputed"),
    "CON": ("一致性", "Consistency"),
    "CODE": ("科目编码", "Subject codes"),
    "FMT": ("文字表达", "Text"),
    "GOV": ("政府报告勾稽", "Government reports"),
    "DOC": ("文件类型", "Document kind"),
}
# the document families (core.model) a rule runs on unless declared otherwise: the department
# catalogue is for 部门/单位 disclosures; rules.json may widen or narrow it per rule ("documents")
DISCLOSURES_ONLY: tuple[str, ...] = ("disclosure",)


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    title_en: str
    severity: str
    family: str
    description: str
    fn: Callable[["Context"], Iterable["Finding"]]
    kinds: tuple[str, ...] = ("决算", "预算")
    needs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> table ids
    after: bool = False  # runs once the others are done, over their findings (ctx.findings)
    documents: tuple[str, ...] = DISCLOSURES_ONLY  # document families (core.model) it runs on

    def needed(self, kind: str) -> tuple[str, ...]:
        return self.needs.get(kind, self.needs.get("*", ()))


RULES: list[Rule] = []


def rule(id: str, title: str, title_en: str, severity: str, description: str,
         kinds: tuple[str, ...] = ("决算", "预算"),
         needs: dict[str, tuple[str, ...]] | tuple[str, ...] = (), after: bool = False,
         documents: tuple[str, ...] = DISCLOSURES_ONLY
         ) -> Callable[[Callable[["Context"], Iterable["Finding"]]],
                       Callable[["Context"], Iterable["Finding"]]]:
    """Register a check function under an id (see domain-rules.md for the ids). An `after` rule
    sees the other rules' findings (ctx.findings) and gathers those of one root cause: each root it
    yields carries them as members, and the runner takes them out of the list."""

    def register(fn: Callable[["Context"], Iterable["Finding"]]
                 ) -> Callable[["Context"], Iterable["Finding"]]:
        family = id.split("-")[0]
        table_needs = needs if isinstance(needs, dict) else {"*": tuple(needs)}
        RULES.append(Rule(id, title, title_en, severity, family if family in FAMILIES else "FMT",
                          description, fn, kinds, table_needs, after, documents))
        return fn

    return register


def catalogue() -> list[Rule]:
    """Every rule, in id order (loading the rule modules registers them)."""
    from core.checks import rules_all  # noqa: F401  (registers the rules)

    return sorted(RULES, key=lambda r: r.id)

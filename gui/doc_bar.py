"""The document bar: what the document is and what was found in it, at a glance."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from core.checks.applies import applicable_rules
from core.checks.settings import load_settings
from gui.lang import language


class DocumentBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(self.label.textFormat().RichText)
        self.warnings = QLabel(self)
        self.warnings.setStyleSheet("color: #b71c1c;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.warnings)
        self.clear()

    def clear(self) -> None:
        self.label.setText(self.tr("未打开文件：Ctrl+O 打开预决算公开 PDF，或把文件拖到窗口中"))
        self.warnings.clear()
        self.warnings.setToolTip("")

    def show_progress(self, name: str, text: str) -> None:
        self.label.setText(self.tr("<b>{0}</b> · 正在分析：{1}").format(name, text))

    def show_report(self, report: Any) -> None:
        doc = report.document
        units = sorted({t.unit for t in report.tables if t.unit})
        found = {t.id for t in report.tables if t.standard}
        missing = [f.subject.split(":", 1)[1] for f in report.findings
                   if f.rule == "STR-03" and f.subject.startswith("missing:")]
        entity = doc.entity or doc.government or self.tr("（未识别单位）")
        kind = doc.kind_label + (f"（{doc.level}）" if doc.level else "")
        parts = [
            f"<b>{entity}</b>",
            self.tr("{0}年 {1}").format(doc.year or "?", kind),
            self.tr("{0}页").format(len(doc.pages)),
            self.tr("表格 {0} 张").format(len(found)),
            self.tr("单位：{0}").format("、".join(units) or self.tr("未标明")),
        ]
        if missing:
            missing_text = self.tr("缺表：{0}").format("、".join(missing))
            parts.append(f"<span style='color:#b71c1c'>{missing_text}</span>")
        rules = applicable_rules(doc, load_settings())
        skipped = [a for a in rules if not a.applies]
        ran = len(rules) - len(skipped)
        parts.append(self.tr("检查 {0} 条 · 不适用 {1} 条").format(ran, len(skipped)))
        self.label.setText(" · ".join(parts))
        en = language() == "en"
        tip = [doc.path] + ([doc.kind_reason] if doc.kind_reason and not en else [])
        if skipped:
            tip.append(self.tr("不适用的检查："))
            tip += [f"{a.rule.id} {a.rule.title_en}: {a.reason_en}" if en else
                    f"{a.rule.id} {a.rule.title}：{a.reason}" for a in skipped]
        self.label.setToolTip("\n".join(tip))
        if doc.warnings:
            self.warnings.setText(self.tr("⚠ {0} 条文档提示").format(len(doc.warnings)))
            self.warnings.setToolTip("\n".join(doc.warnings))
        else:
            self.warnings.clear()

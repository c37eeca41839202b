"""The Jiangsu 收支预算总表 reference totals of SOURCES.md come out of the PDFs exactly."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.conftest import CORPUS, needs_corpus

# file, 收入合计, 财政拨款, 基本支出, 项目支出, 单位预留机动经费 (万元), transcribed from SOURCES.md
REFERENCE = [
    ("ob__江苏省人大办公厅__江苏省人大办公厅2017年度预算公开.pdf",
     "13649.07", "13649.07", "7666.68", "5853.96", "128.43"),
    ("ob__江苏省人大办公厅__省人大办公厅2018预算公开.pdf",
     "15897.44", "15897.44", "7877.76", "6333.96", "1685.72"),
    ("ob__江苏省人大办公厅__江苏省人大常委会办公厅2019年部门预算公开表.pdf",
     "18330.37", "18330.37", "9312.9", "6459.58", "2557.89"),
    ("ob__江苏省人民检察院__2017年省检察院部门预算.pdf",
     "17996.68", "17981.68", "12323.48", "5533.0", "140.2"),
    ("ob__江苏省人民检察院__2018年省检察院部门预算公开.pdf",
     "21955.35", "21940.96", "13994.31", "5573.0", "2388.04"),
    ("ob__江苏省人民检察院__2019年度部门预算公开.pdf",
     "24169.74", "24169.74", "15844.04", "4335.3", "3990.4"),
    ("ob__江苏省委办公厅__江苏省委办公厅2017年预算公开表格.pdf",
     "20849.45", "20702.25", "9964.07", "10688.66", "196.72"),
    ("ob__江苏省委办公厅__江苏省委办公厅2018年度部门预算公开表.pdf",
     "24458.43", "24458.43", "10403.11", "12081.46", "1973.86"),
    ("ob__江苏省委办公厅__江苏省委办公厅2019年度部门预算公开表格.pdf",
     "27664.22", "27664.22", "11700.63", "13025.38", "2938.21"),
]
ORDINAL = re.compile(r"^[一二三四五六七八九十]+、|^\d+[.．、]")


def _lookup(table, side_prefix: str, label: str) -> Decimal | None:
    for _, row in table.rows():
        if row["side"].startswith(side_prefix) and ORDINAL.sub("", row["name"]) == label:
            values = [v for k, v in row.items() if k not in ("side", "code", "name", "level")
                      and isinstance(v, Decimal)]
            return values[0] if values else None
    return None


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("case", REFERENCE, ids=[c[0][4:30] for c in REFERENCE])
def test_reference_totals(case: tuple[str, ...]) -> None:
    from core.analysis import analyse

    name, total, grant, basic, project, reserve = case
    table = analyse(CORPUS / name).table("BUD-T1")
    assert table is not None and table.unit == "万元"
    got = (_lookup(table, "收入", "收入合计") or _lookup(table, "收入", "收入总计"),
           _lookup(table, "收入", "财政拨款"), _lookup(table, "支出", "基本支出"),
           _lookup(table, "支出", "项目支出"), _lookup(table, "支出", "单位预留机动经费"))
    assert got == tuple(Decimal(v) for v in (total, grant, basic, project, reserve))

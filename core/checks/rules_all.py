"""Importing this module registers every rule of the catalogue."""
from core.checks import (rules_codes, rules_consistency, rules_cross, rules_intra,  # noqa: F401
                         rules_names, rules_narrative, rules_recompute, rules_shares,
                         rules_statements, rules_structure, rules_text)
from core.checks import rules_compare, rules_unfinished  # noqa: F401
from core.checks import groups  # noqa: F401  (its rules run after the others, over their findings)
from core.checks import rules_doc, rules_gov, rules_gov_debt, rules_gov_text  # noqa: F401

from core.checks import (rules_basic, rules_captions, rules_coverage,  # noqa: F401,E402
                         rules_performance, rules_procurement)  # issue 14, families 4-7

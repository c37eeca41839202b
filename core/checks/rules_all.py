"""Importing this module registers every rule of the catalogue."""
from core.checks import (rules_codes, rules_cross, rules_intra, rules_narrative,  # noqa: F401
                         rules_recompute, rules_statements, rules_structure)

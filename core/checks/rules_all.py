"""Importing this module registers every rule of the catalogue."""
from core.checks import rules_cross, rules_intra  # noqa: F401

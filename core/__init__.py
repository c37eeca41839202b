"""Everything that is not Qt: reading, parsing, checking, reviewing and exporting disclosures.

core never imports PySide6 (tests/test_layers.py proves it), so the command line and the tests
run it without a display.
"""

APP_NAME = "预决算公开审核台"
APP_VERSION = "0.1.0"

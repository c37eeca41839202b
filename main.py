"""预决算公开审核台 (Disclosure Review Desk).

`python main.py` opens the review window (with the bundled sample when no file is given);
`python main.py check FILE...` is the command line.
"""
from __future__ import annotations

import multiprocessing
import sys

CLI_COMMANDS = {"check", "verify-review", "-h", "--help", "--version"}


def main(argv: list[str]) -> int:
    # a frozen build's worker processes (batch, the window's analysis) start as this executable;
    # this runs them and exits before the command line or Qt is loaded
    multiprocessing.freeze_support()
    if argv and argv[0] in CLI_COMMANDS:
        from core.cli import main as cli_main

        return cli_main(argv)
    from gui.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

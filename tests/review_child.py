"""Child process of the crash test: records review actions in a loop until it is killed.

`python -m tests.review_child DATA_DIR SHA256 RUN` prints "ready" once the review is open, then
"saved N ACTION KEY" after each call has returned, KEY being a string the action's event holds.
The parent kills it with SIGKILL at a random moment and checks that every reported action is there.
"""
from __future__ import annotations

import sys
from pathlib import Path

from core.review.model import NOTE_KINDS, STATUSES
from core.review.store import ReviewStore

ANCHORS = {"finding": {"fingerprint": "fp-3"}, "region": {"page": 2, "bbox": (10, 20, 30, 40)},
           "cell": {"table": "FIN-01", "row": 5, "column": "合计", "quote": "1.00"},
           "text": {"start": 10, "end": 14, "quote": "比上年增长"}}


def main(argv: list[str]) -> int:
    data_dir, sha256, run = Path(argv[0]), argv[1], int(argv[2])
    review = ReviewStore(data_dir).open(sha256)
    live = [n.id for n in review.notes()]
    reviewer = f"审核员{run % 3}"
    print("ready", flush=True)
    i = 0
    while True:
        mark = f"<r{run}n{i}>"  # delimited: r1n1 must not match r1n10
        step, turn = i % 6, i // 6
        if step in (0, 3):
            status = STATUSES[(turn + step) % len(STATUSES)]
            review.decide(f"fp-{(run * 7 + i) % 23}", status, reviewer, f"理由 {mark}")
            action, key = "decide", mark
        elif step in (1, 4):
            kind = NOTE_KINDS[(turn + step) % len(NOTE_KINDS)]
            live.append(review.add_note(kind, f"批注 {mark}", reviewer, **ANCHORS[kind]).id)
            action, key = "note_add", mark
        elif step == 2 and live:
            review.edit_note(live[-1], f"修改 {mark}", reviewer)
            action, key = "note_edit", mark
        elif len(live) > 3:
            key = live.pop(0)
            review.delete_note(key, reviewer)
            action = "note_delete"
        else:
            i += 1
            continue
        print(f"saved {i} {action} {key}", flush=True)
        i += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

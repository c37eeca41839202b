#!/usr/bin/env bash
# Build the app with build.spec and check that the frozen build works as the source does:
#   scripts/smoke_frozen.sh [OUT_DIR]          (default: a temporary folder, removed at the end)
# It runs the built executable's `check --json` on the bundled sample and compares the findings
# with `python main.py check` on the same file; runs a 2-worker batch over the sample and a
# corrupt file (worker processes start as the frozen executable); takes a `gui --screenshot`
# offscreen and checks the picture; prints the folder size and the cold-start time of
# `check --help`, failing when they miss the targets (folder under 250 MB, start under 3 s).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${1:-}
if [ -z "$OUT" ]; then
  OUT=$(mktemp -d)
  trap 'rm -rf "$OUT"' EXIT
fi
mkdir -p "$OUT"
SAMPLE=$ROOT/resources/sample/sample-disclosure.pdf
MAX_MB=250
MAX_START_S=3

echo "== building (pyinstaller build.spec) into $OUT"
python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/build" build.spec
APP="$OUT/dist/DisclosureReviewDesk"
EXE="$APP/DisclosureReviewDesk"
[ -x "$EXE" ] || EXE="$APP/drd.exe"  # Windows (Git Bash): the console executable
# the frozen app keeps its cache, reviews and settings here, not in the user's folders
export DRD_DATA_DIR="$OUT/data" DRD_CACHE_DIR="$OUT/cache" XDG_CONFIG_HOME="$OUT/config"

echo "== cold start: check --help"
sync
echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || echo "(page cache not dropped: not root)"
TIMEFORMAT=%2R  # bash's `time`: elapsed seconds
COLD=$( { time "$EXE" check --help > /dev/null; } 2>&1 )
WARM=$( { time "$EXE" check --help > /dev/null; } 2>&1 )

echo "== check --json: frozen against source"
"$EXE" check "$SAMPLE" --json "$OUT/frozen.json" > /dev/null
python main.py check "$SAMPLE" --json "$OUT/source.json" > /dev/null
python - "$OUT/frozen.json" "$OUT/source.json" <<'EOF'
import json, sys
frozen, source = (json.load(open(p, encoding="utf-8"))["documents"][0] for p in sys.argv[1:])
key = lambda doc: sorted((f["rule"], f["fingerprint"], f["message"]) for f in doc["findings"])
assert frozen["findings"], "the frozen build found nothing in the sample"
assert key(frozen) == key(source), "the frozen build's findings differ from the source's"
assert [t["title"] for t in frozen["tables"]] == [t["title"] for t in source["tables"]]
print(f"same {len(frozen['findings'])} findings and {len(frozen['tables'])} tables as the source")
EOF

echo "== batch: 2 worker processes, one corrupt file"
mkdir -p "$OUT/batch"
cp "$SAMPLE" "$OUT/batch/sample.pdf"
head -c 3000 "$SAMPLE" > "$OUT/batch/broken.pdf"
set +e
"$EXE" check "$OUT/batch" --jobs 2 --summary "$OUT/summary.xlsx" > "$OUT/batch.txt" 2> "$OUT/batch.err"
RC=$?
set -e
[ "$RC" = 2 ] || { cat "$OUT/batch.err"; echo "batch exit $RC, expected 2 (one file failed)"; exit 1; }
python - "$OUT/summary.xlsx" <<'EOF'
import sys
from openpyxl import load_workbook
rows = list(load_workbook(sys.argv[1])["汇总"].iter_rows(values_only=True))
text = [" ".join(str(v) for v in row if v is not None) for row in rows[1:]]
assert len(text) == 2, text
assert any("broken.pdf" in t for t in text) and any("sample.pdf" in t for t in text), text
print("summary rows:", *text, sep="\n  ")
EOF

echo "== gui --screenshot (offscreen)"
QT_QPA_PLATFORM=offscreen "$EXE" gui "$SAMPLE" --screenshot "$OUT/window.png" --no-error-dialogs
python - "$OUT/window.png" <<'EOF'
import sys
from PIL import Image
img = Image.open(sys.argv[1]).convert("RGB")
colours = len(img.resize((200, 150)).getcolors(maxcolors=30000) or ())
assert img.width >= 800 and img.height >= 500, img.size
assert colours > 50, f"the window looks blank ({colours} colours)"
print(f"window {img.width}x{img.height}, {colours} colours in a thumbnail")
EOF

SIZE_MB=$(du -sm "$APP" | cut -f1)
echo "== folder $APP: ${SIZE_MB} MB (target < ${MAX_MB} MB)"
echo "== check --help: cold ${COLD} s, warm ${WARM} s (target < ${MAX_START_S} s)"
python - "$SIZE_MB" "$COLD" <<EOF
import sys
size, cold = int(sys.argv[1]), float(sys.argv[2])
problems = [f"folder {size} MB >= $MAX_MB MB"] if size >= $MAX_MB else []
problems += [f"cold start {cold} s >= $MAX_START_S s"] if cold >= $MAX_START_S else []
if problems:
    sys.exit("smoke test FAILED: " + "; ".join(problems))
print("smoke test passed")
EOF

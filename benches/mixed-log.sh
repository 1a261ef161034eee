#!/usr/bin/env bash
# Writes a log of mixed real shapes, the input of benches/cli.sh and benches/cli-instructions.sh:
# every payload of the development sets (../shared/reference/real-world/*.jsonl), as the JSON
# payload and, where the source showed it otherwise, as its raw text (SDK renderings, Cloud
# texts, console dumps), repeated with log-line noise: every other line carries a timestamp and
# a level before the payload, and one line in eight is an INFO line with no payload.
#
#   bash benches/mixed-log.sh lines 20000 out.log    # exactly 20,000 lines
#   bash benches/mixed-log.sh mib 100 out.log        # about 100 MiB
#
# Without ../shared, the shapes come from examples/data/payloads.jsonl, and the script says so
# on standard error. Needs jq.
set -euo pipefail
cd "$(dirname "$0")/.."
unit=$1 amount=$2 out=$3
shapes=$(mktemp)
trap 'rm -f "$shapes"' EXIT
dev=../shared/reference/real-world
if [ -f "$dev/dev-payloads.jsonl" ]; then
  jq -r '(if (.raw | type) == "string" and (.raw | contains("\n") | not) then .raw else empty end),
         (.payload | tojson)' \
    "$dev/dev-payloads.jsonl" "$dev/wechat-pay-dev.jsonl" > "$shapes"
  echo "mixed log: shapes of $dev ($(wc -l < "$shapes") lines)" >&2
else
  sed 's/^\xef\xbb\xbf//' examples/data/payloads.jsonl > "$shapes"
  echo "mixed log: $dev is missing; shapes of examples/data/payloads.jsonl" >&2
fi
# One pass makes a chunk: `lines` asks for exactly that many lines; `mib` for a 1 MiB chunk,
# repeated.
case $unit in
  lines) limit=$amount; bytes_limit=0 ;;
  mib) limit=0; bytes_limit=1048576 ;;
  *) echo "unit must be lines or mib" >&2; exit 2 ;;
esac
awk -v limit="$limit" -v bytes_limit="$bytes_limit" '
  NF == 0 { next }
  { line[n++] = $0 }
  END {
    bytes = 0; i = 0
    while ((limit > 0 && i < limit) || (bytes_limit > 0 && bytes < bytes_limit)) {
      l = line[i++ % n]
      if (i % 8 == 0) out = "2026-11-30 10:02:" sprintf("%02d", i % 60) " INFO request served in " (i % 97) " ms"
      else if (i % 2 == 0) out = "2026-11-30 10:02:" sprintf("%02d", i % 60) " ERROR call failed " l
      else out = l
      print out; bytes += length(out) + 1
    }
  }' "$shapes" > "$out.chunk"
if [ "$unit" = mib ]; then
  : > "$out"
  for _ in $(seq "$amount"); do cat "$out.chunk" >> "$out"; done
  rm -f "$out.chunk"
else
  mv "$out.chunk" "$out"
fi

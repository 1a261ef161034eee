#!/usr/bin/env bash
# Lines built to be slow: one mark repeated across a line (`[`, `my.`, `_`, an unclosed quote,
# a code before a comma, …), each a shape that once made a text form search the rest of the line
# from every copy of its mark. For each shape the script times `minierr decode --jobs 1` on two
# 6 MB logs, one run each: 1,000 lines of 6 KB and 100 lines of 60 KB (inside the MiB of a line
# the text forms read). The ratio of the two times is about 1 when a line's cost grows with its
# length, about 10 when it grows with its square.
#
#   bash benches/pathological.sh
#
# Needs python3 and GNU time. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release --features cli --bin minierr
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
shapes=(
  "[|"  " [|"  ": [|"  "hint: [|"  "my.|"  "code:“ |"  "code: string(|"
  " x] =>|[errcode] =>"  'a\"|x "'  "_|"  "SYSTEM_ERROR |"  "40001 ,|"
  "s:fail -1 |errCode: -501000 | errMsg: "  'a, |{"errcode":40001,"errmsg":"'
  "(|错 ACQ."  "ORDERPAID a |错 "  "errno:112 |"
)
# What ends a shape's line, where it is not the mark itself: one closing mark far from every
# opening one.
declare -A after=(["(|错 ACQ."]=")")
seconds() { # file
  /usr/bin/time -f "%e" target/release/minierr decode --jobs 1 --max-line-bytes 100000000 "$1" \
    2>&1 >/dev/null | tail -n 1
}
echo "| line | 1,000 × 6 KB (s) | 100 × 60 KB (s) | ratio |"
echo "|---|---|---|---|"
for shape in "${shapes[@]}"; do
  unit=${shape%%|*} before=${shape#*|}
  for size in 6000 60000; do
    python3 - "$unit" "$before" "$size" "${after[$shape]:-}" > "$dir/$size.log" <<'PY'
import sys
unit, before, size, end = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
line = before + unit * (size // len(unit.encode())) + end
sys.stdout.write((line + "\n") * (6_000_000 // size))
PY
  done
  short=$(seconds "$dir/6000.log") long=$(seconds "$dir/60000.log")
  printf '| `%s…` | %s | %s | %s |\n' "${before}${unit}" "$short" "$long" \
    "$(awk -v s="$short" -v l="$long" 'BEGIN { print (s > 0) ? sprintf("%.1f", l / s) : "-" }')"
done

#!/usr/bin/env bash
# Instructions per line of `minierr decode` under callgrind, against the floor: reading the same
# log line by line and checking each line is JSON (examples/read_floor.rs). One build, one run.
# Each command runs on the first N lines of the mixed log (benches/mixed-log.sh) and on the
# first 2N; the difference over N is the cost of a line, without start-up and one-time work
# (building the transport automaton, the progress bar, the summary).
#
#   bash benches/cli-instructions.sh          # N = 20,000
#   bash benches/cli-instructions.sh 2000     # a smaller N (what CI runs)
#
# Needs valgrind and jq. Prints a Markdown table.
set -euo pipefail
shopt -s inherit_errexit # a failure inside $(…) stops the script too
cd "$(dirname "$0")/.."
n=${1:-20000}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
cargo build -q --release --features cli --bin minierr --example decode_loop --example read_floor
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bash benches/mixed-log.sh lines "$n" "$dir/one.log"
bash benches/mixed-log.sh lines $((2 * n)) "$dir/two.log"

total() { # log command...
  local log=$1; shift
  # `minierr decode` exits 1 when some line held no payload it could decode (a real log has
  # such lines); any other failure must stop the script rather than be counted.
  local status=0
  valgrind --tool=callgrind --callgrind-out-file="$dir/cg" "${@/LOG/$log}" > /dev/null 2> "$dir/stderr" || status=$?
  if [ "$status" -gt 1 ] || { [ "$status" -eq 1 ] && [ "$(basename "$1")" != minierr ]; }; then
    echo "$* failed with exit status $status:" >&2; tail -n 20 "$dir/stderr" >&2; exit 1
  fi
  callgrind_annotate "$dir/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
}
per_line() { # command... (LOG stands for the log)
  local one two
  one=$(total "$dir/one.log" "$@")
  two=$(total "$dir/two.log" "$@")
  awk -v a="$one" -v b="$two" -v n="$n" 'BEGIN { printf "%.0f", (b - a) / n }'
}

bin=target/release/minierr
floor=$(per_line target/release/examples/read_floor LOG)
echo "| run | instructions per line | × the floor |"
echo "|---|---|---|"
row() { # label command...
  local label=$1; shift
  local cost; cost=${COST:-$(per_line "$@")}
  awk -v l="$label" -v c="$cost" -v f="$floor" 'BEGIN { printf "| %s | %d | %.2f× |\n", l, c, c / f }'
}
COST=$floor row "floor: read + validate as JSON" target/release/examples/read_floor LOG
row "library loop (decode_line + action)" target/release/examples/decode_loop LOG
row "minierr decode --jobs 1" "$bin" decode LOG --jobs 1
row "minierr decode --json --jobs 1" "$bin" decode LOG --json --jobs 1

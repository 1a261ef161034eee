#!/usr/bin/env bash
# The `minierr decode` command on a generated log, against `jq` reading the same file and
# against the library's own decode loop, with peak memory; one run, one machine. `text` and
# `json` run at the default `--jobs` (one thread per core); the `-jobs-1` rows on one thread.
#
#   bash benches/cli.sh             # a 1 GiB log (and a 100 MiB one for memory)
#   bash benches/cli.sh 10          # a 10 MiB log only (what CI runs, to keep the script working)
#
# The log repeats examples/data/payloads.jsonl with log-line noise: half its lines carry a
# timestamp and a level before the payload, and one line in eight is an INFO line with no
# payload. Needs jq (apt-get install jq) and GNU time (/usr/bin/time). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
command -v jq >/dev/null || { echo "jq is not installed (apt-get install jq)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed (apt-get install time)" >&2; exit 2; }

cargo build -q --release --features cli --bin minierr --example decode_loop
bin=target/release/minierr
loop=target/release/examples/decode_loop
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# One chunk of about 1 MiB, then the chunk repeated to the size asked for.
make_log() { # MiB path
  awk 'BEGIN { srand(7) }
       { sub(/^\xef\xbb\xbf/, "") }
       NF == 0 { next }
       { line[n++] = $0 }
       END {
         bytes = 0; i = 0
         while (bytes < 1048576) {
           l = line[i++ % n]
           if (i % 8 == 0) out = "2026-11-30 10:02:" sprintf("%02d", i % 60) " INFO request served in " (i % 97) " ms"
           else if (i % 2 == 0) out = "2026-11-30 10:02:" sprintf("%02d", i % 60) " ERROR call failed " l
           else out = l
           print out; bytes += length(out) + 1
         }
       }' examples/data/payloads.jsonl > "$dir/chunk"
  : > "$2"
  for _ in $(seq "$1"); do cat "$dir/chunk" >> "$2"; done
}

# Wall seconds and peak RSS (KiB) of a command whose output goes to /dev/null.
measure() { # label command...
  local label=$1; shift
  # A run that fails must fail the script, not be timed as if it had worked.
  if ! /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > /dev/null 2> "$dir/stderr"; then
    echo "$label failed:" >&2; cat "$dir/stderr" >&2; exit 1
  fi
  read -r secs rss < <(tail -n 1 "$dir/time")
  echo "$label $secs $rss"
}

report() { # MiB
  local log="$dir/log-$1"
  make_log "$1" "$log"
  local lines; lines=$(wc -l < "$log")
  local bytes; bytes=$(stat -c %s "$log")
  local results=()
  results+=("$(measure jq jq -cR 'try fromjson catch .' "$log")")
  results+=("$(measure library "$loop" "$log")")
  results+=("$(measure text-jobs-1 "$bin" decode "$log" --jobs 1)")
  results+=("$(measure json-jobs-1 "$bin" decode "$log" --json --jobs 1)")
  results+=("$(measure text "$bin" decode "$log")")
  results+=("$(measure json "$bin" decode "$log" --json)")
  echo
  echo "log: $1 MiB, $bytes bytes, $lines lines"
  echo
  echo "| run | seconds | lines per second | peak RSS | vs jq | vs the library loop |"
  echo "|---|---|---|---|---|---|"
  local jq_secs lib_secs
  jq_secs=$(echo "${results[0]}" | awk '{ print $2 }')
  lib_secs=$(echo "${results[1]}" | awk '{ print $2 }')
  for r in "${results[@]}"; do
    echo "$r" | awk -v lines="$lines" -v jq="$jq_secs" -v lib="$lib_secs" '{
      secs = ($2 > 0 ? $2 : 0.01)
      printf "| %s | %.2f | %.0f | %.1f MiB | %.2f× | %.2f× |\n", $1, $2, lines / secs, $3 / 1024, jq / secs, lib / secs
    }'
  done
}

echo "| machine | $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo) |"
echo "|---|---|"
echo "| commit | $(git rev-parse --short HEAD) |"
if [ "$size_mib" -ge 1024 ]; then
  report 100
fi
report "$size_mib"

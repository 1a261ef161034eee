#!/usr/bin/env bash
# The `minierr decode` command on a log of mixed real shapes, against `jq` reading the same file,
# against the library's own decode loop, with peak memory; one run, one machine. `text` and
# `json` run at the default `--jobs` (one thread per core); the `-jobs-1` rows on one thread.
#
#   bash benches/cli.sh             # a 1 GiB log (and a 100 MiB one for memory)
#   bash benches/cli.sh 10          # a 10 MiB log only (what CI runs, to keep the script working)
#
# The log is benches/mixed-log.sh's: the development payloads' shapes with log-line noise. The
# `floor` row reads it line by line and checks each line is JSON (examples/read_floor.rs), the
# least any tool that looks at every line does. Needs jq (apt-get install jq) and GNU time
# (/usr/bin/time). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
command -v jq >/dev/null || { echo "jq is not installed (apt-get install jq)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed (apt-get install time)" >&2; exit 2; }

cargo build -q --release --features cli --bin minierr --example decode_loop --example read_floor
bin=target/release/minierr
loop=target/release/examples/decode_loop
floor=target/release/examples/read_floor
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Wall seconds and peak RSS (KiB) of a command whose output goes to /dev/null.
measure() { # label command...
  local label=$1; shift
  # A run that fails must fail the script, not be timed as if it had worked. `minierr decode`
  # exits 1 when some line held no payload it could decode, which a log of real shapes has;
  # 2 and above are errors.
  local status=0
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > /dev/null 2> "$dir/stderr" || status=$?
  if [ "$status" -gt 1 ] || { [ "$status" -eq 1 ] && [ "$(basename "$1")" != minierr ]; }; then
    echo "$label failed with exit status $status:" >&2; cat "$dir/stderr" "$dir/time" >&2; exit 1
  fi
  read -r secs rss < <(tail -n 1 "$dir/time")
  echo "$label $secs $rss"
}

report() { # MiB
  local log="$dir/log-$1"
  bash benches/mixed-log.sh mib "$1" "$log"
  local lines; lines=$(wc -l < "$log")
  local bytes; bytes=$(stat -c %s "$log")
  local results=()
  results+=("$(measure jq jq -cR 'try fromjson catch .' "$log")")
  results+=("$(measure floor "$floor" "$log")")
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
  lib_secs=$(echo "${results[2]}" | awk '{ print $2 }')
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

#!/usr/bin/env bash
# Instruction counts under callgrind for minierr's lookups and decoders and for what a user
# would write instead, all from one build in one run, with the ratios. Load cannot move them.
#
#   bash benches/instructions.sh            # every mode
#   bash benches/instructions.sh errno      # only the modes whose name contains "errno"
#
# Needs valgrind (apt-get install valgrind). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
filter=${1:-}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
cargo build -q --release --example instructions
bin=target/release/examples/instructions
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Total instructions of one mode, and how many operations it did.
run() {
  valgrind --tool=callgrind --callgrind-out-file="$out/$1" "$bin" "$1" > "$out/$1.stdout" 2>/dev/null
  total=$(callgrind_annotate "$out/$1" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  ops=$(awk '{ print $3 }' "$out/$1.stdout")
  echo "$total $ops"
}

declare -A per
measure() { # mode base
  read -r total ops < <(run "$1")
  read -r base _ < <(run "$2")
  per[$1]=$(awk -v t="$total" -v b="$base" -v n="$ops" 'BEGIN { printf "%.1f", (t - b) / n }')
}
ratio() { awk -v a="${per[$1]}" -v b="${per[$2]}" 'BEGIN { printf "%.2f", b / a }'; }
row() { # what minierr baseline
  [[ -z "$filter" || "$2 $3" == *"$filter"* ]] || return 0
  measure "$2" "$4"; measure "$3" "$4"
  printf '| %s | %s | %s (`%s`) | %s× |\n' "$1" "${per[$2]}" "${per[$3]}" "$3" "$(ratio "$2" "$3")"
}

echo "| operation | minierr, instructions | baseline, instructions | baseline ÷ minierr |"
echo "|---|---|---|---|"
row "WeChat errno → Errno, hit" errno-hit errno-hashmap-hit base
row "WeChat errno → Errno, hit, vs binary search" errno-hit errno-bsearch-hit base
row "WeChat errno → Errno, miss" errno-miss errno-hashmap-miss base
row "WeChat errMsg → codes (phf), hit" errmsg-hit errmsg-hashmap-hit base
row "WeChat errMsg → codes (phf), miss (templates tried too)" errmsg-miss errmsg-hashmap-miss base
row "wx::Fail::action, a runtime errMsg recovered, vs errno sent" recover-errmsg recover-errno recover-base
row "wx::Fail::action, legacy errCode in its family, vs errno sent" recover-errcode recover-errno recover-base
row "wx::cloud::Fail::action on an Error text, vs wx errno sent" recover-cloud recover-errno recover-base
for kind in wechat_fail alipayplus_result alipay_fail open_platform_response wechat_server_response alipay_gateway_response wechat_pay_response wechat_pay_other_message; do
  row "decode $kind + action, vs a derived struct" "decode-$kind" "derive-$kind" "base-$kind"
  row "decode $kind + action, vs Value" "decode-$kind" "value-$kind" "base-$kind"
  row "minierr::decode $kind, vs a derived struct" "decode-any-$kind" "derive-$kind" "base-$kind"
done

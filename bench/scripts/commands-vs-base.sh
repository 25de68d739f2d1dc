#!/usr/bin/env bash
# Wall-clock time of whole commands from two jars, alternating in one session so that both see
# the same machine load; prints each run and the median ratio new/base per command.
# Usage: bench/scripts/commands-vs-base.sh BASE_JAR NEW_JAR [RUNS]   (from the repository root)
set -euo pipefail
base="$1"; new="$2"; runs="${3:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
commands=(
  "power scenarios/duek-2021.yaml --n-per-arm 10:100:5 --replicates 1000 --quiet"
  "power scenarios/duek-2021.yaml --replicates 1000 --quiet"
  "generate scenarios/duek-2021.yaml --n-per-arm 500 --quiet"
)
for c in "${commands[@]}"; do
  b=(); n=()
  for r in $(seq 1 "$runs"); do
    for which in base new; do
      jar="$base"; [ "$which" = new ] && jar="$new"
      start=$(date +%s.%N)
      # shellcheck disable=SC2086
      java -jar "$jar" $c --out "$out/$which-$r-$RANDOM" > /dev/null
      t=$(echo "$(date +%s.%N) - $start" | bc)
      if [ "$which" = base ]; then b+=("$t"); else n+=("$t"); fi
    done
  done
  mb=$(printf '%s\n' "${b[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p")
  mn=$(printf '%s\n' "${n[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%s\n  base %s\n  new  %s\n  median base %.2f s, new %.2f s, new/base %.2f\n' "$c" "${b[*]}" "${n[*]}" "$mb" "$mn" \
    "$(echo "$mn / $mb" | bc -l)"
done

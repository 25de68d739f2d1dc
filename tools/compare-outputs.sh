#!/usr/bin/env bash
# Regenerates the default outputs with two builds of reconsim and compares them byte for byte:
# a refactoring must change no result. Usage:
#   tools/compare-outputs.sh [BASE_COMMIT] [JAR]
# BASE_COMMIT (default e839419, the last commit before the architecture issue) is built in a
# temporary git worktree; JAR (default: this tree's cli/target/reconsim.jar, built when missing)
# is the candidate. Exit 0 when every compared file is identical, 1 otherwise (the differing
# files are listed). Files that hold the wall-clock time or the output path (manifest.json) are
# not compared; everything a user reads as a result is. The scenario's sha256 in report.html is
# masked: it changes, as it must, when a refactoring adds scenario parameters (their defaults
# reproduce the old behaviour, so every number stays the same).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${1:-e839419}"
cand="${2:-}"
work="$(mktemp -d)"
trap 'git -C "$here" worktree remove --force "$work/base-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

jar_of() { # commit -> built jar path (cached under target/compare-cache by commit id)
  local id cache
  id="$(git -C "$here" rev-parse --short=12 "$1")"
  cache="$here/target/compare-cache/$id.jar"
  if [ ! -f "$cache" ]; then
    git -C "$here" worktree add --detach "$work/base-src" "$1" >/dev/null 2>&1
    (cd "$work/base-src" && mvn -B -q -o -DskipTests -pl cli -am package >"$work/base-build.log" 2>&1) \
      || (cd "$work/base-src" && mvn -B -q -DskipTests -pl cli -am package >"$work/base-build.log" 2>&1) \
      || { cat "$work/base-build.log" >&2; exit 1; }
    mkdir -p "$(dirname "$cache")"
    cp "$work/base-src/cli/target/reconsim.jar" "$cache"
  fi
  echo "$cache"
}

base_jar="$(jar_of "$base")"
if [ -z "$cand" ]; then
  (cd "$here" && mvn -B -q -o -DskipTests -pl cli -am package >"$work/cand-build.log" 2>&1) \
    || { cat "$work/cand-build.log" >&2; exit 1; }
  cand="$here/cli/target/reconsim.jar"
fi

# the scenario with every analysis method, written once for both sides
all_methods="$work/duek-all-methods.yaml"
sed 's/^  alpha: 0.05$/  alpha: 0.05\n  methods: [ancova, lmm, welch, bayes]/' "$here/scenarios/duek-2021.yaml" >"$all_methods"
grep -q 'methods: \[ancova, lmm, welch, bayes\]' "$all_methods"

run_all() { # jar outdir
  local j="$1" o="$2" s="$here/scenarios/duek-2021.yaml"
  mkdir -p "$o"
  (cd "$here" &&
    java -jar "$j" power "$s" --replicates 300 --out "$o/power" --quiet >"$o/power.stdout" &&
    java -jar "$j" power "$s" --replicates 100 --n-per-arm 8,12 \
      --sweep 'mechanisms.restabilization_blockade.k_block=0,0.5,1' --out "$o/sweep" --quiet >"$o/sweep.stdout" &&
    java -jar "$j" power "$s" --replicates 200 \
      --assurance 'mechanisms.restabilization_blockade.k_block=uniform(0,1)' --out "$o/assurance" --quiet >"$o/assurance.stdout" &&
    java -jar "$j" power "$all_methods" --replicates 100 --out "$o/methods" --quiet >"$o/methods.stdout" &&
    java -jar "$j" phenomena --out "$o/phenomena" --quiet >"$o/phenomena.stdout" &&
    java -jar "$j" generate "$s" --format csv --out "$o/csv" --quiet >"$o/csv.stdout" &&
    java -jar "$j" generate "$s" --format bids --timeseries --physio --n-per-arm 3 --out "$o/bids" --quiet >"$o/bids.stdout" &&
    java -jar "$j" pk "$s" --out "$o/pk" --quiet >"$o/pk.stdout")
}

echo "compare-outputs: base $base ($base_jar), candidate $cand" >&2
run_all "$base_jar" "$work/base"
run_all "$cand" "$work/cand"

# Intended differences, each masked on both sides so everything else is still compared:
# - the scenario sha256 in report.html (new scenario parameters whose defaults keep the numbers);
# - BIDS sidecars cited documents no clone had: ground_truth.json now cites docs/MODEL.md, the
#   events sidecar the paper itself (Duek et al. 2023) instead of "TRIALS.md B".
intended() {
  sed -E -e 's/scenario sha256 [0-9a-f]{64}/scenario sha256 (masked)/' \
         -e 's#\((science/MODEL\.md|docs/MODEL\.md of reconsim)\)#(model document)#' \
         -e 's#\((TRIALS\.md B|Duek et al\. 2023): trauma#(trial source): trauma#' "$1"
}

status=0
n=0
while IFS= read -r f; do
  rel="${f#"$work/base/"}"
  case "$rel" in
    */manifest.json|*/run.lock) continue ;;
  esac
  n=$((n + 1))
  if [ ! -f "$work/cand/$rel" ]; then
    echo "missing in candidate: $rel"; status=1
  elif [ "${rel##*/}" = report.html ] || [ "${rel##*/}" = ground_truth.json ] || [ "${rel##*/}" = task-memory_events.json ]; then
    if ! cmp -s <(intended "$f") <(intended "$work/cand/$rel"); then
      echo "differs: $rel"; status=1
    fi
  elif ! cmp -s "$f" "$work/cand/$rel"; then
    echo "differs: $rel"; status=1
  fi
done < <(find "$work/base" -type f | sort)
extra="$(cd "$work/cand" && find . -type f | sed 's|^\./||' | sort | while read -r r; do [ -e "$work/base/$r" ] || echo "$r"; done)"
if [ -n "$extra" ]; then
  echo "only in candidate:"; echo "$extra"; status=1
fi
if [ "$status" = 0 ]; then
  echo "compare-outputs: $n files byte-identical (power, --sweep, --assurance, all methods, phenomena, generate csv and bids, pk), the intended differences above masked"
fi
exit "$status"

#!/usr/bin/env bash
# Whether two jars write byte-identical outputs: the check every speed change must pass
# (docs/PERFORMANCE.md, issue 15 item 8). Runs, with each jar, power (power.csv, replicates.csv
# with --replicate-table, report.html) on duek-2021, a latent-cause variant of it, timing-3arm,
# a 3-arm variant running every analysis method with a Holm family, and duek-2023; run and
# generate (csv, and bids with time series and physio) on the two-trace and latent-cause
# scenarios; and phenomena. Then compares every file with cmp; in manifest.json only the lines
# that must differ (start, finish, command line) are left out.
# Usage: bench/scripts/same-outputs.sh BASE_JAR NEW_JAR [WORK_DIR]   (from the repository root)
set -euo pipefail
base="$1"; new="$2"; work="${3:-$(mktemp -d)}"
mkdir -p "$work"
s=scenarios
sed 's/^name: duek-2021/name: duek-2021-latent/' $s/duek-2021.yaml > "$work/latent.yaml"
printf '\nmemory:\n  model: latent-cause\n' >> "$work/latent.yaml"
sed 's/^name: timing-3arm/name: timing-3arm-all/; s/^  alpha: 0.05$/  alpha: 0.05\n  methods: [ancova, lmm, welch, bayes, mmrm]\n  prior_sd: 1\n  family:\n    - {endpoint: amygdala, visit: post}\n    - {endpoint: pcl5, visit: post}\n  adjustment: holm/' \
  $s/timing-3arm.yaml > "$work/all3.yaml"

outputs() {
  local jar="$1" out="$2"
  rm -rf "$out"; mkdir -p "$out"
  j() { java -jar "$jar" "$@" --quiet > /dev/null; }
  j power $s/duek-2021.yaml --replicates 2000 --n-per-arm 12,50 --replicate-table --out "$out/p-duek"
  j power "$work/latent.yaml" --replicates 500 --n-per-arm 12,50 --replicate-table --out "$out/p-latent"
  j power $s/timing-3arm.yaml --replicates 1000 --n-per-arm 12,40 --replicate-table --out "$out/p-3arm"
  j power "$work/all3.yaml" --replicates 300 --n-per-arm 10:30:10 --replicate-table --out "$out/p-all3"
  j power $s/duek-2023.yaml --replicates 3000 --out "$out/p-duek23"
  j run $s/duek-2021.yaml --replicates 3 --out "$out/run-duek"
  j run "$work/latent.yaml" --replicates 2 --out "$out/run-latent"
  j generate $s/duek-2021.yaml --n-per-arm 30 --out "$out/gen-duek"
  j generate "$work/latent.yaml" --n-per-arm 20 --out "$out/gen-latent"
  j generate $s/timing-3arm.yaml --format bids --timeseries --physio --n-per-arm 3 --out "$out/gen-3arm-bids"
  j phenomena --dir $s/phenomena --out "$out/phen"
}
outputs "$base" "$work/base"
outputs "$new" "$work/new"

volatile='"(started|finished|command_line)"'
bad=0
files=$(cd "$work/base" && find . -type f | sort)
for f in $files; do
  if [[ $f == */manifest.json ]]; then
    cmp -s <(grep -v -E "$volatile" "$work/base/$f") <(grep -v -E "$volatile" "$work/new/$f") || { echo "differs: $f"; bad=1; }
  else
    cmp -s "$work/base/$f" "$work/new/$f" || { echo "differs: $f"; bad=1; }
  fi
done
[ "$(cd "$work/base" && find . -type f | wc -l)" = "$(cd "$work/new" && find . -type f | wc -l)" ] || { echo "file lists differ"; bad=1; }
[ $bad = 0 ] && echo "identical: $(echo "$files" | wc -l) files ($work)"
exit $bad

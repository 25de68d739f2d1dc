#!/usr/bin/env bash
# Speed of reconsim calibrate on the 2021 targets (docs/PERFORMANCE.md, Calibration): 3 free fields,
# 3 hypotheses, on 2 threads; prints the run's console (posterior model probabilities and parameter
# summaries), the wall time and the simulated pilots per second. Then the naive loop for comparison
# (one thread, the scenario compiled from scratch for every simulated pilot: bench CalibrateNaiveBench).
# Usage: bench/scripts/calibrate-speed.sh [PARTICLES] [BUDGET] [NAIVE_SIMS]   (from the repository root)
set -euo pipefail
particles="${1:-300}"; budget="${2:-30000}"; naive="${3:-200}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
./reconsim calibrate scenarios/duek-2021.yaml --targets scenarios/targets/duek-2021.yaml \
  --free 'pharmacology.occupancy.ki_micromolar=loguniform(0.03,10)' --free 'mechanisms.restabilization_blockade.k_block=uniform(0,1)' \
  --free 'measurement.pcl5.slope=uniform(0,60)' --hypotheses null,restabilization-blockade,plasticity-window \
  --particles "$particles" --generations 10 --min-tolerance 0.1 --budget "$budget" --threads 2 --out "$out/run" | tee "$out/console.txt"
t=$(echo "$(date +%s.%N) - $start" | bc)
sims=$(grep -o '; [0-9]* simulated trials in' "$out/console.txt" | tr -dc 0-9)
printf 'calibrate: %s simulated pilots in %.1f s wall (JVM start and report included): %.1f pilots/s on 2 threads\n' \
  "$sims" "$t" "$(echo "$sims / $t" | bc -l)"
mvn -B -o -q -Pbench -pl bench -am compile -DskipTests
java -cp "bench/target/classes:cli/target/reconsim.jar" org.reconsim.bench.CalibrateNaiveBench "$naive"

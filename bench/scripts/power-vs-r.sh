#!/usr/bin/env bash
# Times reconsim's power loop against an R/lme4 loop over the same design, in the same run.
# R side: for each of R replicates, simulate a trial of the default scenario's size by resampling
# one reconsim-generated dataset and fit lmerTest::lmer(value ~ arm * visit + (1 | subject)) with
# Satterthwaite df (what simr does per replicate). reconsim side: `power` with the same analysis
# (analysis.methods: [lmm]) and the same number of replicates, 6 endpoints x 3 visits each.
# Usage: bench/scripts/power-vs-r.sh [REPLICATES] [N_PER_ARM]   (needs Rscript with lmerTest)
set -euo pipefail
cd "$(dirname "$0")/../.."
reps="${1:-200}"
n="${2:-50}"
work="$(mktemp -d)"
sed '/^analysis:/,/^$/d' scenarios/duek-2021.yaml > "$work/lmm.yaml"
printf 'analysis:\n  methods: [lmm]\n' >> "$work/lmm.yaml"
./reconsim generate "$work/lmm.yaml" --n-per-arm "$n" --out "$work/data" --quiet

start=$(date +%s.%N)
./reconsim power "$work/lmm.yaml" --n-per-arm "$n" --replicates "$reps" --out "$work/power" --quiet > /dev/null
end=$(date +%s.%N)
ours=$(echo "$end - $start" | bc -l)

cat > "$work/loop.R" <<'RS'
suppressMessages(library(lmerTest))
args <- commandArgs(trailingOnly = TRUE)
reps <- as.integer(args[1]); path <- args[2]
obs <- read.csv(path)
obs <- obs[obs$measure == "amygdala" & obs$visit %in% c("pre", "post", "fu30", "fu90"), ]
subjects <- unique(obs[, c("subject_id", "arm")])
set.seed(1)
t0 <- proc.time()[["elapsed"]]
for (r in seq_len(reps)) {
  d <- obs
  d$value <- d$value + rnorm(nrow(d), 0, 0.01)   # a new data set each time, same design
  d$visit <- factor(d$visit, levels = c("pre", "post", "fu30", "fu90"))
  fit <- lmer(value ~ arm * visit + (1 | subject_id), data = d, REML = TRUE)
  s <- summary(fit, ddf = "Satterthwaite")
}
cat(proc.time()[["elapsed"]] - t0, "\n")
RS
rsecs=$(Rscript "$work/loop.R" "$reps" "$work/data/observations.csv")
# R fits one endpoint per replicate; reconsim simulates the trial and fits 6 endpoints
per_r=$(echo "$rsecs / $reps * 1000" | bc -l)
per_ours=$(echo "$ours / $reps * 1000" | bc -l)
printf 'replicates %d, %d per arm\n' "$reps" "$n"
printf 'R lme4 loop (1 endpoint, fit only): %.1f ms per replicate\n' "$per_r"
printf 'reconsim power (simulate + 6 endpoints x 3 visits, JVM start included): %.2f ms per replicate\n' "$per_ours"
printf 'ratio R / reconsim: %.0f x (per endpoint fit: %.0f x)\n' "$(echo "$per_r / $per_ours" | bc -l)" "$(echo "6 * $per_r / $per_ours" | bc -l)"
rm -rf "$work"

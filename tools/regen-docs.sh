#!/usr/bin/env bash
# Regenerates scenarios/scenario.schema.json and the field table in scenarios/README.md
# from the scenario records (ScenarioDocsTest fails when they are out of date).
set -euo pipefail
cd "$(dirname "$0")/.."
./reconsim schema > scenarios/scenario.schema.json
table="$(./reconsim schema --format markdown)"
python3 - "$table" <<'PY'
import sys
table = sys.argv[1] + "\n"
path = "scenarios/README.md"
s = open(path).read()
b, e = "<!-- fields:begin -->\n", "<!-- fields:end -->"
s = s[:s.index(b) + len(b)] + table + s[s.index(e):]
open(path, "w").write(s)
PY

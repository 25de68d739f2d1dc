#!/usr/bin/env bash
# Regenerates scenarios/scenario.schema.json and the field table in scenarios/README.md from the
# scenario records, and scenarios/targets/targets.schema.json and the field table in docs/TARGETS.md
# from the target-file records (ScenarioDocsTest fails when they are out of date).
set -euo pipefail
cd "$(dirname "$0")/.."
./reconsim schema > scenarios/scenario.schema.json
table="$(./reconsim schema --format markdown)"
./reconsim schema --targets > scenarios/targets/targets.schema.json
targets="$(./reconsim schema --targets --format markdown)"
# the data dictionary: docs/DATA.md between its markers (DataDictionaryTest checks it)
tables="$(java -cp cli/target/reconsim.jar tools/src/DataDictionaryMarkdown.java)"
python3 - "$table" "$targets" "$tables" <<'PY'
import sys
def fill(path, table, marker="fields", newline="\n"):
    s = open(path).read()
    b, e = "<!-- " + marker + ":begin -->\n", "<!-- " + marker + ":end -->"
    s = s[:s.index(b) + len(b)] + table + newline + s[s.index(e):]
    open(path, "w").write(s)
fill("scenarios/README.md", sys.argv[1])
fill("docs/TARGETS.md", sys.argv[2])
fill("docs/DATA.md", sys.argv[3], "tables", "\n\n")  # $(...) dropped the table's closing blank line
PY

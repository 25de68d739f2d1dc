#!/usr/bin/env bash
# Checks that every citation of the project's documents resolves inside the repository.
#
# Scans */src/**/*.java, scenarios/**, README.md and docs/*.md for references to
# MODEL.md, TRIALS.md, PHENOMENA.md, DESIGN.md, ARCHITECTURE.md, PERFORMANCE.md, TARGETS.md, POWER.md, INFERENCE.md, SENSITIVITY.md and SEQUENTIAL.md, bare
# ("MODEL.md 2a") or with a path ("docs/PERFORMANCE.md"). For each:
#   - the document must exist: docs/<name> for a bare name; for a path, the path relative to
#     the repository root or to the citing file;
#   - a cited section must be a heading of that document:
#       MODEL.md 2a | MODEL.md section 3 | MODEL.md 2a, 4 | MODEL.md M2   -> "## 2a. ..." etc.
#       TRIALS.md B | TRIALS.md section E                                 -> "## B. ..."
#       PHENOMENA.md row 4 | PHENOMENA.md rows 1, 3, 4                    -> "### Row 4. ..."
#       DESIGN.md, Determinism | ARCHITECTURE.md Determinism | X.md#anchor -> a heading with
#         that word (or that GitHub anchor)
# Prints each dangling reference as file:line: reference (why), exits 1 if there is any.
#
# Usage: tools/check-doc-refs.sh [repository root; default: this script's parent]
set -euo pipefail

root=${1:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"}
cd "$root"

files=()
while IFS= read -r -d '' f; do files+=("${f#./}"); done < <(
    find . -path ./.git -prune -o -path '*/target' -prune -o \
        -path './*/src/*' -type f -name '*.java' -print0
    if [ -d scenarios ]; then find scenarios -path '*/target' -prune -o -type f -print0; fi
    if [ -f README.md ]; then printf '%s\0' README.md; fi
    if [ -d docs ]; then find docs -maxdepth 1 -type f -name '*.md' -print0; fi)

[ ${#files[@]} -gt 0 ] || { echo "check-doc-refs: no files to scan under $root" >&2; exit 2; }

awk '
function exists(p,   line, r) {
    if (p in EXISTS) return EXISTS[p]
    r = (getline line < p)
    if (r >= 0) close(p)
    EXISTS[p] = (r >= 0)
    return EXISTS[p]
}
# Loads the headings of document p into HEAD[p, i], i = 1..NHEAD[p].
function headings(p,   line, n) {
    if (p in NHEAD) return
    n = 0
    while ((getline line < p) > 0) {
        if (line ~ /^#+[ \t]/) { n++; HEAD[p, n] = line }
    }
    close(p)
    NHEAD[p] = n
}
function lc(s) { return tolower(s) }
# GitHub-style anchor of a heading line.
function slug(h,   s) {
    s = lc(h); sub(/^#+[ \t]+/, "", s)
    gsub(/[^a-z0-9 _-]/, "", s); gsub(/ /, "-", s)
    return s
}
# Whether document p has a heading for section id of kind k (numbered, letter, row, word, anchor).
function has_section(p, k, id,   i, h, rest) {
    headings(p)
    for (i = 1; i <= NHEAD[p]; i++) {
        h = HEAD[p, i]
        rest = h; sub(/^#+[ \t]+/, "", rest)
        if (k == "anchor") { if (slug(h) == lc(id)) return 1; continue }
        if (k == "word") { if (index(lc(rest), lc(id)) > 0) return 1; continue }
        if (k == "row") {
            if (lc(substr(rest, 1, 4)) == "row " ) {
                rest = substr(rest, 5); sub(/^[ \t]+/, "", rest)
                if (index(rest, id) == 1 && substr(rest, length(id) + 1, 1) !~ /[0-9A-Za-z]/) return 1
            }
            continue
        }
        # numbered or lettered: "2a. ...", "Section 2a ...", "M2. ..."
        if (lc(substr(rest, 1, 8)) == "section ") rest = substr(rest, 9)
        if (index(rest, id) == 1 && substr(rest, length(id) + 1, 1) !~ /[0-9A-Za-z]/) return 1
    }
    return 0
}
function report(what) { printf "%s:%d: %s\n", FILENAME, FNR, what; BAD++ }
# Sections cited right after a reference; fills IDS[1..n] and returns n, KIND set.
function sections(name, rest,   n, tok, m) {
    n = 0; KIND = ""
    if (name == "MODEL.md") {
        KIND = "num"
        if (match(rest, /^[ ,:]*([Ss]ections?|§)?[ ]*/)) rest = substr(rest, RLENGTH + 1)
        while (match(rest, /^([0-9][a-z]?|M[0-9])([^0-9A-Za-z%]|$)/)) {
            tok = substr(rest, 1, RLENGTH); sub(/[^0-9A-Za-z]$/, "", tok)
            IDS[++n] = tok; rest = substr(rest, length(tok) + 1)
            if (match(rest, /^(,[ ]*|[ ]+and[ ]+)/)) rest = substr(rest, RLENGTH + 1); else break
        }
    } else if (name == "TRIALS.md") {
        KIND = "num"
        if (match(rest, /^[ ,:]*([Ss]ections?[ ]+)?/)) rest = substr(rest, RLENGTH + 1)
        while (match(rest, /^[A-Z]([^0-9A-Za-z]|$)/)) {
            IDS[++n] = substr(rest, 1, 1); rest = substr(rest, 2)
            if (match(rest, /^(,[ ]*|[ ]+and[ ]+)/)) rest = substr(rest, RLENGTH + 1); else break
        }
    } else if (name == "PHENOMENA.md") {
        KIND = "row"
        if (match(rest, /^[ ,:]*[Rr]ows?[ ]+/)) {
            rest = substr(rest, RLENGTH + 1)
            while (match(rest, /^[0-9]+/)) {
                IDS[++n] = substr(rest, 1, RLENGTH); rest = substr(rest, RLENGTH + 1)
                if (match(rest, /^(,[ ]*|[ ]+and[ ]+|-)/)) rest = substr(rest, RLENGTH + 1); else break
            }
        }
    } else {
        KIND = "word"
        if (match(rest, /^#[A-Za-z0-9_-]+/)) { KIND = "anchor"; IDS[++n] = substr(rest, 2, RLENGTH - 1); return n }
        if (match(rest, /^(,?[ ]+|,?[ ]+section[ ]+)[A-Z][A-Za-z-]+/)) {
            tok = substr(rest, 1, RLENGTH); sub(/^.*[ ]/, "", tok)
            if (tok !~ /^(The|A|An|And|Or|For|See|In|It|This|That|Is|Has)$/) IDS[++n] = tok
        }
    }
    return n
}
{
    line = $0
    while (match(line, /[A-Za-z0-9_.\/-]*(MODEL|TRIALS|PHENOMENA|DESIGN|ARCHITECTURE|PERFORMANCE|TARGETS|POWER|INFERENCE|SENSITIVITY|SEQUENTIAL)\.md/)) {
        ref = substr(line, RSTART, RLENGTH)
        rest = substr(line, RSTART + RLENGTH)
        line = rest
        name = ref; sub(/^.*\//, "", name)
        if (name !~ /^(MODEL|TRIALS|PHENOMENA|DESIGN|ARCHITECTURE|PERFORMANCE|TARGETS|POWER|INFERENCE|SENSITIVITY|SEQUENTIAL)\.md$/) continue
        dir = FILENAME; if (dir ~ /\//) sub(/\/[^\/]*$/, "/", dir); else dir = ""
        if (ref == name) {
            doc = "docs/" name
            if (!exists(doc)) { report(ref " (no " doc ")"); continue }
        } else {
            doc = ref
            if (!exists(doc)) {
                doc = dir ref
                if (!exists(doc)) { report(ref " (no such file; the document is docs/" name ")"); continue }
            }
        }
        n = sections(name, rest)
        for (i = 1; i <= n; i++) {
            id = IDS[i]
            if (!has_section(doc, KIND, id)) {
                shown = (KIND == "row") ? name " row " id : (KIND == "anchor") ? ref "#" id : ref " " id
                report(shown " (no heading " (KIND == "row" ? "\"Row " id "\"" : "\"" id "\"") " in " doc ")")
            }
        }
    }
}
END {
    if (BAD > 0) { printf "check-doc-refs: %d dangling reference(s)\n", BAD > "/dev/stderr"; exit 1 }
    print "check-doc-refs: all references resolve" > "/dev/stderr"
}
' "${files[@]}"

#!/usr/bin/env bash
# Renders a reconsim report.html in headless Chromium (Debian package 'chromium'), saves a
# screenshot next to it and fails if the browser logs a console error.
# Usage: tools/check-report.sh RUN_DIR/report.html
set -euo pipefail
html="$(realpath "${1:?usage: tools/check-report.sh REPORT.html}")"
shot="${html%.html}.png"
profile="$(mktemp -d)"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1200,1600)
log="$(mktemp)"
chromium "${flags[@]}" --enable-logging=stderr --v=0 --screenshot="$shot" "file://$html" 2>"$log" >/dev/null || true
rm -rf "$profile"
if grep -E "CONSOLE\(|Uncaught|ERROR:.*(javascript|console)" "$log"; then
  echo "check-report: console errors while rendering $html" >&2
  exit 1
fi
test -s "$shot"
echo "check-report: rendered $html without console errors; screenshot $shot"

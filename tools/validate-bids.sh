#!/usr/bin/env bash
# Validates a BIDS dataset written by reconsim: the official validator (npm registry, needs
# Node >= 18 and network the first time), then, when nibabel is importable, tools/check-nifti.py
# on every BOLD image (a second reader of the NIfTI headers the Java writer produced).
# Usage: tools/validate-bids.sh DIR        Exit: non-zero when either check fails.
set -euo pipefail
dir="${1:?usage: tools/validate-bids.sh DIR}"
here="$(cd "$(dirname "$0")" && pwd)"
# Pinned: 1.x is the validator the BIDS 1.9 datasets here were checked against.
npx --yes bids-validator@1.15.0 "$dir"
# pyenv or venv pythons often lack Debian's python3-nibabel: try PATH's python3, then the system one
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null && "$py" -c "import nibabel" 2>/dev/null; then
    exec "$py" "$here/check-nifti.py" "$dir"
  fi
done
echo "nibabel not found: skipped tools/check-nifti.py (apt-get install python3-nibabel)" >&2

#!/usr/bin/env python3
"""Power against the NMDA Ki on a log axis, from a power --sweep of pharmacology.occupancy.ki_micromolar.

Usage: tools/ki-sensitivity.py POWER_CSV OUT_SVG [ENDPOINT [VISIT]]

Draws one power curve (with its Wilson 95% band) per sample size for ENDPOINT (default amygdala)
at VISIT (default post), analysis ancova, and shades the literature ranges of ketamine's NMDA
affinity: binding Ki 0.3-1.4 uM (S- and R-ketamine against MK-801, Ebert 1997) and the functional
IC50 at physiological Mg2+, about 1-5 uM (Kotermanski & Johnson 2009). README.md shows the result
for scenarios/duek-2021.yaml; the command that makes it is in README.md.
"""
import csv
import math
import sys

W, H, L, R, T, B = 640, 360, 60, 150, 30, 50
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]


def main():
    src, out = sys.argv[1], sys.argv[2]
    endpoint = sys.argv[3] if len(sys.argv) > 3 else "amygdala"
    visit = sys.argv[4] if len(sys.argv) > 4 else "post"
    curves = {}
    for r in csv.DictReader(open(src)):
        if r["endpoint"] == endpoint and r["visit"] == visit and r["analysis"] == "ancova":
            curves.setdefault(int(r["n_per_arm"]), []).append(
                (float(r["sweep_value"]), float(r["power"]), float(r["ci_low"]), float(r["ci_high"])))
    if not curves:
        sys.exit(f"ki-sensitivity: no ancova rows for {endpoint} at {visit} in {src}")
    kis = sorted({p[0] for c in curves.values() for p in c})
    lo, hi = math.log10(kis[0]), math.log10(kis[-1])

    def x(ki):
        return L + (math.log10(ki) - lo) / (hi - lo) * (W - L - R)

    def y(p):
        return T + (1 - p) * (H - T - B)

    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
         f'<rect x="{x(0.3):.1f}" y="{T}" width="{x(1.4) - x(0.3):.1f}" height="{H - T - B}" fill="#fde6c8"/>',
         f'<rect x="{x(1.0):.1f}" y="{T}" width="{x(5.0) - x(1.0):.1f}" height="{H - T - B}" fill="#d6e6f5" opacity="0.7"/>',
         f'<text x="{x(0.3) + 2:.1f}" y="{T + 12}" fill="#a0522d">binding Ki (Ebert 1997)</text>',
         f'<text x="{x(1.0) + 2:.1f}" y="{T + 26}" fill="#2b5d8a">functional IC50, Mg2+ (Kotermanski 2009)</text>',
         f'<line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="#333"/>',
         f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="#333"/>']
    for p in (0, 0.2, 0.4, 0.6, 0.8, 1.0):
        s.append(f'<line x1="{L - 4}" y1="{y(p):.1f}" x2="{W - R}" y2="{y(p):.1f}" stroke="#eee"/>'
                 f'<text x="{L - 8}" y="{y(p) + 4:.1f}" text-anchor="end">{p:.1f}</text>')
    for k in kis:
        s.append(f'<line x1="{x(k):.1f}" y1="{H - B}" x2="{x(k):.1f}" y2="{H - B + 4}" stroke="#333"/>'
                 f'<text x="{x(k):.1f}" y="{H - B + 16}" text-anchor="middle">{k:g}</text>')
    s.append(f'<text x="{(L + W - R) / 2:.1f}" y="{H - 12}" text-anchor="middle">NMDA Ki of ketamine, uM (log scale)</text>')
    s.append(f'<text x="16" y="{(T + H - B) / 2:.1f}" transform="rotate(-90 16 {(T + H - B) / 2:.1f})" '
             f'text-anchor="middle">power, {endpoint} at {visit}</text>')
    s.append(f'<line x1="{L}" y1="{y(0.05):.1f}" x2="{W - R}" y2="{y(0.05):.1f}" stroke="#999" stroke-dasharray="4 3"/>')
    for i, (n, pts) in enumerate(sorted(curves.items())):
        pts.sort()
        c = COLOURS[i % len(COLOURS)]
        band = [f"{x(k):.1f},{y(h):.1f}" for k, _, _, h in pts] + [f"{x(k):.1f},{y(l):.1f}" for k, _, l, _ in reversed(pts)]
        s.append(f'<polygon points="{" ".join(band)}" fill="{c}" opacity="0.15"/>')
        s.append(f'<polyline points="{" ".join(f"{x(k):.1f},{y(p):.1f}" for k, p, _, _ in pts)}" fill="none" stroke="{c}" '
                 f'stroke-width="2"/>')
        s.append(f'<text x="{W - R + 10}" y="{T + 16 * (i + 3)}" fill="{c}">{n} per arm</text>')
    s.append(f'<text x="{W - R + 10}" y="{T + 16}" fill="#999">- - alpha 0.05</text></svg>')
    open(out, "w").write("\n".join(s) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks reconsim BOLD images with nibabel, independently of the Java code that wrote them.

Usage: tools/check-nifti.py FILE_bold.nii.gz [...]   (or a BIDS folder: checks every *_bold.nii.gz)

For each image, against its JSON sidecar (same name, .json):
  - 4-D, shape (R, 1, 1, T) with R = len(ReconsimROIs): one voxel per ROI along x;
  - TR: header zooms[3] == RepetitionTime, units mm and s;
  - float32 data, finite; sform == qform, 2-mm voxels.
Not part of the Maven tests (nibabel is optional): on Debian, apt-get install python3-nibabel.
Exit 0 when all pass, 1 otherwise.
"""
import json
import pathlib
import sys

import nibabel as nib
import numpy as np


def check(path: pathlib.Path) -> list:
    problems = []
    img = nib.load(str(path))
    sidecar = json.loads(path.with_name(path.name.replace(".nii.gz", ".json")).read_text())
    rois = sidecar.get("ReconsimROIs", [])
    shape, zooms = img.shape, img.header.get_zooms()
    if len(shape) != 4 or shape[1:3] != (1, 1) or (rois and shape[0] != len(rois)):
        problems.append(f"shape {shape}, expected ({len(rois)}, 1, 1, T)")
    if abs(zooms[3] - sidecar["RepetitionTime"]) > 1e-6:
        problems.append(f"TR {zooms[3]} in header, {sidecar['RepetitionTime']} in sidecar")
    if img.header.get_xyzt_units() != ("mm", "sec"):
        problems.append(f"units {img.header.get_xyzt_units()}")
    if img.get_data_dtype() != np.float32:
        problems.append(f"dtype {img.get_data_dtype()}")
    data = img.get_fdata()
    if not np.all(np.isfinite(data)):
        problems.append("non-finite voxels")
    if not np.allclose(img.get_sform(), img.get_qform()) or not np.allclose(zooms[:3], 2.0):
        problems.append(f"sform/qform differ or voxels not 2 mm: {zooms[:3]}")
    status = "ok" if not problems else "FAIL " + "; ".join(problems)
    print(f"{path}: shape {shape} TR {zooms[3]:g} s ROIs {rois}: {status}")
    return problems


def main(args):
    files = []
    for a in map(pathlib.Path, args):
        files += sorted(a.rglob("*_bold.nii.gz")) if a.is_dir() else [a]
    files = [f for f in files if "derivatives" not in f.parts]
    if not files:
        print("no *_bold.nii.gz given or found", file=sys.stderr)
        return 1
    failed = sum(1 for f in files if check(f))
    print(f"{len(files)} images, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

package org.reconsim.results.dataset.bids;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes ROI time series as a single-file NIfTI-1 image ({@code .nii.gz}), float32,
 * little-endian, with plain Java so the results module takes no imaging dependency.
 *
 * <p>Layout: one voxel per ROI along x. {@code dim = [4, R, 1, 1, T]}; voxel {@code (i, 0, 0)} at
 * volume {@code t} holds ROI {@code i}'s value at {@code t}, in the order of
 * {@link BidsRun#roiNames()}. Voxels are 2 mm cubes; qform and sform (both code 1, scanner
 * space) are the identity rotation scaled by 2 mm, with the row of ROIs centred on x = 0.
 * {@code pixdim[4]} is the repetition time and {@code xyzt_units} says mm and seconds, so a
 * reader (and the BIDS validator) finds the same TR as the JSON sidecar.
 *
 * <p>Header fields follow nifti1.h (https://nifti.nimh.nih.gov/pub/dist/src/niftilib/nifti1.h):
 * 348-byte header, 4 bytes of extension flags (all zero: no extension), data at offset 352.
 * Java's GZIPOutputStream writes a fixed gzip header (mtime 0), so the same series give the same
 * bytes: the project's determinism rule holds for images too.
 */
public final class Nifti1Writer {

    /** sizeof_hdr of NIfTI-1. */
    public static final int HEADER_SIZE = 348;
    /** Header plus the 4-byte extension flag: where the voxel data start. */
    public static final int VOX_OFFSET = 352;
    /** NIFTI_TYPE_FLOAT32. */
    public static final short DATATYPE_FLOAT32 = 16;
    /** NIFTI_UNITS_MM | NIFTI_UNITS_SEC. */
    public static final byte XYZT_MM_SEC = 2 | 8;
    /** Edge of a voxel, mm: a typical fMRI resolution, so viewers show something sensible. */
    public static final float VOXEL_MM = 2f;

    private Nifti1Writer() {
    }

    /**
     * Writes {@code series[roi][volume]} to {@code file} atomically.
     *
     * @param description up to 79 ASCII characters for the header's descrip field
     */
    public static void write(Path file, double[][] series, double repetitionTime, String description) {
        AtomicFile.write(file, out -> {
            GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
            encode(gz, series, repetitionTime, description);
            gz.finish();
        });
    }

    /** Writes the uncompressed image (header, extension flag, voxels) to {@code out}. */
    public static void encode(OutputStream out, double[][] series, double repetitionTime, String description)
            throws IOException {
        int rois = series.length;
        int volumes = series[0].length;
        out.write(header(rois, volumes, repetitionTime, description).array());
        // x varies fastest, then y, z, t: at each volume, the R ROI values in order
        ByteBuffer data = ByteBuffer.allocate(4 * rois).order(ByteOrder.LITTLE_ENDIAN);
        OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        for (int t = 0; t < volumes; t++) {
            data.clear();
            for (double[] roi : series) {
                data.putFloat((float) roi[t]);
            }
            buffered.write(data.array(), 0, data.position());
        }
        buffered.flush();
    }

    /** The 348-byte header followed by the 4 zero extension bytes. */
    static ByteBuffer header(int nx, int nt, double repetitionTime, String description) {
        ByteBuffer h = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, HEADER_SIZE);
        h.put(38, (byte) 'r'); // "regular": ignored by NIfTI readers, set as ANALYZE expected
        short[] dim = {4, (short) nx, 1, 1, (short) nt, 1, 1, 1};
        if (nx > Short.MAX_VALUE || nt > Short.MAX_VALUE) {
            throw new IllegalArgumentException("NIfTI-1 dimensions are 16-bit: " + nx + " x " + nt);
        }
        for (int i = 0; i < dim.length; i++) {
            h.putShort(40 + 2 * i, dim[i]);
        }
        h.putShort(70, DATATYPE_FLOAT32);
        h.putShort(72, (short) 32); // bitpix
        float[] pixdim = {1f /* qfac */, VOXEL_MM, VOXEL_MM, VOXEL_MM, (float) repetitionTime, 0, 0, 0};
        for (int i = 0; i < pixdim.length; i++) {
            h.putFloat(76 + 4 * i, pixdim[i]);
        }
        h.putFloat(108, VOX_OFFSET);
        h.putFloat(112, 1f); // scl_slope: values are stored unscaled
        h.putFloat(116, 0f); // scl_inter
        h.put(123, XYZT_MM_SEC);
        byte[] descrip = description.getBytes(StandardCharsets.US_ASCII);
        h.put(148, descrip, 0, Math.min(descrip.length, 79));
        h.putShort(252, (short) 1); // qform_code NIFTI_XFORM_SCANNER_ANAT
        h.putShort(254, (short) 1); // sform_code
        // quatern_b,c,d = 0: identity rotation
        float x0 = -VOXEL_MM * (nx - 1) / 2f; // centre the ROI row on x = 0
        h.putFloat(268, x0);
        float[][] srow = {{VOXEL_MM, 0, 0, x0}, {0, VOXEL_MM, 0, 0}, {0, 0, VOXEL_MM, 0}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                h.putFloat(280 + 16 * r + 4 * c, srow[r][c]);
            }
        }
        h.put(344, new byte[] {'n', '+', '1', 0});
        return h;
    }
}

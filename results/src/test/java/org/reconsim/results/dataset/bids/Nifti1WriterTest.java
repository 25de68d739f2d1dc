package org.reconsim.results.dataset.bids;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Nifti1WriterTest {

    @TempDir
    Path dir;

    static ByteBuffer readGz(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    @Test
    void headerFieldsReadBackByteWise() throws IOException {
        double[][] series = ExampleDataset.series(1, 0);
        Path file = dir.resolve("x_bold.nii.gz");
        Nifti1Writer.write(file, series, 1.0, "test");
        ByteBuffer b = readGz(file);

        assertThat(b.getInt(0)).isEqualTo(348);
        short[] dim = new short[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
        }
        assertThat(dim).containsExactly(4, 3, 1, 1, ExampleDataset.VOLUMES, 1, 1, 1);
        assertThat(b.getShort(70)).isEqualTo((short) 16);
        assertThat(b.getShort(72)).isEqualTo((short) 32);
        assertThat(b.getFloat(76)).isEqualTo(1f); // qfac
        assertThat(new float[] {b.getFloat(80), b.getFloat(84), b.getFloat(88)}).containsExactly(2f, 2f, 2f);
        assertThat(b.getFloat(92)).isEqualTo(1f); // pixdim[4] = TR
        assertThat(b.getFloat(108)).isEqualTo(352f);
        assertThat(b.get(123)).isEqualTo((byte) 10); // mm | s
        assertThat(b.getShort(252)).isEqualTo((short) 1);
        assertThat(b.getShort(254)).isEqualTo((short) 1);
        assertThat(b.getFloat(280)).isEqualTo(2f); // srow_x[0]
        assertThat(b.getFloat(292)).isEqualTo(-2f); // srow_x[3]: 3 ROIs centred on x = 0
        assertThat(new byte[] {b.get(344), b.get(345), b.get(346), b.get(347)}).containsExactly('n', '+', '1', 0);
        assertThat(b.getInt(348)).isZero(); // no extensions

        assertThat(b.capacity()).isEqualTo(352 + 4 * 3 * ExampleDataset.VOLUMES);
        for (int t = 0; t < ExampleDataset.VOLUMES; t++) {
            for (int r = 0; r < 3; r++) {
                assertThat(b.getFloat(352 + 4 * (r + 3 * t))).as("roi %d volume %d", r, t).isEqualTo((float) series[r][t]);
            }
        }
    }

    @Test
    void repetitionTimeGoesToPixdim4AndBytesAreDeterministic() throws IOException {
        double[][] series = {{1, 2, 3}, {4, 5, 6}};
        Path a = dir.resolve("a.nii.gz");
        Path b = dir.resolve("b.nii.gz");
        Nifti1Writer.write(a, series, 2.5, "same");
        Nifti1Writer.write(b, series, 2.5, "same");
        assertThat(readGz(a).getFloat(92)).isEqualTo(2.5f);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.nii.gz", "b.nii.gz");
        }
    }
}

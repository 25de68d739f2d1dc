package org.reconsim.results.sensitivity;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The sampling design of Saltelli et al. (2010, Comput. Phys. Commun. 181:259, section 3): two
 * N x k matrices A and B whose rows are points of the unit cube, and for each input i the
 * matrix A_B^(i), A with its column i taken from B. The model is evaluated on every row of A,
 * B and the k matrices A_B^(i): N (k + 2) evaluations.
 *
 * <p>The rows of [A | B] are the points 1 .. N of a 2k-dimensional Sobol sequence (Joe and Kuo
 * 2008 direction numbers, commons-math3's {@link SobolSequenceGenerator}); point 0, the origin,
 * is skipped as Saltelli et al. do. The design is fixed by N and k (no seed): quasi-random points
 * fill the cube more evenly than pseudo-random ones, so the estimators converge faster (Saltelli
 * et al. 2010 recommend N a power of 2, where the sequence's balance properties hold).
 *
 * <p>Evaluation order ({@link #point}): row j's A, then B, then A_B^(1) .. A_B^(k), rows in
 * order; evaluation {@code e} is row {@code e / (k + 2)}, matrix {@code e % (k + 2)}.
 */
public final class SaltelliDesign {

    /** The most inputs: the Sobol sequence's 2k dimensions stay within its 1000 tabulated dimensions. */
    public static final int MAX_INPUTS = 500;

    private final int rows;
    private final int inputs;
    private final double[][] a;
    private final double[][] b;

    /**
     * @param rows    N, the rows of A and B (at least 2)
     * @param inputs  k, the uncertain inputs (1 .. {@link #MAX_INPUTS})
     */
    public SaltelliDesign(int rows, int inputs) {
        if (rows < 2) {
            throw new IllegalArgumentException("at least 2 rows, got " + rows);
        }
        if (inputs < 1 || inputs > MAX_INPUTS) {
            throw new IllegalArgumentException("1.." + MAX_INPUTS + " inputs, got " + inputs);
        }
        this.rows = rows;
        this.inputs = inputs;
        this.a = new double[rows][inputs];
        this.b = new double[rows][inputs];
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * inputs);
        sobol.nextVector(); // point 0, the origin
        for (int j = 0; j < rows; j++) {
            double[] x = sobol.nextVector();
            System.arraycopy(x, 0, a[j], 0, inputs);
            System.arraycopy(x, inputs, b[j], 0, inputs);
        }
    }

    /** N. */
    public int rows() {
        return rows;
    }

    /** k. */
    public int inputs() {
        return inputs;
    }

    /** Matrices per row: A, B and the k matrices A_B^(i). */
    public int matrices() {
        return inputs + 2;
    }

    /** N (k + 2). */
    public int evaluations() {
        return rows * matrices();
    }

    /** The point of evaluation {@code e}: a fresh array (see the class comment for the order). */
    public double[] point(int e) {
        int j = e / matrices();
        int m = e % matrices();
        if (m == 0) {
            return a[j].clone();
        }
        if (m == 1) {
            return b[j].clone();
        }
        double[] x = a[j].clone();
        x[m - 2] = b[j][m - 2];
        return x;
    }
}

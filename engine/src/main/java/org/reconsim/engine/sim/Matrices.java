package org.reconsim.engine.sim;

/** Deep copies of the [row][column] arrays that immutable outcomes hold. */
final class Matrices {

    private Matrices() {
    }

    /** Every row copied; rows may differ in length. */
    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}

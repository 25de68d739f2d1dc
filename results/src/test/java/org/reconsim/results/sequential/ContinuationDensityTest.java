package org.reconsim.results.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ContinuationDensityTest {

    @Test
    void gridHasTheJennisonTurnbullShape() {
        int r = 16;
        double[] grid = ContinuationDensity.trimmedGrid(1.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, r);
        assertThat(grid).hasSize(6 * r - 1);
        assertThat(grid[0]).isCloseTo(1.5 - 3 - 4 * Math.log(r), within(1e-12));
        assertThat(grid[r - 1]).isCloseTo(1.5 - 3, within(1e-12));
        assertThat(grid[5 * r - 1]).isCloseTo(1.5 + 3, within(1e-12));
        assertThat(grid[6 * r - 2]).isCloseTo(1.5 + 3 + 4 * Math.log(r), within(1e-12));
        double[] trimmed = ContinuationDensity.trimmedGrid(1.5, 0.2, 2.9, r);
        assertThat(trimmed[0]).isEqualTo(0.2);
        assertThat(trimmed[trimmed.length - 1]).isEqualTo(2.9);
        for (int i = 1; i < trimmed.length; i++) {
            assertThat(trimmed[i]).isGreaterThan(trimmed[i - 1]);
        }
        assertThat(ContinuationDensity.trimmedGrid(0, 1, 1, r)).isEmpty();
    }

    @Test
    void firstLookIsTheNormalDistribution() {
        ContinuationDensity start = ContinuationDensity.start();
        assertThat(start.upperTail(2.5, 0.4, 1.2)).isCloseTo(StandardNormal.upperTail(2.5 - 1.2 * Math.sqrt(0.4)),
                within(1e-16));
        assertThat(start.lowerTail(-0.3, 0.4, 1.2)).isCloseTo(StandardNormal.cdf(-0.3 - 1.2 * Math.sqrt(0.4)),
                within(1e-16));
    }

    /**
     * With no bounds the continuing trials are all trials, so after two looks the mass is 1
     * and {@code P(Z_3 >= b)} is the normal tail exactly: what the quadrature must reproduce.
     * Simpson's rule on the grid errs by {@code O(r^-4)}: {@code 7e-7} at {@code r = 16},
     * {@code 5e-8} at the {@code r = 32} the designs use.
     */
    @Test
    void quadratureWithoutBoundsReproducesTheMarginal() {
        double theta = 2.1;
        double[] massError = new double[2];
        int[] sizes = {16, BoundaryCrossing.GRID_SIZE};
        for (int g = 0; g < 2; g++) {
            ContinuationDensity density = ContinuationDensity.start()
                    .next(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.3, theta, sizes[g])
                    .next(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.55, theta, sizes[g]);
            massError[g] = Math.abs(density.mass() - 1);
            for (double b : new double[] {-1, 0.5, 2, 4}) {
                assertThat(density.upperTail(b, 1, theta)).as("r = " + sizes[g] + ", b = " + b)
                        .isCloseTo(StandardNormal.upperTail(b - theta), within(g == 0 ? 1e-6 : 1e-7));
            }
        }
        assertThat(massError[0]).isLessThan(1e-6);
        assertThat(massError[1]).isLessThan(1e-7).isLessThan(massError[0] / 10);
    }

    /** Crossing probabilities through three bounded looks settle as the grid grows. */
    @Test
    void crossingProbabilitiesConvergeInTheGridSize() {
        double[] t = {0.2, 0.45, 0.7, 1};
        double[] lower = {-0.5, 0.3, 1.0};
        double[] upper = {4.3, 3.1, 2.5, 2.0};
        double theta = 2.5;
        int[] sizes = {16, 32, 128};
        double[] byGrid = new double[sizes.length];
        for (int g = 0; g < sizes.length; g++) {
            ContinuationDensity density = ContinuationDensity.start();
            for (int k = 0; k < 3; k++) {
                density = density.next(lower[k], upper[k], t[k], theta, sizes[g]);
            }
            byGrid[g] = density.upperTail(upper[3], 1, theta);
        }
        assertThat(byGrid[0]).isCloseTo(byGrid[2], within(1e-8));
        assertThat(byGrid[1]).isCloseTo(byGrid[2], within(1e-9));
    }
}

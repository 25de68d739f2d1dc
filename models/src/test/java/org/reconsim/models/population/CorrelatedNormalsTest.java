package org.reconsim.models.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class CorrelatedNormalsTest {

    @Test
    void samplesHaveTheRequestedCorrelation() {
        CorrelatedNormals c = new CorrelatedNormals(List.of(List.of(1.0, 0.6), List.of(0.6, 1.0)));
        UniformRandomProvider rng = RandomSource.PHILOX_4X64.create(3L);
        int n = 50000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double[] z = c.apply(new double[] {PatientGenerator.standardNormal(rng), PatientGenerator.standardNormal(rng)});
            a[i] = z[0];
            b[i] = z[1];
        }
        assertThat(new PearsonsCorrelation().correlation(a, b)).isCloseTo(0.6, within(0.015));
    }

    @Test
    void identityLeavesDrawsAlone() {
        CorrelatedNormals c = new CorrelatedNormals(List.of(List.of(1.0, 0.0), List.of(0.0, 1.0)));
        assertThat(c.apply(new double[] {0.3, -1.2})).containsExactly(0.3, -1.2);
    }

    @Test
    void impossibleCorrelationsAreRefused() {
        // three variables cannot all correlate at -0.9 with each other
        List<List<Double>> r = List.of(List.of(1.0, -0.9, -0.9), List.of(-0.9, 1.0, -0.9), List.of(-0.9, -0.9, 1.0));
        assertThatThrownBy(() -> new CorrelatedNormals(r)).hasMessage("correlation matrix is not positive definite");
    }
}

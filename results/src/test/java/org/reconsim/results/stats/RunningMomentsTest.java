package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunningMomentsTest {

    @Test
    void matchesTwoPassMomentsOnValuesFarFromZero() {
        double[] values = new SplittableRandom(42).doubles(10_000, 1e8, 1e8 + 10).toArray();
        RunningMoments moments = new RunningMoments();
        for (double v : values) {
            moments.add(v);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (values.length - 1));

        assertThat(moments.count()).isEqualTo(values.length);
        assertThat(moments.mean()).isCloseTo(mean, within(1e-12 * mean));
        assertThat(moments.standardDeviation()).isCloseTo(sd, within(1e-9 * sd));
    }

    @Test
    void undefinedBelowTwoValues() {
        RunningMoments moments = new RunningMoments();
        assertThat(moments.mean()).isNaN();
        moments.add(3);
        assertThat(moments.mean()).isEqualTo(3);
        assertThat(moments.standardDeviation()).isNaN();
        moments.add(5);
        assertThat(moments.standardDeviation()).isCloseTo(Math.sqrt(2), within(1e-15));
    }

    @Test
    void sameOrderSameBits() {
        RunningMoments a = new RunningMoments();
        RunningMoments b = new RunningMoments();
        new SplittableRandom(7).doubles(1000).forEach(a::add);
        new SplittableRandom(7).doubles(1000).forEach(b::add);
        assertThat(Double.doubleToRawLongBits(a.standardDeviation()))
                .isEqualTo(Double.doubleToRawLongBits(b.standardDeviation()));
    }
}

package org.reconsim.engine.rng;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(UniformRandomProvider r, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextLong();
        }
        return out;
    }

    @Test
    void sameCoordinatesSameNumbers() {
        RandomStreams a = new RandomStreams(123);
        RandomStreams b = new RandomStreams(123);
        assertThat(draw(a.stream(Purpose.MEMORY, 7, 3), 50)).isEqualTo(draw(b.stream(Purpose.MEMORY, 7, 3), 50));
    }

    @Test
    void everyCoordinateHasItsOwnStream() {
        RandomStreams s = new RandomStreams(123);
        long[] base = draw(s.stream(Purpose.MEMORY, 7, 3), 8);
        assertThat(draw(s.stream(Purpose.MEMORY, 8, 3), 8)).isNotEqualTo(base);
        assertThat(draw(s.stream(Purpose.MEMORY, 7, 4), 8)).isNotEqualTo(base);
        assertThat(draw(s.stream(Purpose.DROPOUT, 7, 3), 8)).isNotEqualTo(base);
        assertThat(draw(new RandomStreams(124).stream(Purpose.MEMORY, 7, 3), 8)).isNotEqualTo(base);
    }

    @Test
    void aLongStreamDoesNotRunIntoItsNeighbour() {
        // the counter's lowest word advances; patient and replicate sit in the upper words,
        // so 10,000 draws of patient 0 never reproduce the start of patient 1
        RandomStreams s = new RandomStreams(5);
        long[] next = draw(s.stream(Purpose.POPULATION, 1, 0), 4);
        UniformRandomProvider first = s.stream(Purpose.POPULATION, 0, 0);
        long[] window = new long[4];
        for (int i = 0; i < 10000; i++) {
            System.arraycopy(window, 1, window, 0, 3);
            window[3] = first.nextLong();
            assertThat(window).isNotEqualTo(next);
        }
    }
}

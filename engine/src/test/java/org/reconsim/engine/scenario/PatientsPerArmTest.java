package org.reconsim.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.reconsim.models.spec.Spec;

import org.junit.jupiter.api.Test;

class PatientsPerArmTest {

    /** A size the scenario accepts must be one the commands accept: design.n_per_arm states the same range. */
    @Test
    void designFieldStatesTheSameRange() {
        Spec spec = Arrays.stream(Design.class.getRecordComponents())
                .filter(c -> c.getName().equals("nPerArm")).findFirst().orElseThrow().getAnnotation(Spec.class);
        assertThat(spec.min()).isEqualTo(PatientsPerArm.MIN);
        assertThat(spec.max()).isEqualTo(PatientsPerArm.MAX);
    }

    @Test
    void allowsExactlyTheRange() {
        assertThat(PatientsPerArm.allows(PatientsPerArm.MIN)).isTrue();
        assertThat(PatientsPerArm.allows(PatientsPerArm.MAX)).isTrue();
        assertThat(PatientsPerArm.allows(PatientsPerArm.MIN - 1)).isFalse();
        assertThat(PatientsPerArm.allows(PatientsPerArm.MAX + 1)).isFalse();
        assertThat(PatientsPerArm.RANGE).isEqualTo("1..100000");
    }
}

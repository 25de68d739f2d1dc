package org.reconsim.models.pharmacology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PharmacodynamicsTest {

    @Test
    void dissociationIsLinearOverFiftyToTwoHundred() {
        Dissociation d = Dissociation.defaults();
        assertThat(d.score(40)).isZero();
        assertThat(d.score(125)).isCloseTo(0.5, within(1e-12));
        assertThat(d.score(250)).isEqualTo(1.0);
    }

    @Test
    void sedationIsHalfMaximalAtEc50() {
        Sedation s = new Sedation(60, 2);
        assertThat(s.effect(60)).isCloseTo(0.5, within(1e-12));
        assertThat(s.effect(0)).isZero();
        assertThat(s.effect(120)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void allometryScalesClearanceToTheThreeQuarterPower() {
        CompartmentParameters p = PkModel.midazolamAlbrecht().parameters();
        CompartmentParameters heavy = p.allometric(140, 70, false);
        double clearance = p.k10() * p.v1Liters();
        double heavyClearance = heavy.k10() * heavy.v1Liters();
        assertThat(heavyClearance / clearance).isCloseTo(Math.pow(2, 0.75), within(1e-12));
        assertThat(heavy.v1Liters() / p.v1Liters()).isCloseTo(2, within(1e-12));
        // a per-kg model keeps its volumes and scales its rate constants only
        CompartmentParameters k = PkModel.ketamineClements().forWeight(140);
        assertThat(k.allometric(140, 70, true).v1Liters()).isEqualTo(k.v1Liters());
        assertThat(p.allometric(70, 70, false)).isEqualTo(p);
    }
}

package org.reconsim.models.memory.latentcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The model against the authors' own implementation. The expected responses were printed by
 * {@code imm_run.m} / {@code imm_localmap.m} of github.com/sjgershm/memory-modification (commit
 * e1164e1, the code behind Gershman, Monfils, Norman & Niv 2017) run unmodified under GNU Octave
 * 7.3, with {@code normpdf} and {@code normcdf} supplied as the textbook Gaussian density and
 * {@code 0.5 erfc(-(x - mu) / (sigma sqrt 2))} (Octave core lacks them). Only numbers are kept
 * here, not their code. Design numbers are {@code imm_run.m}'s.
 */
class LatentCauseReferenceTest {

    private static final double TOL = 1e-12;
    private static final LatentCauseParameters P = LatentCauseParameters.defaults();

    private static Protocol monfils(double retrievalExtinctionGap) {
        // acquisition 3 x (CS, US); 20 units; 1 retrieval trial; gap; 18 extinction trials; 200; test
        return new Protocol().block(3, 1, 1).gap(20).block(1, 0, 1).gap(retrievalExtinctionGap)
                .block(18, 0, 1).gap(200).block(1, 0, 1);
    }

    @Test
    void design1ExtinctionWithoutRetrieval() {
        assertThat(monfils(0).run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 1, 1, 1, 0.99999891312831013, 0.99902423665473727, 0.98271751247914796,
            0.92584318069448068, 0.83215956374488531, 0.72563230551455438, 0.62496105854745265,
            0.53809793586418764, 0.4662209931194361, 0.40767147787079061, 0.36006295557685486,
            0.32113902355210511, 0.28902899319245079, 0.26226400332431132, 0.23971642417607819,
            0.22052653070669825, 0.20403785678208552, 0.99124760847914417}, within(TOL));
    }

    @Test
    void design2RetrievalThenExtinctionAfterShortGap() {
        assertThat(monfils(3).run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 1, 1, 1, 1, 1, 1, 1, 0.99999999999977973, 0.99999731986473495,
            0.99584997775666007, 0.90077689006667971, 0.6285300062000051, 0.36332487454308027,
            0.20368862901593632, 0.12161920606265419, 0.079863162369788521, 0.057645816767144753,
            0.045122185984094676, 0.037672967354014264, 0.033040607981281611, 0.067099070225805191}, within(TOL));
    }

    @Test
    void design3RetrievalThenExtinctionAfterLongGap() {
        assertThat(monfils(100).run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 1, 1, 1, 0.77412765022492458, 0.4442726517845863, 0.27627626852132892,
            0.18794292516489541, 0.13853342496953547, 0.10919099237878516, 0.090798181447287019,
            0.078710556661602427, 0.070432707858528953, 0.064554557725821082, 0.060242369991173716,
            0.056983358793934458, 0.05445136576603482, 0.052432977159259098, 0.050785171656555939,
            0.049410124192776239, 0.048239719173614359, 0.84742075047952814}, within(TOL));
    }

    @Test
    void design6ProteinSynthesisInhibitorAfterBriefRetrieval() {
        Protocol p = new Protocol().block(1, 1, 1).gap(20).block(1, 0, 1).inhibitAfterLastTrial().gap(20).block(1, 0, 1);
        assertThat(p.run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 0.64698791704493419}, within(TOL));
    }

    @Test
    void design7ProteinSynthesisInhibitorAfterLongRetrieval() {
        Protocol p = new Protocol().block(1, 1, 1).gap(20).block(3, 0, 1).inhibitAfterLastTrial().gap(20).block(1, 0, 1);
        assertThat(p.run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 0.67342099725464033, 0.29622385186231504, 0.99870417635735387}, within(TOL));
    }

    @Test
    void design8LongRetrievalWithoutInhibitor() {
        Protocol p = new Protocol().block(1, 1, 1).gap(20).block(3, 0, 1).gap(20).block(1, 0, 1);
        assertThat(p.run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 0.67342099725464033, 0.29622385186231504, 0.99944934417653908}, within(TOL));
    }

    @Test
    void design9ProteinSynthesisInhibitorOnOlderMemory() {
        Protocol p = new Protocol().block(1, 1, 1).gap(40).block(1, 0, 1).inhibitAfterLastTrial().gap(20).block(1, 0, 1);
        assertThat(p.run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 0.92699756518328824}, within(TOL));
    }

    @Test
    void design10ProteinSynthesisInhibitorAfterStrongerTraining() {
        Protocol p = new Protocol().block(2, 1, 1).gap(20).block(1, 0, 1).inhibitAfterLastTrial().gap(20).block(1, 0, 1);
        assertThat(p.run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 1, 0.89313903093866209}, within(TOL));
    }

    @Test
    void design22TwoFeaturesContextChange() {
        Protocol p = new Protocol().block(3, 1, 1, 1).gap(20).block(1, 0, 1, 0).gap(3).block(18, 0, 1, 0)
                .gap(20).block(1, 0, 1, 1);
        assertThat(p.run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 1, 1, 1, 1, 1, 0.99999999999998346, 0.99999918967043222,
            0.99751378327231088, 0.91916164476322937, 0.65616411754641879, 0.38097770093395267,
            0.21166555837728807, 0.12468605183373083, 0.080817725149533004, 0.057714790696018481,
            0.044813318237516109, 0.037199620129162669, 0.032495868948239526, 0.029484188653093768,
            0.02750318416022679, 1}, within(TOL));
    }

    @Test
    void design23TwoFeaturesSimilarContext() {
        Protocol p = new Protocol().block(3, 1, 1, 1).gap(20).block(1, 0, 1, 0.8).gap(3).block(18, 0, 1, 0.8)
                .gap(20).block(1, 0, 1, 1);
        assertThat(p.run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 1, 1, 1, 1, 0.99999999981611343, 0.98953394539744355,
            0.59450392536898744, 0.20157497297633475, 0.08186846200047726, 0.046451028719887599,
            0.033710103615141596, 0.028349690883500811, 0.025867447033502633, 0.024652477990456001,
            0.02403724890381298, 0.023717642196441124, 0.023547156261396696, 0.023452982205065198,
            0.023398307257728734, 0.023364332260231824, 0.21419631645171533}, within(TOL));
    }

    /** Not in imm_run.m: our gradual-extinction protocol fed to imm_localmap.m directly. */
    @Test
    void standardAndGradualExtinction() {
        assertThat(LatentCausePhenomenaTest.extinction(false).run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 1, 1, 1, 0.99999891312831013, 0.99902423665473727, 0.98271751247914796,
            0.92584318069448068, 0.83215956374488531, 0.72563230551455438, 0.62496105854745265,
            0.53809793586418764, 0.4662209931194361, 0.40767147787079061, 0.36006295557685486,
            0.32113902355210511, 0.28902899319245079, 0.26226400332431132, 0.23971642417607819,
            0.22052653070669825, 0.20403785678208552, 0.18974602051727174, 0.17726006809706552,
            0.16627388217079297, 0.15654520296237873, 0.14788024582764314, 0.14012238086997564,
            0.13314374871984658, 0.12683900069526866, 0.1211205824110827, 0.11591514578696205,
            0.11116079231971576, 0.86254446063397316}, within(TOL));
        assertThat(LatentCausePhenomenaTest.extinction(true).run(P)).containsExactly(new double[] {
            0.022750131948179209, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            0.99999999999959832, 0.99999636362435795, 0.99532790752981037, 0.89780903001753776,
            0.62983663547634672, 0.37079106911607229, 0.21302010166366614, 0.13033595256283215,
            0.08742543034631034, 0.064191560286806726, 0.050905015300623413, 0.43833549112139503}, within(TOL));
    }

    /**
     * Not in imm_run.m: two features, non-default parameters, non-integer intervals, a new cause
     * and the cap of K = 3 causes reached (the authors' code assigns the trials to causes
     * 1 1 1 2 2 1 1 1 1 2 1 1 3 2 3).
     */
    @Test
    void stressCaseWithCapOnCauses() {
        LatentCauseParameters p = new LatentCauseParameters(0.5, 0.5, 0.25, 2, 0.3, 0.15, 0.2, 0.1, 3);
        double[] t = {0, 0.7, 2.2, 5, 6.1, 30, 31.5, 33, 80, 81, 120, 121.6, 150, 151.2, 153};
        double[][] x = {{1, 0}, {1, 0}, {1, 0.2}, {0, 1}, {0, 1}, {1, 1}, {1, 1}, {0.5, 0}, {1, 0}, {0, 1}, {1, 0},
            {1, 1}, {3, 3}, {-2, 2}, {3, 3}};
        double[] r = {1, 1, 0.8, 0, 0, 1, 0, 0.3, 0, 1, 0, 0.5, 1, 0, 0.2};
        LatentCauseMemory m = new LatentCauseMemory(p, 2);
        double[] cr = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            cr[i] = m.trial(t[i], x[i], r[i]);
        }
        assertThat(cr).containsExactly(new double[] {
            0.022750131948179209, 0.63331807067964863, 0.99973426705202872, 0.02593370578503551,
            0.023489906990334819, 0.8777832860718362, 0.99999998826276415, 0.61794307591749376,
            0.99794018607377277, 0.035887277063386902, 0.96833538870243596, 0.42761506728952314,
            0.99994321589898116, 0.99997865464223734, 1}, within(TOL));
        double[] expectedWeights = {
            0.36279397787836093, 0.025708043021386875, 0.069323886021138134, 0.37394454231368579,
            -1.3177839326275844, -1.2395420493958236};
        double[][] w = m.weights();
        for (int k = 0; k < 3; k++) {
            assertThat(w[k]).containsExactly(new double[] {expectedWeights[2 * k], expectedWeights[2 * k + 1]}, within(TOL));
        }
        assertThat(m.causesInUse()).isEqualTo(3);
    }
}

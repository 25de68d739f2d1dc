package org.reconsim.results.dataset.bids;

/**
 * One row of {@code participants.tsv}.
 *
 * @param label    the subject label without the {@code sub-} prefix, e.g. {@code "001"}
 * @param arm      treatment arm, e.g. {@code "ketamine"}
 * @param site     recruiting site, e.g. {@code "site1"}
 * @param ageYears age at enrolment, years ({@code NaN} when unknown: written as n/a)
 * @param sex      {@code M}, {@code F} or {@code O}, the levels BIDS recommends for the sex column
 */
public record BidsParticipant(String label, String arm, String site, double ageYears, String sex) {

    public BidsParticipant {
        BidsLabels.label("participant label", label);
        BidsLabels.cell("arm", arm);
        BidsLabels.cell("site", site);
        BidsLabels.cell("sex", sex);
    }
}

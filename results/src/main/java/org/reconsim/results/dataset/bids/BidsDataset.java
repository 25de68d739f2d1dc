package org.reconsim.results.dataset.bids;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one BIDS dataset holds, checked for consistency before anything is written: a run
 * for an unknown subject, or two runs for the same subject and session, would otherwise surface
 * as a validator error after the export.
 *
 * @param name         dataset name, for {@code dataset_description.json}
 * @param participants one per subject, in the order of {@code participants.tsv}
 * @param runs         one memory-task run per subject and session, in the order sessions are listed
 * @param derivatives  tables for {@code derivatives/reconsim/}
 */
public record BidsDataset(String name, List<BidsParticipant> participants, List<BidsRun> runs,
                          List<BidsDerivative> derivatives) {

    public BidsDataset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dataset name is required");
        }
        participants = List.copyOf(participants);
        runs = List.copyOf(runs);
        derivatives = List.copyOf(derivatives);
        Set<String> labels = new HashSet<>();
        for (BidsParticipant p : participants) {
            if (!labels.add(p.label())) {
                throw new IllegalArgumentException("participant sub-" + p.label() + " listed twice");
            }
        }
        Set<String> sessions = new HashSet<>();
        for (BidsRun r : runs) {
            if (!labels.contains(r.participant())) {
                throw new IllegalArgumentException("run for sub-" + r.participant() + " who is not in participants");
            }
            if (!sessions.add(r.participant() + "/" + r.session())) {
                throw new IllegalArgumentException("two runs for sub-" + r.participant() + " ses-" + r.session());
            }
        }
        Set<String> names = new HashSet<>();
        for (BidsDerivative d : derivatives) {
            if (!names.add(d.name())) {
                throw new IllegalArgumentException("two derivative tables named " + d.name());
            }
        }
    }
}

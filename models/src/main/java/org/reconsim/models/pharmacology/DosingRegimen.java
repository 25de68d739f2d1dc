package org.reconsim.models.pharmacology;

import java.util.ArrayList;
import java.util.List;

/**
 * The doses one patient receives, in the order given; their effects add up (linear
 * kinetics). An empty regimen is allowed (saline placebo).
 *
 * @param doses the administrations; copied, must not contain null
 */
public record DosingRegimen(List<Dose> doses) {

  public DosingRegimen {
    doses = List.copyOf(doses);
  }

  /** No drug at all. */
  public static DosingRegimen none() {
    return new DosingRegimen(List.of());
  }

  /** A single zero-order infusion of {@code amountMg} over {@code durationMinutes}. */
  public static DosingRegimen infusion(
      double startMinutes, double durationMinutes, double amountMg) {
    return new DosingRegimen(List.of(new Dose(startMinutes, durationMinutes, amountMg)));
  }

  /** A single bolus of {@code amountMg} at {@code atMinutes}. */
  public static DosingRegimen bolus(double atMinutes, double amountMg) {
    return new DosingRegimen(List.of(Dose.bolus(atMinutes, amountMg)));
  }

  /** This regimen with {@code d} added. */
  public DosingRegimen plus(Dose d) {
    List<Dose> all = new ArrayList<>(doses);
    all.add(d);
    return new DosingRegimen(all);
  }

  /** Every amount multiplied by {@code factor}, e.g. a salt-to-base conversion. */
  public DosingRegimen scaled(double factor) {
    return new DosingRegimen(doses.stream().map(d -> d.scaled(factor)).toList());
  }

  /** Sum of all amounts, mg. */
  public double totalMg() {
    return doses.stream().mapToDouble(Dose::amountMg).sum();
  }
}

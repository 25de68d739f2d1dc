package org.reconsim.models.pharmacology;

import java.util.Objects;

/**
 * A drug's population pharmacokinetic model: typical micro-constants, whether V1 scales with
 * body weight, molar mass, optional effect-site rate ke0 and the salt-to-base factor applied to
 * dose amounts. Immutable; {@code with...} methods return changed copies.
 *
 * <p>Rate constants do not scale with weight in these presets; with a per-kg V1 the clearance
 * {@code k10 V1} is proportional to weight.
 */
public final class PkModel {

  /** Ketamine, C13H16ClNO, 237.7 g/mol (PubChem CID 3821). */
  public static final double KETAMINE_G_PER_MOL = 237.7;
  /** Midazolam, C18H13ClFN3, 325.8 g/mol (PubChem CID 4192). */
  public static final double MIDAZOLAM_G_PER_MOL = 325.8;

  private final String name;
  private final CompartmentParameters parameters;
  private final boolean v1PerKg;
  private final double molarMassGPerMol;
  private final double ke0PerMinute;
  private final double saltToBase;

  private PkModel(String name, CompartmentParameters parameters, boolean v1PerKg,
      double molarMassGPerMol, double ke0PerMinute, double saltToBase) {
    this.name = Objects.requireNonNull(name, "name");
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.v1PerKg = v1PerKg;
    if (!(molarMassGPerMol > 0) || Double.isInfinite(molarMassGPerMol)) {
      throw new IllegalArgumentException(
          "molar mass must be finite and > 0, was " + molarMassGPerMol);
    }
    if (!Double.isNaN(ke0PerMinute) && (!(ke0PerMinute > 0) || Double.isInfinite(ke0PerMinute))) {
      throw new IllegalArgumentException(
          "ke0 must be NaN (none) or finite and > 0, was " + ke0PerMinute);
    }
    if (!(saltToBase > 0) || saltToBase > 1) {
      throw new IllegalArgumentException("saltToBase must be in (0, 1], was " + saltToBase);
    }
    this.molarMassGPerMol = molarMassGPerMol;
    this.ke0PerMinute = ke0PerMinute;
    this.saltToBase = saltToBase;
  }

  /**
   * A compartment model given by its typical parameters, without effect site, doses given as
   * free base: what a drug registered from outside these presets (a {@link DrugProvider}) needs.
   */
  public static PkModel of(String name, CompartmentParameters parameters, boolean v1PerKg, double molarMassGPerMol) {
    return new PkModel(name, parameters, v1PerKg, molarMassGPerMol, Double.NaN, 1.0);
  }

  /**
   * Ketamine, two compartments, Clements & Nimmo 1981 (Br J Anaesth 53:27-30): V1 = 1.7522 L/kg,
   * k10 = 0.0109, k12 = 0.0186, k21 = 0.0137 per min. [unverified: values as coded in a public
   * TCI library, not checked against the paper; docs/MODEL.md section 3.] No ke0. For 70 kg, 0.5 mg/kg
   * over 40 min peaks at 177 ng/mL at 40 min; Zarate 2006 measured 185 ng/mL.
   */
  public static PkModel ketamineClements() {
    return new PkModel("ketamine-clements-1981",
        new CompartmentParameters(1.7522, 0.0109, 0.0186, 0.0137, 0, 0),
        true, KETAMINE_G_PER_MOL, Double.NaN, 1.0);
  }

  /**
   * Ketamine, three compartments, Domino et al. 1984 (Clin Pharmacol Ther 36:645-653):
   * V1 = 0.063 L/kg, k10 = 0.4381, k12 = 0.5921, k13 = 0.590, k21 = 0.247, k31 = 0.0146 per min.
   * [unverified: values as coded in a public TCI library; docs/MODEL.md section 3.] No ke0.
   */
  public static PkModel ketamineDomino() {
    return new PkModel("ketamine-domino-1984",
        new CompartmentParameters(0.063, 0.4381, 0.5921, 0.247, 0.590, 0.0146),
        true, KETAMINE_G_PER_MOL, Double.NaN, 1.0);
  }

  /**
   * Midazolam, three compartments, Albrecht et al. 1999 (Clin Pharmacol Ther 65:630-639), age
   * below 65: V1 = 7.9 L (absolute), CL = 0.399 L/min (k10 = CL / V1), k12 = 0.19, k13 = 0.065,
   * k21 = 0.06, k31 = 0.0083 per min, ke0 = 0.11 per min. [unverified: values as coded in a
   * public TCI library; docs/MODEL.md section 3.] Note its terminal half-life is 3.8 h, longer than
   * the 2.3-2.9 h reported by Allonen 1981 and Heizmann 1983.
   */
  public static PkModel midazolamAlbrecht() {
    return new PkModel("midazolam-albrecht-1999",
        new CompartmentParameters(7.9, 0.399 / 7.9, 0.19, 0.06, 0.065, 0.0083),
        false, MIDAZOLAM_G_PER_MOL, 0.11, 1.0);
  }

  /** Short identifier of the model, e.g. {@code ketamine-clements-1981}. */
  public String name() {
    return name;
  }

  /** Typical parameters; {@code v1Liters} is in L/kg when {@link #v1PerKg()}. */
  public CompartmentParameters parameters() {
    return parameters;
  }

  /** Whether V1 is per kg body weight. */
  public boolean v1PerKg() {
    return v1PerKg;
  }

  public double molarMassGPerMol() {
    return molarMassGPerMol;
  }

  /** Effect-site equilibration rate constant, 1/min; NaN when the model has none. */
  public double ke0PerMinute() {
    return ke0PerMinute;
  }

  public boolean hasEffectSite() {
    return !Double.isNaN(ke0PerMinute);
  }

  /**
   * Factor converting a dose amount to mg of free base (1.0: doses are given as base). Default
   * 1.0 for all presets: the docs/MODEL.md anchor (about 177 ng/mL for Clements) treats 0.5 mg/kg as
   * base; for ketamine hydrochloride doses use 237.7 / 274.2 = 0.867.
   */
  public double saltToBase() {
    return saltToBase;
  }

  /** Absolute parameters for a patient of {@code weightKg} (V1 times weight when per kg). */
  public CompartmentParameters forWeight(double weightKg) {
    if (!(weightKg > 0) || Double.isInfinite(weightKg)) {
      throw new IllegalArgumentException("weightKg must be finite and > 0, was " + weightKg);
    }
    if (!v1PerKg) {
      return parameters;
    }
    CompartmentParameters p = parameters;
    return new CompartmentParameters(
        p.v1Liters() * weightKg, p.k10(), p.k12(), p.k21(), p.k13(), p.k31());
  }

  /**
   * Profile of the typical patient of {@code weightKg}; doses converted by
   * {@link #saltToBase()}.
   */
  public ConcentrationProfile profile(double weightKg, DosingRegimen regimen) {
    return profile(forWeight(weightKg), regimen);
  }

  /**
   * Profile for an individual's absolute parameters, e.g.
   * {@code forWeight(w).withVariability(...)}; doses converted by {@link #saltToBase()}.
   */
  public ConcentrationProfile profile(CompartmentParameters individual, DosingRegimen regimen) {
    return ConcentrationProfile.of(
        individual, saltToBase == 1.0 ? regimen : regimen.scaled(saltToBase));
  }

  public PkModel withName(String newName) {
    return new PkModel(newName, parameters, v1PerKg, molarMassGPerMol, ke0PerMinute, saltToBase);
  }

  /** Same model with other typical parameters, V1 still per kg or not as before. */
  public PkModel withParameters(CompartmentParameters newParameters) {
    return withParameters(newParameters, v1PerKg);
  }

  public PkModel withParameters(CompartmentParameters newParameters, boolean newV1PerKg) {
    return new PkModel(name, newParameters, newV1PerKg, molarMassGPerMol, ke0PerMinute, saltToBase);
  }

  public PkModel withMolarMass(double gPerMol) {
    return new PkModel(name, parameters, v1PerKg, gPerMol, ke0PerMinute, saltToBase);
  }

  /** Same model with effect-site rate {@code perMinute} (NaN: none). */
  public PkModel withKe0(double perMinute) {
    return new PkModel(name, parameters, v1PerKg, molarMassGPerMol, perMinute, saltToBase);
  }

  public PkModel withSaltToBase(double factor) {
    return new PkModel(name, parameters, v1PerKg, molarMassGPerMol, ke0PerMinute, factor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PkModel m
        && name.equals(m.name)
        && parameters.equals(m.parameters)
        && v1PerKg == m.v1PerKg
        && Double.compare(molarMassGPerMol, m.molarMassGPerMol) == 0
        && Double.compare(ke0PerMinute, m.ke0PerMinute) == 0
        && Double.compare(saltToBase, m.saltToBase) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, parameters, v1PerKg, molarMassGPerMol, ke0PerMinute, saltToBase);
  }

  @Override
  public String toString() {
    return "PkModel[" + name + ", " + parameters + (v1PerKg ? " (V1 per kg)" : "")
        + ", molarMass=" + molarMassGPerMol + " g/mol, ke0=" + ke0PerMinute
        + "/min, saltToBase=" + saltToBase + "]";
  }
}

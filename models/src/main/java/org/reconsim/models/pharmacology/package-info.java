/**
 * Pharmacokinetics of the trial drugs and what the concentration does at the receptor.
 *
 * <p>Linear mammillary compartment models (one central compartment exchanging with up to two
 * peripheral ones, elimination from the central one) are solved in closed form for any
 * superposition of boluses and zero-order infusions ({@link ConcentrationProfile}); an ODE
 * integration is only the test oracle (docs/MODEL.md section 3). Time is in minutes here, amounts in
 * mg, volumes in litres, concentrations in mg/L (= ug/mL) or ng/mL.
 *
 * <p>Drugs and PK models are open families, as mechanisms are: {@link DrugRegistry} holds the
 * drugs an arm can give (each with its default PK model, NMDA flag and {@link NonspecificEffect}),
 * {@link PkModelRegistry} the named literature models; a {@link DrugProvider} or
 * {@link PkModelProvider} listed in META-INF/services adds to them.
 */
package org.reconsim.models.pharmacology;

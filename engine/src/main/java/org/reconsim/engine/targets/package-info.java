/**
 * Target files: a published trial's results in machine-readable form (docs/TARGETS.md), so that
 * simulated trials can be confronted with them.
 *
 * <p>A target file is an input file like a scenario, bound by the scenario machinery (the same
 * {@code @Spec} records, binder, line numbers and one-line problems), and it names the scenario it
 * belongs to, whose arm names it is checked against. It lives in the engine, beside the scenario
 * package, because both are read there and because the results module, which will compare
 * simulated estimates with these findings, may depend on the engine but not the other way round.
 */
package org.reconsim.engine.targets;

/**
 * The latent-cause model of memory modification (Gershman, Monfils, Norman & Niv 2017, eLife
 * 6:e23763; docs/MODEL.md section 2b), "local MAP" version: Rescorla-Wagner learning per latent
 * cause, with trials assigned to causes by a distance-dependent Chinese restaurant process prior
 * and Gaussian likelihoods.
 *
 * <p>Whether extinction modifies the original fear memory or writes a new one is decided by
 * structure learning: a trial assigned to the acquisition cause updates its weights (the memory
 * is modified), a trial assigned to a new cause leaves them intact, so that fear can return
 * when the old cause becomes probable again (spontaneous recovery). Time is in model units here
 * (the paper's protocol as the intervals its code adds after a block's last trial:
 * acquisition-retrieval 20, retrieval-extinction 3 or 100, extinction-test 200; trial onsets
 * are one unit further apart); the simulator maps hours to units with two scenario parameters.
 */
package org.reconsim.models.memory.latentcause;

/**
 * Finite-sum monotone inclusions {@code 0 ∈ F(x) + G(x)} with {@code F = (1/n) Σ F_i}: operators
 * with counted component evaluations, resolvents of {@code G} (projections and proximal maps),
 * deterministic Halpern iteration, the variance-reduced Halpern methods of Cai, Alacaoglu and
 * Diakonikolas (ICLR 2024), the extragradient baselines (EG, anchored EG, loopless VR-EG), the
 * single-call extragradient methods of Hsieh, Iutzeler, Malick and Mertikopoulos (NeurIPS 2019:
 * Popov's past extragradient, optimistic gradient, and their stochastic version), and standard test
 * problems.
 *
 * <p>Every solver stops by a {@link dev.fathom.core.StoppingRule} (its budget in epochs), accepts a
 * {@link dev.fathom.core.IterationListener} that may cancel, and returns an {@link
 * dev.fathom.monotone.InclusionResult} with the last iterate, the residual history against oracle
 * calls (epochs) and a {@link dev.fathom.core.Status}. The residual is computable: the natural-map
 * residual {@code ‖x − J_G(x − F(x))‖}, which is {@code ‖F(x)‖} when {@code G = 0}. Randomized
 * solvers take a seed or a {@link java.util.random.RandomGenerator}. Solvers are not thread-safe;
 * run one per thread.
 */
package dev.fathom.monotone;

/**
 * Diagonal state-space models (S4, S4D, S4-PTD, S5, Mamba) in double precision.
 *
 * <p>Layout of the package:
 *
 * <ul>
 *   <li>{@link Hippo}: the HiPPO transition matrices (LegS, LegT, LagT, FouT) and their
 *       normal-plus-low-rank forms {@link Nplr}, with reconstruction diagnostics.
 *   <li>{@link DiagonalSsm}: H channels of diagonal continuous systems stored as complex modes
 *       (interleaved {@code double[]}); {@link S4dInit} builds the S4D inits, C and the timescales;
 *       {@link Discretization} maps them to a {@link DiscreteSsm}; {@link ModeParameterization}
 *       stores the modes as trainable parameters (exp, relu, sigmoid, softplus or no transform).
 *   <li>Kernels: {@link VandermondeKernel} (factored product, O(N+L) memory), {@link DssKernel}
 *       (DSS softmax), {@link CauchyKernel} (S4's DPLR kernel with the Woodbury correction), {@link
 *       DenseSsm} (dense discretization and the Krylov ground truth).
 *   <li>Sequence maps: {@link SsmConvolution} (causal, batched and bidirectional FFT convolution),
 *       {@link Recurrence} (step mode and state forwarding), {@link DplrStep} (S4's DPLR step),
 *       {@link MimoSsm} (an S5 layer), {@link ParallelScan} (chunked associative scan) and {@link
 *       SelectiveScan} (Mamba) with its chunked Mamba-2 form {@link StateSpaceDuality}.
 *   <li>{@link Diagonalization} and {@link PtdOptimizer}: eigendecompositions with their condition
 *       number and backward error, naive and perturb-then-diagonalize (S4-PTD).
 * </ul>
 *
 * <p>Conventions (as in the reference implementations): the recurrence is {@code x_k = Abar x_{k-1}
 * + Bbar u_k}, {@code y_k = C x_k + D u_k}, {@code x_{-1} = 0}; the kernel is {@code K_l = C Abar^l
 * Bbar}; a real system with conjugate eigenvalue pairs is stored as N/2 complex modes and every
 * output is {@code 2 Re(...)} of the half sum.
 *
 * <p>API conventions (those of {@code dev.fathom.core}): systems with several arrays are built by
 * name ({@code DiagonalSsm.builder}, {@code DiscreteSsm.builder}, {@code MimoSsm.builder}, {@code
 * DplrStep.builder}); randomized routines take a {@code long seed} or a {@link
 * java.util.random.RandomGenerator} as their last argument; batched arrays are flat {@code (batch,
 * channel, time)} with time innermost, and arrays without a time axis {@code (channel, mode)} with
 * the mode innermost (see {@link SelectiveScan} for its shapes); an outcome is a {@link
 * dev.fathom.core.Status} ({@link Diagonalization#status()}).
 */
package dev.fathom.ssm;

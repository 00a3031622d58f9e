/**
 * Self-tuning linear solvers: SOR, SSOR, CG and SSOR-preconditioned CG on sparse matrices, and
 * bandit tuning of the relaxation parameter across a sequence of systems.
 *
 * <p>The solvers work on a {@link dev.fathom.relax.CsrMatrix}, a row-compressed copy of an EJML
 * {@link org.ejml.data.DMatrixSparseCSC} (SOR sweeps need rows), or matrix-free on a {@link
 * dev.fathom.relax.LinearOperator} (CG). They stop by a {@link dev.fathom.core.StoppingRule} read
 * on {@code ||b - A x||}, its relative tolerance against {@code ||b - A x0||} ({@link
 * dev.fathom.relax.ResidualReference} turns it to {@code ||b||}), accept a {@link
 * dev.fathom.core.IterationListener} that may cancel, and return a {@link
 * dev.fathom.relax.SolveResult} (a {@link dev.fathom.core.IterativeResult}) with the iteration
 * count, the residual history and a {@link dev.fathom.core.Status}.
 *
 * <p>Tuning follows Khodak, Chow, Balcan and Talwalkar, "Learning to Relax" (ICLR 2024): a sequence
 * of systems ({@link dev.fathom.relax.ShiftedLaplacians}, {@link dev.fathom.relax.HeatEquation}) is
 * solved one by one, and an {@link dev.fathom.relax.OmegaPolicy} picks the relaxation parameter for
 * each, learning only from the iteration counts: {@link dev.fathom.relax.TsallisInf} over a grid of
 * values, its binned contextual variant {@link dev.fathom.relax.BinnedTsallisInf}, and the
 * Chebyshev-regression contextual bandit {@link dev.fathom.relax.ChebCb}. {@link
 * dev.fathom.relax.OptimalOmega} gives the classical asymptotically optimal value from the Jacobi
 * spectral radius as a reference.
 *
 * <p>Solver methods are static and thread-safe; policies and sequences hold state and are not.
 */
package dev.fathom.relax;

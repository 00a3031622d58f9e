/**
 * Submodular maximization: the abstractions shared by its sub-packages.
 *
 * <ul>
 *   <li>{@link dev.fathom.submodular.SetFunction}: a set function over int ids with incremental
 *       state, whose gains and evaluations count on an {@link dev.fathom.submodular.OracleCounter}
 *       shared with its copies; {@link dev.fathom.submodular.KSetFunction} for k disjoint sets;
 *       {@link dev.fathom.submodular.Selection}, what a maximizer returns.
 *   <li>{@link dev.fathom.submodular.function}: the set functions (facility location, coverage,
 *       graph cut, log-determinant, feature-based, mixtures, the entropy rate of a Markov chain).
 *   <li>{@link dev.fathom.submodular.similarity}: the similarity storages behind facility location
 *       (dense double or float, row-blocked, sparse) and their builders from points (dense squared
 *       Euclidean, exact k-nearest-neighbour graphs).
 *   <li>{@link dev.fathom.submodular.constraint}: cardinality, knapsack and matroid constraints.
 *   <li>{@link dev.fathom.submodular.optimize}: the greedy family, distorted greedy, non-monotone
 *       greedy variants, k-submodular greedy and cost allocation.
 *   <li>{@link dev.fathom.submodular.streaming}: sieve streaming (adaptive or sieve-streaming++
 *       rule).
 *   <li>{@link dev.fathom.submodular.dynamic}: fully dynamic maximization under insertions and
 *       deletions.
 * </ul>
 *
 * <p>Conventions: elements are int ids {@code 0..n-1}; point sets are {@code double[][]} rows (one
 * array per point), as everywhere in Fathom; a randomized routine takes a {@code long seed} or a
 * {@link java.util.random.RandomGenerator} as its last argument (same draws for {@code seed} and
 * {@code Rng.create(seed)}). Set functions and algorithm objects hold mutable state and are not
 * thread-safe; similarity storages and constraints are immutable.
 */
package dev.fathom.submodular;

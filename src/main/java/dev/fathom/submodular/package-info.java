/**
 * Submodular maximization: set functions over int ids with incremental state and oracle-call
 * counting ({@link dev.fathom.submodular.SetFunction}), constraints (cardinality, matroids,
 * knapsack), the greedy family ({@link dev.fathom.submodular.Greedy}), non-monotone greedy
 * variants, sieve-streaming++ and fully dynamic algorithms under insertions and deletions.
 *
 * <p>Set functions and algorithm objects hold mutable state and are not thread-safe.
 */
package dev.fathom.submodular;

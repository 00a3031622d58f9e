/**
 * Down-closed constraints for maximization: {@link
 * dev.fathom.submodular.constraint.Constraint#cardinality(int) cardinality}, {@link
 * dev.fathom.submodular.constraint.Knapsack knapsack}, and {@link
 * dev.fathom.submodular.constraint.Matroid matroids} (uniform, {@link
 * dev.fathom.submodular.constraint.PartitionMatroid partition}, or any independence oracle).
 * Constraints are immutable; their trackers are not thread-safe.
 */
package dev.fathom.submodular.constraint;

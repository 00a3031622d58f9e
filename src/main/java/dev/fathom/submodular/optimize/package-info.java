/**
 * Offline maximization: the {@link dev.fathom.submodular.optimize.Greedy greedy family} (naive,
 * lazy, stochastic, threshold, cost-benefit, modular) under any constraint, {@link
 * dev.fathom.submodular.optimize.DistortedGreedy distorted greedy} for submodular minus modular,
 * {@link dev.fathom.submodular.optimize.NonMonotone non-monotone} random and double greedy, {@link
 * dev.fathom.submodular.optimize.KSubmodularGreedy k-submodular greedy}, and the experimental
 * {@link dev.fathom.submodular.optimize.CostAllocation cost allocation}. Each returns a result
 * record with the oracle calls it spent; randomized ones take a {@code long seed} or a {@link
 * java.util.random.RandomGenerator} last.
 */
package dev.fathom.submodular.optimize;

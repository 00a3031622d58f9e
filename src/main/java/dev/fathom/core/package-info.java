/**
 * The shared vocabulary of every Fathom package: how a run ends ({@link dev.fathom.core.Status}),
 * when it stops ({@link dev.fathom.core.StoppingRule}), what it reports ({@link
 * dev.fathom.core.IterativeResult}), how to watch and cancel it ({@link
 * dev.fathom.core.IterationListener}, {@link dev.fathom.core.Progress}), reproducible randomness
 * ({@link dev.fathom.core.Rng}) and argument checks whose messages name the parameter, its value
 * and what was expected ({@link dev.fathom.core.Args}).
 *
 * <p>Conventions every package follows: a randomized routine takes its randomness as its last
 * argument, as a {@code long seed} or a {@link java.util.random.RandomGenerator} (two overloads,
 * same draws for {@code seed} and {@code Rng.create(seed)}); an object that draws over its life
 * takes it last in its constructor or builder. Point sets are {@code double[][]} rows (one array
 * per point); matrices that act as linear operators are EJML types. Batched arrays are flat,
 * row-major, batch outermost and the sequence (time) index innermost: {@code (batch, channel,
 * time)}.
 */
package dev.fathom.core;

package dev.fathom.bench.hadamard;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link WalshHadamardBenchmark} in a JVM started with {@code --add-modules jdk.incubator.vector},
 * so that {@code fathom} and {@code fathomFloat} run the optional SIMD kernels (the setup fails if
 * either was not selected). The baselines {@code tripleLoop} and {@code tripleLoopFloat} are the
 * same textbook loops, measured again in this fork; compare with {@link WalshHadamardBenchmark} for
 * SIMD against scalar.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class WalshHadamardSimdBenchmark extends WalshHadamardBenchmark {
  @Override
  protected boolean simdExpected() {
    return true;
  }
}

package dev.fathom.bench.hadamard;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link WalshHadamardFloatBenchmark} in a JVM started with {@code --add-modules
 * jdk.incubator.vector}, so that {@code fathom} runs the optional SIMD float kernel (the setup
 * fails if it was not selected). The baseline {@code tripleLoop} is the same textbook float loop,
 * measured again in this fork.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class WalshHadamardFloatSimdBenchmark extends WalshHadamardFloatBenchmark {
  @Override
  protected boolean simdExpected() {
    return true;
  }
}

package dev.fathom.bench.hadamard;

import dev.fathom.hadamard.WalshHadamard;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link WalshHadamardBenchmark} in a JVM started with {@code --add-modules jdk.incubator.vector},
 * so that {@code fathom} runs the optional SIMD kernel (and {@code fathomFloat} the float one; see
 * {@link WalshHadamardFloatBenchmark} for the float comparison). The baseline {@code tripleLoop} is
 * the same textbook loop; compare with {@code fathom} of {@link WalshHadamardBenchmark} for SIMD
 * against scalar.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class WalshHadamardSimdBenchmark extends WalshHadamardBenchmark {
  /** Fails the run if the SIMD kernel was not selected. */
  @Setup(Level.Trial)
  public void requireSimd() {
    if (!WalshHadamard.simdAvailable()) {
      throw new IllegalStateException("SIMD kernel not selected: jdk.incubator.vector missing?");
    }
  }
}

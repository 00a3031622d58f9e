package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The background selection and warm-up of the SIMD kernels ({@code fathom.simd.warmup}). The test
 * JVM itself runs with {@code warmup=none}; the default (background) mode is checked in fresh JVMs
 * running {@link SimdWarmUpProbe}.
 */
class SimdWarmUpTest {
  /** Whether this JDK has the vector module (the probes add it to their JVM themselves). */
  private static boolean jdkHasModule() {
    return ModuleFinder.ofSystem().find(Simd.VECTOR_MODULE).isPresent();
  }

  @Test
  void propertyValues() {
    assertTrue(Simd.background(null));
    assertTrue(Simd.background("background"));
    assertTrue(Simd.background("BACKGROUND"));
    assertFalse(Simd.background("none"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Simd.background("later"));
    assertTrue(e.getMessage().contains("fathom.simd.warmup"), e.getMessage());
    assertTrue(e.getMessage().contains("\"later\""), e.getMessage());
    assertTrue(e.getMessage().contains("background"), e.getMessage());
  }

  @Test
  void warmUpStopsOnItsBudgetOrWhenTimesSettle() {
    assertEquals(0, Simd.warmUp(Simd.kernel(), Simd.floatKernel(), 0L), "no budget, no round");
    // Without kernels a round does nothing: the times settle at once, so the rule stops after its
    // minimum of 16 rounds plus at most a few improvements, long before the budget.
    int rounds = Simd.warmUp(null, null, TimeUnit.SECONDS.toNanos(30));
    assertTrue(rounds >= 16 && rounds < 10_000, "rounds " + rounds);
  }

  @Test
  void warmUpLeavesTheKernelsCorrect() {
    SimdKernel<double[]> d = Simd.selectDouble(true, true, Simd.VECTOR_CLASS);
    SimdKernel<float[]> f = Simd.selectFloat(true, true, Simd.FLOAT_VECTOR_CLASS);
    int rounds = Simd.warmUp(d, f, TimeUnit.MILLISECONDS.toNanos(200));
    assertTrue(rounds >= 1, "rounds " + rounds);
    double[] x = new double[1 << 12];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i * 31) % 17 - 8;
    }
    double[] ref = x.clone();
    Reference.tripleLoop(ref);
    DoubleKernel.transform(x, 0, 12, 1.0, false, DoubleKernel.GROUP_MAX, DoubleKernel.TILE_LOG2, d);
    assertArrayEquals(ref, x, 0.0);
  }

  @Test
  void backgroundModeStartsScalarSwitchesAndKeepsResultsBitwise() throws Exception {
    String line = probe(true, null);
    boolean simd = jdkHasModule();
    assertTrue(line.contains("kernelAtStart=false"), line);
    assertTrue(line.contains("simd=" + simd), line);
    assertTrue(line.contains("published=" + simd), line);
    assertTrue(line.contains("mismatches=0"), line);
  }

  @Test
  void noneModeUsesTheKernelFromTheFirstTransform() throws Exception {
    String line = probe(true, "none");
    boolean simd = jdkHasModule();
    assertTrue(line.contains("kernelAtStart=" + simd), line);
    assertTrue(line.contains("simd=" + simd), line);
    assertTrue(line.contains("mismatches=0"), line);
  }

  @Test
  void withoutHardwareFmaTheKernelsKeepProductAndSumAndTheResults() throws Exception {
    // -XX:-UseFMA: the in-register butterflies take the product and the sum instead of one fused
    // multiply-add; both must give the scalar kernel's results bitwise.
    String line = probe(true, null, "-XX:-UseFMA");
    boolean simd = jdkHasModule();
    assertTrue(line.contains("simd=" + simd), line);
    assertTrue(line.contains("mismatches=0"), line);
    assertTrue(!simd || line.contains("fma=false"), line);
    assertTrue(!simd || probe(true, null, "-XX:+UseFMA").contains("fma=true"), line);
  }

  @Test
  void withoutTheModuleNothingStarts() throws Exception {
    String line = probe(false, null);
    assertTrue(line.contains("kernelAtStart=false"), line);
    assertTrue(line.contains("simd=false lanes=1 published=false"), line);
    assertTrue(line.contains("mismatches=0"), line);
  }

  @Test
  void aBadPropertyValueFailsLoudly() throws Exception {
    String line = probe(true, "later");
    assertTrue(line.contains("fathom.simd.warmup"), line);
  }

  /** Runs the probe in a fresh JVM and returns its last output line (or its error output). */
  private static String probe(boolean module, String warmup, String... jvmFlags)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmFlags));
    if (module) {
      cmd.add("--add-modules");
      cmd.add(Simd.VECTOR_MODULE);
    }
    if (warmup != null) {
      cmd.add("-D" + Simd.WARMUP_PROPERTY + "=" + warmup);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(SimdWarmUpProbe.class.getName());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = read(p.getInputStream());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe finished");
    String[] lines = out.strip().split("\n");
    return p.exitValue() == 0 ? lines[lines.length - 1] : out;
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toString(StandardCharsets.UTF_8);
  }
}

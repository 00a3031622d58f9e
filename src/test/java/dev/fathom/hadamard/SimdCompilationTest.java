package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The SIMD kernels' methods must be compilable by C1, HotSpot's first-tier compiler: a method it
 * gives up on ("COMPILE SKIPPED", for example "out of virtual registers in linear scan" for a loop
 * body that inlines too many vector operations) runs in the interpreter, where every vector
 * operation allocates, until C2 compiles it, about 25x slower. C1's worst case is tier 3 (with
 * profiling) and no fused multiply-add (each in-register butterfly is then a product and a sum).
 * The check reads the compilation log of a fresh JVM ({@code -XX:+PrintCompilation}) that stops at
 * tier 3 and compiles in the foreground ({@code -Xbatch}); no timing is involved.
 */
class SimdCompilationTest {
  @Test
  void c1CompilesEveryKernelMethodWithoutFma() throws Exception {
    Assumptions.assumeTrue(
        ModuleFinder.ofSystem().find(Simd.VECTOR_MODULE).isPresent(), "no vector module");
    String log = run("-XX:TieredStopAtLevel=3", "-XX:-UseFMA");
    List<String> kernelLines =
        log.lines().filter(l -> l.contains("dev.fathom.hadamard.")).collect(Collectors.toList());
    List<String> skipped =
        kernelLines.stream()
            .filter(l -> l.contains("COMPILE SKIPPED"))
            .collect(Collectors.toList());
    assertEquals(List.of(), skipped, "C1 bailouts");
    // The log must show the kernels compiled, or the check above proves nothing.
    for (String kernel : List.of("hadamard.VectorKernel::", "hadamard.FloatVectorKernel::")) {
      assertTrue(kernelLines.stream().anyMatch(l -> l.contains(kernel)), kernel + " in\n" + log);
    }
    String last = log.strip().lines().reduce((a, b) -> b).orElse("");
    assertEquals("simd=true mismatches=0", last, log);
  }

  /** The probe's output, compilation log included, in a fresh JVM with the vector module. */
  private static String run(String... jvmFlags) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmFlags));
    cmd.addAll(
        List.of(
            "-Xbatch",
            "-XX:+PrintCompilation",
            "--add-modules",
            Simd.VECTOR_MODULE,
            "-D" + Simd.WARMUP_PROPERTY + "=none",
            "-cp",
            System.getProperty("java.class.path"),
            SimdCompilationProbe.class.getName(),
            "300"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "probe finished");
    String log = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), log);
    return log;
  }
}

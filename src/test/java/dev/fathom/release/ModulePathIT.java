package dev.fathom.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the packaged jar (run by failsafe after {@code package}): it holds the library only, and
 * an application module that {@code requires dev.fathom} compiles and runs on the module path with
 * the runtime dependencies, the SIMD kernel included when the incubator module is added.
 */
class ModulePathIT {

  private static Path jar() {
    Path jar = Paths.get(System.getProperty("fathom.jar", ""));
    assertTrue(Files.isRegularFile(jar), "fathom.jar must name the packaged jar: " + jar);
    return jar;
  }

  private static String modulePath() throws IOException {
    String deps =
        Files.readString(Paths.get(System.getProperty("fathom.runtimeClasspath", ""))).trim();
    assertFalse(deps.isEmpty(), "the runtime classpath file is empty");
    return jar() + File.pathSeparator + deps;
  }

  @Test
  void jarHoldsTheLibraryOnly() throws IOException {
    try (JarFile jar = new JarFile(jar().toFile())) {
      assertEquals(
          "dev.fathom", jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
      List<String> strays = new ArrayList<>();
      jar.stream()
          .map(e -> e.getName())
          .filter(n -> n.startsWith("dev/fathom/tour/") || n.startsWith("META-INF/jpms"))
          .forEach(strays::add);
      assertEquals(List.of(), strays);
      assertTrue(jar.getEntry("dev/fathom/hadamard/WalshHadamard.class") != null);
      assertTrue(jar.getEntry("dev/fathom/hadamard/VectorKernel.class") != null);
    }
  }

  @Test
  void applicationModuleRunsOnTheModulePath(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    Path pkg = src.resolve("fathom/check");
    Files.createDirectories(pkg);
    Files.writeString(
        src.resolve("module-info.java"), "module fathom.check { requires dev.fathom; }\n");
    Files.writeString(
        pkg.resolve("Main.java"),
        String.join(
            "\n",
            "package fathom.check;",
            "import dev.fathom.hadamard.Normalization;",
            "import dev.fathom.hadamard.WalshHadamard;",
            "import dev.fathom.linalg.Convolution;",
            "import dev.fathom.ssm.Hippo;",
            "public final class Main {",
            "  public static void main(String[] args) {",
            "    double[] x = {1, 0, 0, 0, 0, 0, 0, 0};",
            "    WalshHadamard.transform(x, Normalization.UNNORMALIZED);",
            "    double[] c = Convolution.fft(new double[] {1, 2}, new double[] {3, 4});",
            "    org.ejml.data.DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, 4);",
            "    System.out.println(\"module=\" + WalshHadamard.class.getModule().getName()",
            "        + \" wht=\" + x[7] + \" conv=\" + Math.round(c[1]) + \" hippo=\" + a.numRows",
            "        + \" simd=\" + WalshHadamard.simdAvailable());",
            "  }",
            "}",
            ""));
    Path classes = dir.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "--module-path",
            modulePath(),
            "-d",
            classes.toString(),
            src.resolve("module-info.java").toString(),
            pkg.resolve("Main.java").toString());
    assertEquals(0, rc, "javac of the application module");

    assertEquals("module=dev.fathom wht=1.0 conv=10 hippo=4 simd=false", run(classes, false));
    assertEquals("module=dev.fathom wht=1.0 conv=10 hippo=4 simd=true", run(classes, true));
  }

  private static String run(Path classes, boolean vector) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    if (vector) {
      cmd.add("--add-modules");
      cmd.add("jdk.incubator.vector");
    }
    cmd.add("--module-path");
    cmd.add(classes + File.pathSeparator + modulePath());
    cmd.add("--module");
    cmd.add("fathom.check/fathom.check.Main");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the application did not finish");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    String[] lines = out.strip().split("\\R");
    return lines[lines.length - 1];
  }
}

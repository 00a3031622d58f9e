package dev.fathom.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The 1.0 API rules that hold across packages, checked on the sources and the compiled classes:
 * every public type says since when it exists, no two packages export one simple name, and no
 * public constructor takes more than four parameters or two adjacent parameters of one type
 * (builders or named factories instead).
 */
class ApiConventionsTest {
  private static final Path SOURCES = Paths.get("src/main/java");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^public\\s+(?:(?:abstract|final|sealed|non-sealed|strictfp)\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s+(\\w+)",
          Pattern.MULTILINE);

  /** Fully qualified names of the library's public top-level types, from the sources. */
  private static Map<String, String> publicTypes() throws IOException {
    Map<String, String> types = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        String text = Files.readString(f);
        Matcher m = PUBLIC_TYPE.matcher(text);
        if (m.find() && f.getFileName().toString().equals(m.group(1) + ".java")) {
          String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
          types.put(pkg + "." + m.group(1), text.substring(0, m.start()));
        }
      }
    }
    assertTrue(types.size() > 100, "found only " + types.size() + " public types");
    return types;
  }

  @Test
  void everyPublicTypeHasSince() throws IOException {
    List<String> missing = new ArrayList<>();
    publicTypes()
        .forEach(
            (name, head) -> {
              int doc = head.lastIndexOf("/**");
              if (doc < 0 || !head.substring(doc).contains("@since")) {
                missing.add(name);
              }
            });
    assertEquals(List.of(), missing);
  }

  @Test
  void noTwoPackagesExportOneSimpleName() throws IOException {
    Map<String, TreeSet<String>> bySimple = new TreeMap<>();
    for (String name : publicTypes().keySet()) {
      String simple = name.substring(name.lastIndexOf('.') + 1);
      bySimple.computeIfAbsent(simple, s -> new TreeSet<>()).add(name);
    }
    bySimple.values().removeIf(s -> s.size() == 1);
    assertEquals(Map.of(), bySimple);
  }

  /**
   * Records the library makes and returns: Java gives a public record a public canonical
   * constructor, but users read these, they do not build them. Turning each into a final class with
   * a package-private constructor (as hadamard and ssm did) would take them off this list.
   */
  private static final Set<String> RESULT_RECORDS =
      Set.of(
          "dev.fathom.coreset.AutoCoreset$Result",
          "dev.fathom.coreset.LewisWeights$Result",
          "dev.fathom.coreset.LpRegression$Result",
          "dev.fathom.submodular.optimize.CostAllocation$Allocation",
          "dev.fathom.submodular.optimize.KSubmodularGreedy$KSelection");

  /** Inputs still open to a swap, to be given builders or named factories. */
  private static final Set<String> OPEN = Set.of();

  @Test
  void publicConstructorsCannotBeCalledWithSwappedArguments() throws Exception {
    List<String> bad = new ArrayList<>();
    for (String name : publicTypes().keySet()) {
      if (!name.startsWith("dev.fathom.tour.")) {
        check(Class.forName(name), bad);
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void theExemptionsAreStillNeeded() throws Exception {
    for (String name : new TreeSet<>(union(RESULT_RECORDS, OPEN))) {
      Class<?> type = Class.forName(name);
      List<String> bad = new ArrayList<>();
      checkOne(type, bad);
      assertTrue(!bad.isEmpty(), name + " is exempt but has no such constructor any more");
      if (RESULT_RECORDS.contains(name)) {
        assertTrue(type.isRecord(), name);
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  private static void check(Class<?> type, List<String> bad) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return;
    }
    if (!RESULT_RECORDS.contains(type.getName()) && !OPEN.contains(type.getName())) {
      checkOne(type, bad);
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      check(nested, bad);
    }
  }

  private static void checkOne(Class<?> type, List<String> bad) {
    for (Constructor<?> c : type.getConstructors()) {
      Class<?>[] p = c.getParameterTypes();
      boolean adjacent = false;
      for (int i = 1; i < p.length; i++) {
        adjacent |= p[i] == p[i - 1];
      }
      if (p.length > 4 || adjacent) {
        bad.add(c.toString());
      }
    }
  }
}

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
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

  private static Map<String, String> publicTypes;

  /** Reads the sources once for all checks. */
  @BeforeAll
  static void scanSources() throws IOException {
    publicTypes = scan();
  }

  /**
   * Fully qualified names of the library's public top-level types, each with the source text before
   * its declaration.
   */
  private static Map<String, String> publicTypes() {
    return publicTypes;
  }

  private static Map<String, String> scan() throws IOException {
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

  /** A record's canonical constructor has the record's access: these two are public. */
  public record Wide(int a, long b, int c, long d, int e) {}

  /** Two adjacent arrays of one type. */
  public record Swappable(double[] rhs, double[] initialGuess) {}

  /** One of each. */
  public record Fine(double[] rhs, long seed, double[] initialGuess) {}

  @Test
  void theCheckFlagsWideAndSwappableConstructors() {
    List<String> bad = new ArrayList<>();
    checkOne(Wide.class, bad);
    checkOne(Swappable.class, bad);
    checkOne(Fine.class, bad);
    assertEquals(2, bad.size(), bad.toString());
    assertTrue(bad.get(0).contains("Wide") && bad.get(1).contains("Swappable"), bad.toString());
  }

  private static void check(Class<?> type, List<String> bad) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return;
    }
    checkOne(type, bad);
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

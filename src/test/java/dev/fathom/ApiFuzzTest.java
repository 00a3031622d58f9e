package dev.fathom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

/**
 * A reflection-driven fuzz of the whole public API: every public static method and public
 * constructor of every public class (except the tour) is called with valid-looking arguments in
 * which exactly one argument is made bad: null, an empty or shorter array, NaN, infinite, negative
 * or {@code 2^31-1} sizes, a tiny eps. Each call must return normally or throw {@link
 * IllegalArgumentException} / {@link NullPointerException} whose message names a parameter of the
 * method, within {@link #TIMEOUT_MS}. Anything else (another exception, an error, an unnamed
 * refusal, a timeout) is a bad outcome.
 *
 * <p>Arguments of library types are built by the library's own public static factories or
 * constructors whose parameters are simple (numbers, arrays, enums, generators), so the fuzz grows
 * with the API without a list of methods. {@link #KNOWN} lists the bad outcomes not fixed yet, each
 * with its reason; the test fails on any bad outcome not in that list and on any listed outcome
 * that no longer happens (so the list only shrinks).
 */
class ApiFuzzTest {
  /** The per-call time limit; every call here has inputs of size at most 8. */
  static final long TIMEOUT_MS = 3000;

  /**
   * Known bad outcomes, {@code "Class.method(Types)#parameter:mutation" -> reason}. Calls listed
   * with a reason starting "timeout" are not run (they would keep a thread busy).
   */
  static final Map<String, String> KNOWN = new LinkedHashMap<>();

  static {
    // SPRIGHT is sublinear: it reads only the entries it samples, so an up-front finite scan of x
    // would cost O(N). A non-finite sampled entry is refused as "f(m) = NaN" (the query, not x).
    for (String gen : new String[] {"RandomGenerator", "long"}) {
      for (String bad : new String[] {"NaN entry", "Inf entry"}) {
        KNOWN.put(
            "hadamard.SparseWalshHadamard.transform(double[],int," + gen + ")#x:" + bad,
            "sublinear: refused when sampled, named f(m)");
      }
    }
  }

  private static final int N = 4;

  @Test
  void everyPublicEntryPointRefusesBadInputByName() throws Exception {
    List<Executable> all = publicApi();
    Map<Class<?>, Object> baseline = new HashMap<>();
    List<String> bad = new ArrayList<>();
    Set<String> seenKnown = new TreeSet<>();
    int calls = 0;
    int skipped = 0;
    ExecutorService[] pool = {newPool()};
    for (Executable ex : all) {
      Object[] args = baselineArgs(ex, baseline);
      if (args == null) {
        skipped++;
        continue;
      }
      Parameter[] ps = ex.getParameters();
      for (int p = 0; p < ps.length; p++) {
        for (Map.Entry<String, Object> m : mutations(ps[p].getType(), args[p]).entrySet()) {
          String key = signature(ex) + "#" + ps[p].getName() + ":" + m.getKey();
          String known = KNOWN.get(key);
          if (known != null && known.startsWith("timeout")) {
            seenKnown.add(key);
            continue;
          }
          Object[] call = args.clone();
          call[p] = m.getValue();
          calls++;
          String outcome = run(ex, call, pool);
          if (outcome != null) {
            if (known != null) {
              seenKnown.add(key);
            } else {
              bad.add(key + " -> " + outcome);
            }
          }
        }
      }
    }
    pool[0].shutdownNow();
    List<String> fixed = new ArrayList<>();
    for (String k : KNOWN.keySet()) {
      if (!seenKnown.contains(k)) {
        fixed.add(k);
      }
    }
    System.out.printf(
        "API fuzz: %d executables (%d skipped: argument types without a factory), %d calls,"
            + " %d new bad outcomes, %d known%n",
        all.size(), skipped, calls, bad.size(), seenKnown.size());
    Files.write(Paths.get("target/api-fuzz-bad.txt"), bad);
    assertTrue(calls > 1000, "the fuzz made only " + calls + " calls");
    assertTrue(bad.isEmpty(), "new bad outcomes:\n" + String.join("\n", bad));
    assertTrue(
        fixed.isEmpty(), "listed as known but now fine, remove:\n" + String.join("\n", fixed));
  }

  // ---------------------------------------------------------------------------------------------
  // The API

  private static List<Executable> publicApi() throws IOException, ClassNotFoundException {
    Path root = Paths.get("target/classes");
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("dev/fathom"))) {
      files
          .map(f -> root.relativize(f).toString())
          .filter(f -> f.endsWith(".class") && !f.contains("package-info"))
          .filter(f -> !f.startsWith("dev/fathom/tour/"))
          // Args's first parameter is the name to report: its messages name the caller's parameter
          .filter(f -> !f.equals("dev/fathom/core/Args.class"))
          .forEach(f -> names.add(f.substring(0, f.length() - 6).replace('/', '.')));
    }
    names.sort(null);
    List<Executable> out = new ArrayList<>();
    for (String name : names) {
      if (name.matches(".*\\$\\d.*")) {
        continue; // anonymous and local classes
      }
      Class<?> c;
      try {
        c = Class.forName(name, false, ApiFuzzTest.class.getClassLoader());
      } catch (LinkageError e) {
        continue; // the optional SIMD kernel without its incubator module
      }
      if (!isPublic(c)) {
        continue;
      }
      List<Executable> mine = new ArrayList<>();
      for (Method m : c.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers())
            && Modifier.isStatic(m.getModifiers())
            && !m.isSynthetic()
            && m.getParameterCount() > 0
            && !m.getName().equals("main")
            && !m.getName().equals("valueOf")) {
          mine.add(m);
        }
      }
      if (!Modifier.isAbstract(c.getModifiers())) {
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (Modifier.isPublic(k.getModifiers()) && k.getParameterCount() > 0) {
            mine.add(k);
          }
        }
      }
      mine.sort(Comparator.comparing(ApiFuzzTest::signature));
      out.addAll(mine);
    }
    return out;
  }

  private static boolean isPublic(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  static String signature(Executable ex) {
    StringBuilder sb = new StringBuilder(ex.getDeclaringClass().getName().substring(11));
    sb.append('.').append(ex instanceof Constructor ? "<init>" : ex.getName()).append('(');
    Class<?>[] types = ex.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      sb.append(i > 0 ? "," : "").append(types[i].getSimpleName());
    }
    return sb.append(')').toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Calls and their outcomes

  private static ExecutorService newPool() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "api-fuzz");
          t.setDaemon(true);
          return t;
        });
  }

  /** Returns null for an acceptable outcome, else a description of the bad one. */
  private static String run(Executable ex, Object[] args, ExecutorService[] pool) {
    Future<?> f = pool[0].submit(() -> invoke(ex, args));
    try {
      f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return null;
    } catch (TimeoutException e) {
      f.cancel(true);
      pool[0].shutdownNow();
      pool[0] = newPool();
      return "timeout after " + TIMEOUT_MS + " ms";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      Throwable t = e.getCause();
      if (t instanceof InvocationTargetException) {
        t = t.getCause();
      }
      if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
        return namesParameter(ex, t.getMessage())
            ? null
            : t.getClass().getSimpleName() + " naming no parameter: " + t.getMessage();
      }
      return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
  }

  private static Object invoke(Executable ex, Object[] args) throws Exception {
    if (ex instanceof Method m) {
      return m.invoke(null, args);
    }
    return ((Constructor<?>) ex).newInstance(args);
  }

  /** Whether the subject of the message (before {@code " = "}) names a parameter as a word. */
  static boolean namesParameter(Executable ex, String message) {
    if (message == null) {
      return false;
    }
    int eq = message.indexOf(" = ");
    String subject = eq >= 0 ? message.substring(0, eq) : message;
    for (Parameter p : ex.getParameters()) {
      // case-insensitive: a matrix parameter a is named A in the docs and messages
      if (Pattern.compile(
              "(^|[^A-Za-z0-9_])" + p.getName() + "($|[^A-Za-z0-9_])", Pattern.CASE_INSENSITIVE)
          .matcher(subject)
          .find()) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Arguments

  private static Object[] baselineArgs(Executable ex, Map<Class<?>, Object> cache) {
    Class<?>[] types = ex.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = value(types[i], cache, 0);
      if (args[i] == null) {
        return null;
      }
    }
    return args;
  }

  /** A valid-looking value of the type, or null if none can be made. */
  static Object value(Class<?> t, Map<Class<?>, Object> cache, int depth) {
    Object simple = simpleValue(t);
    if (simple != null) {
      return simple;
    }
    if (cache.containsKey(t)) {
      return cache.get(t);
    }
    Object made = depth < 2 ? fromFactory(t, cache, depth) : null;
    if (depth == 0 || made != null) {
      cache.put(t, made);
    }
    return made;
  }

  private static Object simpleValue(Class<?> t) {
    if (t == int.class || t == Integer.class) {
      return N;
    }
    if (t == long.class || t == Long.class) {
      return 7L;
    }
    if (t == double.class || t == Double.class) {
      return 0.25;
    }
    if (t == float.class || t == Float.class) {
      return 0.25f;
    }
    if (t == boolean.class || t == Boolean.class) {
      return Boolean.FALSE;
    }
    if (t == String.class) {
      return "x";
    }
    if (t == double[].class) {
      return new double[] {0.5, -0.25, 1, 0.75};
    }
    if (t == float[].class) {
      return new float[] {0.5f, -0.25f, 1, 0.75f};
    }
    if (t == int[].class) {
      return new int[] {0, 1, 2, 3};
    }
    if (t == long[].class) {
      return new long[] {0, 1, 2, 3};
    }
    if (t == boolean[].class) {
      return new boolean[] {true, false, true, false};
    }
    if (t == double[][].class) {
      return new double[][] {{0, 0.5}, {1, 0.25}, {0.5, 1}, {0.75, 0}};
    }
    if (t == int[][].class) {
      return new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}};
    }
    if (t.isEnum()) {
      return t.getEnumConstants()[0];
    }
    if (t.isAssignableFrom(java.util.SplittableRandom.class)) {
      return Rng.create(1);
    }
    if (t == DMatrixRMaj.class) {
      DMatrixRMaj a = new DMatrixRMaj(N, N);
      for (int i = 0; i < N; i++) {
        a.set(i, i, 2);
        if (i > 0) {
          a.set(i, i - 1, -0.5);
          a.set(i - 1, i, -0.5);
        }
      }
      return a;
    }
    if (t == DMatrixSparseCSC.class) {
      DMatrixSparseCSC a = new DMatrixSparseCSC(N, N);
      for (int i = 0; i < N; i++) {
        a.set(i, i, 2);
      }
      return a;
    }
    return null;
  }

  /** Builds a library object by its first public static factory or constructor that works. */
  private static Object fromFactory(Class<?> t, Map<Class<?>, Object> cache, int depth) {
    if (!t.getName().startsWith("dev.fathom.")) {
      return null;
    }
    List<Executable> makers = new ArrayList<>();
    for (Method m : t.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && t.isAssignableFrom(m.getReturnType())) {
        makers.add(m);
      }
    }
    if (!Modifier.isAbstract(t.getModifiers())) {
      for (Constructor<?> k : t.getConstructors()) {
        makers.add(k);
      }
    }
    makers.sort(
        Comparator.comparingInt(Executable::getParameterCount)
            .thenComparing(ApiFuzzTest::signature));
    for (Executable ex : makers) {
      Class<?>[] types = ex.getParameterTypes();
      Object[] args = new Object[types.length];
      boolean ok = true;
      for (int i = 0; i < types.length && ok; i++) {
        args[i] = types[i] == t ? null : value(types[i], cache, depth + 1);
        ok = args[i] != null;
      }
      if (!ok) {
        continue;
      }
      try {
        Object v = invoke(ex, args);
        if (v != null) {
          return v;
        }
      } catch (Exception | StackOverflowError e) {
        // try the next factory
      }
    }
    return null;
  }

  /** The bad variants of one argument, by name. */
  static Map<String, Object> mutations(Class<?> t, Object good) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!t.isPrimitive()) {
      m.put("null", null);
    }
    if (t == int.class) {
      m.put("-1", -1);
      m.put("0", 0);
      m.put("2^31-1", Integer.MAX_VALUE);
    } else if (t == long.class) {
      m.put("-1", -1L);
      m.put("2^63-1", Long.MAX_VALUE);
    } else if (t == double.class) {
      m.put("NaN", Double.NaN);
      m.put("+Inf", Double.POSITIVE_INFINITY);
      m.put("-Inf", Double.NEGATIVE_INFINITY);
      m.put("-1", -1.0);
      m.put("1e-12", 1e-12);
    } else if (t == float.class) {
      m.put("NaN", Float.NaN);
      m.put("+Inf", Float.POSITIVE_INFINITY);
    } else if (t.isArray() && good != null) {
      int len = Array.getLength(good);
      m.put("empty", Array.newInstance(t.getComponentType(), 0));
      Object shorter = Array.newInstance(t.getComponentType(), len - 1);
      System.arraycopy(good, 0, shorter, 0, len - 1);
      m.put("shorter", shorter);
      if (t == double[].class) {
        double[] nan = ((double[]) good).clone();
        nan[1] = Double.NaN;
        m.put("NaN entry", nan);
        double[] inf = ((double[]) good).clone();
        inf[2] = Double.POSITIVE_INFINITY;
        m.put("Inf entry", inf);
      } else if (t == int[].class) {
        int[] neg = ((int[]) good).clone();
        neg[1] = -1;
        m.put("-1 entry", neg);
        int[] big = ((int[]) good).clone();
        big[2] = Integer.MAX_VALUE;
        m.put("2^31-1 entry", big);
      } else if (t == double[][].class) {
        double[][] rows = deepCopy((double[][]) good);
        rows[1][0] = Double.NaN;
        m.put("NaN entry", rows);
        double[][] ragged = deepCopy((double[][]) good);
        ragged[2] = new double[] {1};
        m.put("ragged", ragged);
        double[][] nullRow = deepCopy((double[][]) good);
        nullRow[3] = null;
        m.put("null row", nullRow);
      }
    }
    return m;
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}

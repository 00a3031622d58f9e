package dev.fathom.submodular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fathom.core.Rng;
import dev.fathom.submodular.dynamic.BanihashemDynamic;
import dev.fathom.submodular.dynamic.DynamicMaximizer;
import dev.fathom.submodular.dynamic.LattanziDynamic;
import dev.fathom.submodular.dynamic.UpdateStream;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.GraphCut;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.optimize.NonMonotone;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every randomized routine of the submodular packages: the {@code long seed} overload gives exactly
 * what the {@link RandomGenerator} overload gives with {@code Rng.create(seed)}, different seeds
 * give different draws, and a null generator is rejected by name.
 */
@SuppressWarnings("deprecation") // the superseded classes stay tested as baselines
class SubmodularRandomnessTest {
  private static final long SEED = 77;

  private static void assertSame(Selection a, Selection b) {
    assertArrayEquals(a.elements(), b.elements());
    assertEquals(a.value(), b.value(), 0.0);
    assertEquals(a.oracleCalls(), b.oracleCalls());
  }

  private static void rejectsNullRng(Executable call) {
    assertEquals(
        "rng = null: expected a non-null value",
        assertThrows(NullPointerException.class, call).getMessage());
  }

  @Test
  void offlineMaximizers() {
    FacilityLocation f = Instances.facility(5, 60);
    assertSame(Greedy.stochastic(f, 8, 0.2, SEED), Greedy.stochastic(f, 8, 0.2, Rng.create(SEED)));
    GraphCut cut = new GraphCut(Instances.symmetric(Rng.create(2), 30), 1.0);
    assertSame(
        NonMonotone.randomGreedy(cut, 6, SEED), NonMonotone.randomGreedy(cut, 6, Rng.create(SEED)));
    assertSame(
        NonMonotone.doubleGreedy(cut, SEED), NonMonotone.doubleGreedy(cut, Rng.create(SEED)));
    // the draws matter: some seed changes the stochastic selection
    boolean differs = false;
    for (long s = 0; s < 20 && !differs; s++) {
      differs =
          !java.util.Arrays.equals(
              Greedy.stochastic(f, 8, 0.5, s).elements(),
              Greedy.stochastic(f, 8, 0.5, SEED).elements());
    }
    assertEquals(true, differs);
    rejectsNullRng(() -> Greedy.stochastic(f, 8, 0.2, null));
    rejectsNullRng(() -> NonMonotone.randomGreedy(cut, 6, null));
    rejectsNullRng(() -> NonMonotone.doubleGreedy(cut, null));
  }

  /** Records the updates a stream applies. */
  private static List<Integer> ops(UpdateStream s, int n) {
    List<Integer> out = new ArrayList<>();
    boolean[] live = new boolean[n];
    DynamicMaximizer recorder =
        new DynamicMaximizer() {
          @Override
          public void insert(int e) {
            live[e] = true;
            out.add(e);
          }

          @Override
          public void delete(int e) {
            live[e] = false;
            out.add(-e - 1);
          }

          @Override
          public int[] solution() {
            return new int[0];
          }

          @Override
          public double value() {
            return 0;
          }

          @Override
          public long oracleCalls() {
            return 0;
          }

          @Override
          public int liveCount() {
            int c = 0;
            for (boolean b : live) {
              c += b ? 1 : 0;
            }
            return c;
          }

          @Override
          public boolean isLive(int e) {
            return live[e];
          }
        };
    for (int t = 0; t < s.length(); t++) {
      s.apply(recorder, t);
    }
    return out;
  }

  @Test
  void dynamicAlgorithmsAndUpdateStreams() {
    int n = 80;
    assertEquals(
        ops(UpdateStream.insertAllDeleteEvery(n, 3, SEED), n),
        ops(UpdateStream.insertAllDeleteEvery(n, 3, Rng.create(SEED)), n));
    // each structure on its own function: copies of one function share one oracle counter
    FacilityLocation f = Instances.facility(8, n);
    FacilityLocation g = Instances.facility(8, n);
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(n, 4, 1L);
    List<Function<Boolean, DynamicMaximizer>> makers =
        List.of(
            bySeed ->
                bySeed
                    ? new BanihashemDynamic(f, 5, 0.2, SEED)
                    : new BanihashemDynamic(g, 5, 0.2, Rng.create(SEED)),
            bySeed ->
                bySeed
                    ? new LattanziDynamic(f, 5, 0.2, SEED)
                    : new LattanziDynamic(g, 5, 0.2, Rng.create(SEED)));
    for (Function<Boolean, DynamicMaximizer> make : makers) {
      DynamicMaximizer a = make.apply(true);
      DynamicMaximizer b = make.apply(false);
      for (int t = 0; t < stream.length(); t++) {
        stream.apply(a, t);
        stream.apply(b, t);
        assertArrayEquals(a.solution(), b.solution(), "update " + t);
        assertEquals(a.oracleCalls(), b.oracleCalls(), "update " + t);
      }
    }
    rejectsNullRng(() -> UpdateStream.insertAllDeleteEvery(n, 3, null));
    rejectsNullRng(() -> new BanihashemDynamic(f, 5, 0.2, null));
    rejectsNullRng(() -> new LattanziDynamic(f, 5, 0.2, null));
  }
}

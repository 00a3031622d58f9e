package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SprightOptionsTest {
  @Test
  void defaultsKeepTheLoadAtMostOneThird() {
    int[][] cases = {
      {20, 64, 6}, {22, 1024, 10}, {40, 4096, 12}, {62, 100, 7}, {30, 0, 4}, {5, 1, 4}, {3, 1, 3}
    };
    for (int[] c : cases) {
      SprightOptions o = SprightOptions.defaults(c[0], c[1]);
      assertEquals(c[2], o.bucketBits(), "n = " + c[0] + ", K = " + c[1]);
      assertTrue(c[1] <= 1 << o.bucketBits(), "load K / (C B) <= 1/3");
      assertEquals(3, o.groups());
      assertEquals(SprightOptions.Detection.NOISELESS, o.detection());
      assertEquals(SprightOptions.Subsampling.RANDOM, o.subsampling());
    }
    // b is capped by n (and by 24).
    assertEquals(4, SprightOptions.defaults(4, 1000).bucketBits());
    assertEquals(24, SprightOptions.defaults(28, 1 << 26).bucketBits());
    assertThrows(IllegalArgumentException.class, () -> SprightOptions.defaults(62, 1 << 26));
  }

  @Test
  void delayAndQueryCounts() {
    SprightOptions o = SprightOptions.defaults(22, 1024);
    assertEquals(13, o.delays());
    assertEquals(39936, o.queries());
    SprightOptions r = o.withBucketBits(7).robust(6);
    assertTrue(r.noiseVariance().isEmpty(), "robust(P) estimates the noise");
    assertEquals(OptionalDouble.of(0.25), r.robust(6, 0.25).noiseVariance());
    assertEquals(r, r.robust(6, 0.25).toBuilder().estimateNoise().build());
    assertEquals(6 * 23, r.delays());
    assertEquals(3L * 128 * 6 * 23, r.queries());
    SprightOptions b = r.toBuilder().groups(4).gamma(0.25).maxRounds(7).build();
    assertEquals(4, b.groups());
    assertEquals(0.25, b.gamma());
    assertEquals(7, b.maxRounds());
    assertEquals(r.withGroups(4).toBuilder().gamma(0.25).maxRounds(7).build(), b);
  }

  @Test
  void namesTheBadParameter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SprightOptions.defaults(20, 64).withBucketBits(25));
    assertEquals("bucketBits = 25: expected an integer in [1, 20]", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SprightOptions.defaults(20, 64).robust(6, Double.NEGATIVE_INFINITY));
    assertTrue(e.getMessage().startsWith("noiseVariance = -Infinity"));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SprightOptions.defaults(20, 64).robust(6, Double.NaN));
    assertEquals("noiseVariance = NaN: expected a finite non-negative number", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SprightOptions.defaults(20, 64).toBuilder().noiseVariance(-1));
    assertTrue(e.getMessage().startsWith("noiseVariance = -1.0"));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> SprightOptions.defaults(20, 64).robust(65));
    assertEquals("offsets = 65: expected an integer in [1, 64]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SprightOptions.defaults(63, 64));
    assertEquals("n = 63: expected an integer in [1, 62]", e.getMessage());
  }

  @Test
  void copiesChangeOneNamedParameterAndCompareByValue() {
    SprightOptions base = SprightOptions.defaults(12, 20);
    assertEquals(base, base.toBuilder().build());
    assertEquals(base.hashCode(), base.toBuilder().build().hashCode());
    SprightOptions more = base.withGroups(5);
    assertEquals(5, more.groups());
    assertNotEquals(base, more);
    // every other parameter is kept
    assertEquals(base, more.withGroups(base.groups()));
    SprightOptions robust = base.robust(4, 0.25);
    assertEquals(OptionalDouble.of(0.25), robust.noiseVariance());
    assertNotEquals(robust, base.robust(4));
    assertTrue(
        robust.toString().startsWith("SprightOptions[n=12, sparsity=20, bucketBits=5, groups=3,"),
        robust.toString());
  }
}

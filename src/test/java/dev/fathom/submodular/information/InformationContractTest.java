package dev.fathom.submodular.information;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.function.FeatureBased;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is refused before any work, naming the parameter, its value and what was expected. */
class InformationContractTest {
  static final double[][] DATA = {{1, 0.5, 0.2}, {0.5, 1, 0.3}, {0.2, 0.3, 1}};
  static final double[][] QUERY = {{0.9}, {0.1}, {0.4}};
  static final double[][] QQ = {{1}};
  static final double[][] PRIV = {{0.2, 0.1}, {0.8, 0.3}, {0.1, 0.1}};
  static final double[][] PP = {{1, 0.2}, {0.2, 1}};
  static final double[][] QP = {{0.3, 0.2}};

  static InformationKernels full() {
    return InformationKernels.of(3)
        .data(DATA)
        .query(QUERY)
        .queryQuery(QQ)
        .privates(PRIV)
        .privatePrivate(PP)
        .queryPrivate(QP);
  }

  static void refused(Class<? extends RuntimeException> type, Executable call, String... parts) {
    RuntimeException e = assertThrows(type, call);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), e.getMessage() + " lacks " + p);
    }
  }

  static void bad(Executable call, String... parts) {
    refused(IllegalArgumentException.class, call, parts);
  }

  @Test
  void kernelShapesAndEntries() {
    bad(() -> InformationKernels.of(0), "n = 0");
    refused(NullPointerException.class, () -> InformationKernels.of(3).data(null), "data");
    bad(() -> InformationKernels.of(4).data(DATA), "data.length = 3", "4 rows");
    bad(() -> InformationKernels.of(3).data(new double[][] {{1, 2}, {1, 2}, {1, 2}}), "square");
    bad(() -> InformationKernels.of(3).query(new double[][] {{1}, {1}}), "query.length = 2");
    bad(() -> InformationKernels.of(3).query(new double[][] {{1}, {Double.NaN}, {1}}), "NaN");
    bad(() -> InformationKernels.of(3).query(new double[][] {{1}, {1, 2}, {1}}), "query[1].length");
    bad(() -> InformationKernels.of(3).query(new double[][] {{}, {}, {}}), "at least one column");
    bad(
        () ->
            InformationKernels.of(3)
                .privates(new double[][] {{1}, {Double.POSITIVE_INFINITY}, {0}}),
        "Infinity");
    bad(() -> InformationKernels.of(3).queryQuery(new double[][] {{1, 0}}), "square");
  }

  @Test
  void missingAndMismatchedKernels() {
    InformationKernels onlyData = InformationKernels.of(3).data(DATA);
    bad(
        () -> FacilityLocationInformation.mutualInformation(onlyData, 1),
        "kernels.query",
        "query(...)");
    bad(() -> FacilityLocationInformation.conditionalGain(onlyData, 1), "kernels.privates");
    bad(
        () -> FacilityLocationQueryInformation.mutualInformation(InformationKernels.of(3), 1),
        "kernels.query");
    bad(
        () -> LogDetInformation.mutualInformation(onlyData.query(QUERY), 1, 1),
        "kernels.queryQuery");
    bad(
        () -> LogDetInformation.mutualInformation(onlyData.query(QUERY).queryQuery(PP), 1, 1),
        "queryQuery.length = 2",
        "1 (the number of queries)");
    bad(
        () ->
            LogDetInformation.conditionalMutualInformation(
                full().queryPrivate(new double[][] {{1}}), 1, 1, 1),
        "queryPrivate[0].length = 1");
    bad(
        () ->
            LogDetInformation.conditionalGain(
                full().privatePrivate(new double[][] {{1, 0.3}, {0.2, 1}}), 1, 1),
        "privatePrivate[1][0] = 0.2");
    bad(
        () -> LogDetInformation.mutualInformation(full().queryQuery(new double[][] {{-1}}), 0.5, 1),
        "positive definite");
    bad(
        () ->
            GraphCutInformation.conditionalGain(
                full().data(new double[][] {{1, 0.5, 0.2}, {0.4, 1, 0.3}, {0.2, 0.3, 1}}), 0.5, 1),
        "s[1][0] = 0.4");
  }

  @Test
  void negativeSimilaritiesAreRefusedWhereTheMeasureNeedsThem() {
    double[][] neg = {{1, -0.5, 0.2}, {-0.5, 1, 0.3}, {0.2, 0.3, 1}};
    bad(
        () -> FacilityLocationInformation.mutualInformation(full().data(neg), 1),
        "data[0][1] = -0.5");
    double[][] negQ = {{0.9}, {-0.1}, {0.4}};
    bad(
        () -> FacilityLocationQueryInformation.mutualInformation(full().query(negQ), 1),
        "query[1][0] = -0.1");
    bad(() -> GraphCutInformation.mutualInformation(full().query(negQ), 1), "query[1][0]");
    bad(
        () -> ConcaveOverModularInformation.mutualInformation(full().query(negQ), 1, Math::sqrt),
        "query[1][0]");
    // log-det kernels may be negative: accepted
    LogDetInformation.mutualInformation(full().data(neg), 1, 1);
  }

  @Test
  void parametersOutOfRange() {
    for (double v : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      String s = String.valueOf(v);
      bad(() -> FacilityLocationInformation.mutualInformation(full(), v), "eta = " + s, "expected");
      bad(() -> FacilityLocationInformation.conditionalGain(full(), v), "nu = " + s);
      bad(
          () -> FacilityLocationInformation.conditionalMutualInformation(full(), 1, v),
          "nu = " + s);
      bad(() -> FacilityLocationQueryInformation.mutualInformation(full(), v), "eta = " + s);
      bad(() -> GraphCutInformation.mutualInformation(full(), v), "lambda = " + s);
      bad(() -> GraphCutInformation.conditionalGain(full(), 0.5, v), "nu = " + s);
      bad(
          () -> ConcaveOverModularInformation.mutualInformation(full(), v, Math::sqrt),
          "eta = " + s);
      bad(() -> LogDetInformation.mutualInformation(full(), v, 1), "lambda = " + s);
      bad(() -> LogDetInformation.mutualInformation(full(), 1, v), "eta = " + s);
      bad(() -> LogDetInformation.conditionalMutualInformation(full(), 1, 1, v), "nu = " + s);
    }
    refused(
        NullPointerException.class,
        () -> FacilityLocationInformation.mutualInformation(null, 1),
        "kernels");
    refused(
        NullPointerException.class,
        () ->
            ConcaveOverModularInformation.mutualInformation(full(), 1, (DoubleUnaryOperator) null),
        "psi");
    refused(
        NullPointerException.class,
        () ->
            ConcaveOverModularInformation.mutualInformation(full(), 1, (FeatureBased.Concave) null),
        "psi");
    bad(
        () -> ConcaveOverModularInformation.mutualInformation(full(), 1, x -> 1 + x),
        "psi(0) = 1.0");
    bad(
        () ->
            ConcaveOverModularInformation.mutualInformation(
                full(), 1, x -> x == 0 ? 0 : Double.NaN),
        "NaN");
  }

  @Test
  void idsOutOfRange() {
    SetFunction[] all = {
      FacilityLocationInformation.conditionalMutualInformation(full(), 1, 1),
      FacilityLocationQueryInformation.mutualInformation(full(), 1),
      GraphCutInformation.conditionalGain(full(), 0.5, 1),
      ConcaveOverModularInformation.mutualInformation(full(), 1, FeatureBased.Concave.SQRT),
      LogDetInformation.conditionalMutualInformation(full(), 1, 1, 1)
    };
    for (SetFunction f : all) {
      bad(() -> f.gain(3), "e = 3", "[0, 3)");
      bad(() -> f.add(-1), "e = -1");
      bad(() -> f.evaluate(0, 0), "repeats");
    }
  }

  @Test
  void monotoneFlagsFollowTheParameters() {
    assertTrue(LogDetInformation.conditionalGain(full(), 1, 1).monotone());
    assertFalse(LogDetInformation.conditionalGain(full(), 0.5, 1).monotone());
    assertTrue(GraphCutInformation.conditionalGain(full(), 0.1, 0.1).monotone());
    // a heavy private penalty makes some gain negative, and the flag says so
    SetFunction heavy = GraphCutInformation.conditionalGain(full(), 0.5, 50);
    assertFalse(heavy.monotone());
    assertTrue(heavy.gain(1) < 0);
    assertEquals(0, FacilityLocationInformation.conditionalGain(full(), 100).evaluate(0, 1, 2));
  }
}

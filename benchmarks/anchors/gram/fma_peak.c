/* The machine's fused multiply-add peak per core, double and float: independent FMA chains on the
 * widest vector registers the compiler targets (-O3 -march=native), enough of them to hide the
 * FMA latency. Part of Fathom's benchmarks/anchors/gram.sh. Usage: fma_peak SECONDS */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

#if defined(__AVX512F__)
#define WIDTH_D 8
#define WIDTH_F 16
typedef __m512d vd;
typedef __m512 vf;
#define SETD(x) _mm512_set1_pd(x)
#define SETF(x) _mm512_set1_ps(x)
#define FMAD(a, b, c) _mm512_fmadd_pd(a, b, c)
#define FMAF(a, b, c) _mm512_fmadd_ps(a, b, c)
#define SUMD(v) _mm512_reduce_add_pd(v)
#define SUMF(v) _mm512_reduce_add_ps(v)
#else
#define WIDTH_D 4
#define WIDTH_F 8
typedef __m256d vd;
typedef __m256 vf;
#define SETD(x) _mm256_set1_pd(x)
#define SETF(x) _mm256_set1_ps(x)
#define FMAD(a, b, c) _mm256_fmadd_pd(a, b, c)
#define FMAF(a, b, c) _mm256_fmadd_ps(a, b, c)
static double SUMD(vd v) { double t[4]; _mm256_storeu_pd(t, v); return t[0] + t[1] + t[2] + t[3]; }
static float SUMF(vf v) { float t[8]; _mm256_storeu_ps(t, v); float s = 0; for (int i = 0; i < 8; i++) s += t[i]; return s; }
#endif

#define CHAINS 12
#define STEPS 100000L

static double run_double(double seconds, double *sink) {
  vd acc[CHAINS];
  for (int c = 0; c < CHAINS; c++) acc[c] = SETD(1.0 + c * 1e-3);
  vd a = SETD(0.999999), b = SETD(1e-7);
  long rounds = 0;
  double t0 = now(), t;
  do {
    for (long s = 0; s < STEPS; s++)
      for (int c = 0; c < CHAINS; c++) acc[c] = FMAD(acc[c], a, b);
    rounds++;
    t = now();
  } while (t - t0 < seconds);
  double total = 0;
  for (int c = 0; c < CHAINS; c++) total += SUMD(acc[c]);
  *sink += total;
  return 2.0 * WIDTH_D * CHAINS * STEPS * rounds / (t - t0) / 1e9;
}

static double run_float(double seconds, double *sink) {
  vf acc[CHAINS];
  for (int c = 0; c < CHAINS; c++) acc[c] = SETF(1.0f + c * 1e-3f);
  vf a = SETF(0.9999f), b = SETF(1e-5f);
  long rounds = 0;
  double t0 = now(), t;
  do {
    for (long s = 0; s < STEPS; s++)
      for (int c = 0; c < CHAINS; c++) acc[c] = FMAF(acc[c], a, b);
    rounds++;
    t = now();
  } while (t - t0 < seconds);
  double total = 0;
  for (int c = 0; c < CHAINS; c++) total += SUMF(acc[c]);
  *sink += total;
  return 2.0 * WIDTH_F * CHAINS * STEPS * rounds / (t - t0) / 1e9;
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 1.0, sink = 0;
  run_double(0.2, &sink); /* warm-up: clocks up */
  double d = 0, f = 0;
  for (int r = 0; r < 3; r++) {
    double x = run_double(seconds, &sink), y = run_float(seconds, &sink);
    if (x > d) d = x;
    if (y > f) f = y;
  }
  printf("fma_peak_double_gflops %.2f\nfma_peak_float_gflops %.2f\nvector_bits %d\nsink %g\n", d, f,
         WIDTH_D * 64, sink);
  return 0;
}

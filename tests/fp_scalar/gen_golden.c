// Generates fp_golden.txt: runs scalar FP instructions under qemu-aarch64 (or
// on AArch64 hardware) and prints inputs and results, one case per line in
// FP_GOLDEN_LAYOUT (golden_layout.h):
//   word fpcr nzcv v1 v2 v3 x1 : v0lo v0hi x0 fpsr nzcv
// Built and run under qemu-aarch64 by Bazel (tests/support/golden.bzl); by hand:
//   aarch64-linux-gnu-gcc -O1 -static -I. tests/fp_scalar/gen_golden.c -o gen_golden
//   qemu-aarch64 ./gen_golden > tests/fp_scalar/fp_golden.txt
// Registers: Rd = 0, Rn = 1, Rm = 2, Ra = 3; general inputs in X1.
#include "tests/fp_scalar/golden_layout.h"
#include "tests/support/golden_gen.h"

static void Run(uint32_t word, uint64_t fpcr, uint64_t nzcv, uint64_t v1, uint64_t v2, uint64_t v3,
                uint64_t x1) {
  struct GoldenIn in;
  memset(&in, 0, sizeof in);
  in.fpcr = fpcr; in.nzcv = nzcv; in.v[1][0] = v1; in.v[2][0] = v2; in.v[3][0] = v3; in.x[1] = x1;
  GoldenCase(FP_GOLDEN_LAYOUT, FpGoldenComplete, word, &in);
}

// Operands: the first 26 special values of each precision.
static const struct GoldenFpMix kMix = {4, 26, 26};
static uint64_t Operand(int dbl) { return GoldenFpOperand(dbl, &kMix); }

// FPCR: rounding modes, FZ, DN and FZ + DN + RM.
static const unsigned kNumFpcr = 7;

static void Cases(uint32_t word, int dbl, int count) {
  for (int i = 0; i < count; ++i) {
    uint64_t fpcr = kGoldenFpcr[Rand() % kNumFpcr];
    Run(word, fpcr, (Rand() & 15) << 28, Operand(dbl), Operand(dbl), Operand(dbl), Rand());
  }
}

int main(void) {
  GoldenInit();
  GoldenSeed(0x9e3779b97f4a7c15ull);
  const uint32_t d = 0, n = 1 << 5, m = 2 << 16, a = 3 << 10;
  for (uint32_t ft = 0; ft < 2; ++ft) {
    const uint32_t t = ft << 22;
    for (uint32_t op = 0; op <= 8; ++op) Cases(0x1e200800 | t | op << 12 | m | n | d, ft, 120);
    for (uint32_t k = 0; k < 4; ++k)
      Cases(0x1f000000 | t | (k >> 1) << 21 | (k & 1) << 15 | m | a | n | d, ft, 120);
    const uint32_t dp1[] = {0, 1, 2, 3, 8, 9, 10, 11, 12, 14, 15};
    for (uint32_t i = 0; i < N(dp1); ++i) Cases(0x1e204000 | t | dp1[i] << 15 | n | d, ft, 60);
    const uint32_t cvt_to[] = {ft == 0 ? 1u : 0u, 3};
    for (uint32_t i = 0; i < 2; ++i) Cases(0x1e204000 | t | (4 | cvt_to[i]) << 15 | n | d, ft, 100);
    for (uint32_t opc2 = 0; opc2 < 32; opc2 += 8) Cases(0x1e202000 | t | m | n | opc2, ft, 60);
    for (uint32_t op = 0; op < 2; ++op)
      Cases(0x1e200400 | t | m | (Rand() & 15) << 12 | n | op << 4 | 5, ft, 60);
    Cases(0x1e200c00 | t | m | 0xb << 12 | n | d, ft, 50);
    for (uint32_t imm = 0; imm < 256; imm += 37) Run(0x1e201000 | t | imm << 13 | d, 0, 0, 0, 0, 0, 0);
    for (uint32_t sf = 0; sf < 2; ++sf) {
      const uint32_t rm_op[] = {0x00, 0x01, 0x04, 0x05, 0x08, 0x09, 0x10, 0x11, 0x18, 0x19};
      for (uint32_t i = 0; i < N(rm_op); ++i)
        Cases(sf << 31 | 0x1e200000 | t | rm_op[i] << 16 | n | d, ft, 50);
      for (uint32_t u = 0; u < 2; ++u)
        for (int i = 0; i < 40; ++i) {
          uint64_t x = Rand();
          if (i % 3 == 0) x >>= Rand() % 64;
          if (i % 7 == 0) x = -x >> (Rand() % 3);
          Run(sf << 31 | 0x1e220000 | t | u << 16 | n | d, kGoldenFpcr[i % kNumFpcr], 0, 0, 0, 0, x);
        }
      const uint32_t scales[] = {63, 48, 33, 32};
      for (uint32_t i = 0; i < 4; ++i) {
        const uint32_t sc = sf ? (i == 3 ? 1 : scales[i]) : scales[i];
        for (uint32_t u = 0; u < 2; ++u) {
          Cases(sf << 31 | 0x1e180000 | t | u << 16 | sc << 10 | n | d, ft, 25);
          for (int k = 0; k < 12; ++k)
            Run(sf << 31 | 0x1e020000 | t | u << 16 | sc << 10 | n | d, kGoldenFpcr[k % kNumFpcr], 0, 0,
                0, 0, Rand() >> (Rand() % 64));
        }
      }
    }
  }
  // Half-precision sources of FCVT.
  for (int i = 0; i < 300; ++i) {
    const uint64_t h = i < 40 ? (uint64_t)(0x7c00 + (i - 20) * 0x1ff) & 0xffff : Rand() & 0xffff;
    Run(0x1ee24000 | (Rand() & 1) << 15 | n | d, kGoldenFpcr[i % kNumFpcr], 0, h, 0, 0, 0);
  }
  // FMOV (general), including the top half.
  const uint32_t fmov[] = {0x1e260000, 0x1e270000, 0x9e660000, 0x9e670000, 0x9eae0000, 0x9eaf0000};
  for (uint32_t i = 0; i < N(fmov); ++i)
    for (int k = 0; k < 5; ++k) Run(fmov[i] | n | d, 0, 0, Rand(), 0, 0, Rand());
  return 0;
}

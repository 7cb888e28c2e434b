// Generates simd_fp_golden.txt: runs Advanced SIMD vector floating-point
// instructions under qemu-aarch64 (or on AArch64 hardware) and prints inputs
// and results, one case per line in SIMD_FP_GOLDEN_LAYOUT (golden_layout.h):
//   word fpcr v0lo v0hi v1lo v1hi v2lo v2hi : v0lo v0hi fpsr
// Built and run under qemu-aarch64 by Bazel (tests/support/golden.bzl); by hand:
//   aarch64-linux-gnu-gcc -O1 -static -I. tests/simd_fp/gen_golden.c -o gen_golden
//   qemu-aarch64 ./gen_golden > tests/simd_fp/simd_fp_golden.txt
// Registers: Rd = 0 (also an input: accumulating forms, FCVTN2), Rn = 1,
// Rm = 2. FPSR is cleared before each instruction.
#include "tests/simd_fp/golden_layout.h"
#include "tests/support/golden_gen.h"

static void Run(uint32_t word, uint64_t fpcr, const uint64_t v0[2], const uint64_t v1[2],
                const uint64_t v2[2]) {
  GoldenCaseV012(SIMD_FP_GOLDEN_LAYOUT, word, fpcr, v0, v1, v2);
}

// FP operands: every special value (golden_gen.h), drawn twice as often as
// in the scalar suites.
static const struct GoldenFpMix kMix = {5, N(kGoldenDouble), N(kGoldenSingle)};
static uint64_t FpOperand(int dbl) { return GoldenFpOperand(dbl, &kMix); }
// Operands of the narrowing conversions: around the destination's range.
static uint64_t NarrowOperand(int dbl) {
  uint64_t r = Rand();
  if (r % 3 == 0) return FpOperand(dbl);
  if (dbl) return (r & 0x800fffffffffffffull) | (uint64_t)(1023 - 155 + (r >> 52) % 290) << 52;
  return (r & 0x807fffffu) | (uint64_t)(127 - 28 + (r >> 40) % 46) << 23;
}
static uint64_t HalfOperand(void) {
  uint64_t r = Rand();
  return r % 3 == 0 ? kGoldenHalf[(r >> 8) % N(kGoldenHalf)] : (r >> 16) & 0xffff;
}
// Integers for SCVTF/UCVTF: boundary values and random bits.
static const uint64_t kInt[] = {0, 1, 2, 3, 0x7fffffff, 0x80000000, 0xffffffff,
                                0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff,
                                0x00ffffff, 0x01000001, 0x0020000000000001, 0xfffffffffffffffe};
static uint64_t IntOperand(int dbl) {
  uint64_t r = Rand();
  uint64_t x;
  switch (r % 3) {
    case 0: x = kInt[(r >> 8) % N(kInt)]; break;
    case 1: x = Rand() >> ((r >> 8) % 64); break;
    default: x = Rand(); break;
  }
  return dbl ? x : (x & 0xffffffffu);
}
// FRECPE/FRSQRTE: exponents at the boundaries of their special cases.
static uint64_t EstOperand(int dbl) {
  static const uint64_t exps[] = {0, 1, 2, 3, 125, 126, 127, 128, 251, 252, 253, 254, 255};
  uint64_t r = Rand(), e = exps[(r >> 4) % N(exps)], x;
  if (r % 3 == 0) return FpOperand(dbl);
  if (dbl) {
    if (e >= 128) e += 2048 - 256; else if (e > 3) e += 1024 - 128;
    x = e << 52 | (Rand() >> (12 + (r >> 12) % 4 * 3));
  } else {
    x = e << 23 | ((Rand() & 0x7fffff) >> ((r >> 12) % 4 * 3));
  }
  if (r & 0x100000) x |= dbl ? 1ull << 63 : 1ull << 31;
  return x;
}

// NaN-heavy operands (which NaN propagates: FPProcessNaNs order, FPNeg of
// NaN operands, the reduction order of the across-lanes forms).
static uint64_t NanOperand(int dbl) {
  uint64_t r = Rand();
  if (r % 2) return FpOperand(dbl);
  const uint64_t payload = (r >> 8) & 0xff, sign = r >> 20 & 1, quiet = r >> 21 & 1;
  if (dbl) return sign << 63 | 0x7ffull << 52 | quiet << 51 | payload << 4 | 1;
  return sign << 31 | 0xffu << 23 | quiet << 22 | payload << 4 | 1;
}

enum Kind { kFpS, kFpD, kIntS, kIntD, kHalf, kNarrowS, kNarrowD, kEstS, kEstD, kNanS, kNanD };
static uint64_t Lane64(enum Kind k) {
  switch (k) {
    case kFpS: return FpOperand(0) | FpOperand(0) << 32;
    case kFpD: return FpOperand(1);
    case kIntS: return IntOperand(0) | IntOperand(0) << 32;
    case kIntD: return IntOperand(1);
    case kHalf: return HalfOperand() | HalfOperand() << 16 | HalfOperand() << 32 | HalfOperand() << 48;
    case kNarrowS: return NarrowOperand(0) | NarrowOperand(0) << 32;
    case kNarrowD: return NarrowOperand(1);
    case kEstS: return EstOperand(0) | EstOperand(0) << 32;
    case kEstD: return EstOperand(1);
    case kNanS: return NanOperand(0) | NanOperand(0) << 32;
    default: return NanOperand(1);
  }
}

// Rd gets FP operands too (addend of FMLA/FMLS/FCMLA; kept half of FCVTN2).
static void Cases(uint32_t word, enum Kind k, enum Kind kd, int count) {
  for (int i = 0; i < count; ++i) {
    uint64_t v0[2] = {Lane64(kd), Lane64(kd)}, v1[2] = {Lane64(k), Lane64(k)},
             v2[2] = {Lane64(k), Lane64(k)};
    Run(word, kGoldenFpcr[Rand() % N(kGoldenFpcr)], v0, v1, v2);
  }
}

// (Q, sz) of the arrangements 2S, 4S, 2D.
static const uint32_t kArr[][2] = {{0, 0}, {1, 0}, {1, 1}};

int main(void) {
  GoldenInit();
  GoldenSeed(0x9e3779b97f4a7c15ull);
  const uint32_t d = 0, n = 1 << 5, m = 2 << 16;
  // Three same, FP: {U, a (bit 23), opcode}.
  static const uint32_t same[][3] = {
      {0, 0, 0x18}, {0, 0, 0x19}, {0, 0, 0x1a}, {0, 0, 0x1b}, {0, 0, 0x1c}, {0, 0, 0x1e},
      {0, 0, 0x1f}, {0, 1, 0x18}, {0, 1, 0x19}, {0, 1, 0x1a}, {0, 1, 0x1e}, {0, 1, 0x1f},
      {1, 0, 0x18}, {1, 0, 0x1a}, {1, 0, 0x1b}, {1, 0, 0x1c}, {1, 0, 0x1d}, {1, 0, 0x1e},
      {1, 0, 0x1f}, {1, 1, 0x18}, {1, 1, 0x1a}, {1, 1, 0x1c}, {1, 1, 0x1d}, {1, 1, 0x1e}};
  for (uint32_t i = 0; i < N(same); ++i)
    for (uint32_t a = 0; a < N(kArr); ++a) {
      const uint32_t q = kArr[a][0], sz = kArr[a][1];
      Cases(0x0e200400 | q << 30 | same[i][0] << 29 | same[i][1] << 23 | sz << 22 | m |
                same[i][2] << 11 | n | d,
            sz ? kFpD : kFpS, sz ? kFpD : kFpS, 36);
    }
  // Two-register misc, FP: {U, a (bit 23), opcode, operand class: 0 FP,
  // 1 integer, 2 estimate}.
  static const uint32_t misc[][4] = {
      {0, 0, 0x18, 0}, {0, 0, 0x19, 0}, {0, 0, 0x1a, 0}, {0, 0, 0x1b, 0}, {0, 0, 0x1c, 0},
      {0, 0, 0x1d, 1}, {0, 1, 0x0c, 0}, {0, 1, 0x0d, 0}, {0, 1, 0x0e, 0}, {0, 1, 0x0f, 0},
      {0, 1, 0x18, 0}, {0, 1, 0x19, 0}, {0, 1, 0x1a, 0}, {0, 1, 0x1b, 0}, {0, 1, 0x1d, 2},
      {1, 0, 0x18, 0}, {1, 0, 0x19, 0}, {1, 0, 0x1a, 0}, {1, 0, 0x1b, 0}, {1, 0, 0x1c, 0},
      {1, 0, 0x1d, 1}, {1, 1, 0x0c, 0}, {1, 1, 0x0d, 0}, {1, 1, 0x0f, 0}, {1, 1, 0x19, 0},
      {1, 1, 0x1a, 0}, {1, 1, 0x1b, 0}, {1, 1, 0x1d, 2}, {1, 1, 0x1f, 0}};
  for (uint32_t i = 0; i < N(misc); ++i)
    for (uint32_t a = 0; a < N(kArr); ++a) {
      const uint32_t q = kArr[a][0], sz = kArr[a][1];
      const enum Kind k = misc[i][3] == 1 ? (sz ? kIntD : kIntS)
                          : misc[i][3] == 2 ? (sz ? kEstD : kEstS)
                                            : (sz ? kFpD : kFpS);
      Cases(0x0e200800 | q << 30 | misc[i][0] << 29 | misc[i][1] << 23 | sz << 22 |
                misc[i][2] << 12 | n | d,
            k, sz ? kFpD : kFpS, misc[i][3] == 2 ? 80 : 36);
    }
  // FCVTN{2}, FCVTL{2}, FCVTXN{2}.
  for (uint32_t q = 0; q < 2; ++q)
    for (uint32_t sz = 0; sz < 2; ++sz) {
      Cases(0x0e216800 | q << 30 | sz << 22 | n | d, sz ? kNarrowD : kNarrowS, kFpS, 50);
      Cases(0x0e217800 | q << 30 | sz << 22 | n | d, sz ? kFpS : kHalf, kFpS, 50);
    }
  for (uint32_t q = 0; q < 2; ++q) Cases(0x2e616800 | q << 30 | n | d, kNarrowD, kFpS, 60);
  // Shift by immediate, fixed-point: SCVTF, FCVTZS, UCVTF, FCVTZU for every
  // immh:immb (single: 0100xxx-0111xxx, fbits 32..1; double: 1xxxxxx).
  static const uint32_t shf[][2] = {{0, 0x1c}, {0, 0x1f}, {1, 0x1c}, {1, 0x1f}};
  for (uint32_t i = 0; i < N(shf); ++i)
    for (uint32_t imm = 32; imm < 128; ++imm)
      for (uint32_t q = imm >= 64 ? 1 : 0; q < 2; ++q) {
        const int dbl = imm >= 64, to_int = shf[i][1] == 0x1f;
        Cases(0x0f000400 | q << 30 | shf[i][0] << 29 | imm << 16 | shf[i][1] << 11 | n | d,
              to_int ? (dbl ? kFpD : kFpS) : (dbl ? kIntD : kIntS), kFpS, 3);
      }
  // By element, FP: {U, opcode}; single .2s/.4s with index H:L, double .2d H.
  static const uint32_t elem[][2] = {{0, 0x1}, {0, 0x5}, {0, 0x9}, {1, 0x9}};
  for (uint32_t i = 0; i < N(elem); ++i)
    for (uint32_t a = 0; a < N(kArr); ++a) {
      const uint32_t q = kArr[a][0], sz = kArr[a][1];
      for (uint32_t idx = 0; idx < (sz ? 2u : 4u); ++idx) {
        const uint32_t hl = sz ? idx << 11 : (idx >> 1) << 11 | (idx & 1) << 21;
        Cases(0x0f801000 | q << 30 | elem[i][0] << 29 | sz << 22 | hl | m |
                  (elem[i][1] & 0xe) << 12 | n | d,
              sz ? kFpD : kFpS, sz ? kFpD : kFpS, 20);
      }
    }
  // Across lanes: FMAXNMV, FMAXV, FMINNMV, FMINV (.4s).
  static const uint32_t across[][2] = {{0, 0x0c}, {0, 0x0f}, {1, 0x0c}, {1, 0x0f}};
  for (uint32_t i = 0; i < N(across); ++i)
    Cases(0x6e300800 | across[i][0] << 23 | across[i][1] << 12 | n | d, kFpS, kFpS, 100);
  // FCMLA (vector) for every rotation, FCADD #90/#270: .2s, .4s, .2d.
  for (uint32_t a = 0; a < N(kArr); ++a) {
    const uint32_t q = kArr[a][0], size = 2 + kArr[a][1];
    const enum Kind k = size == 3 ? kFpD : kFpS;
    for (uint32_t rot = 0; rot < 4; ++rot)
      Cases(0x2e00c400 | q << 30 | size << 22 | m | rot << 11 | n | d, k, k, 36);
    for (uint32_t rot = 0; rot < 2; ++rot)
      Cases(0x2e00e400 | q << 30 | size << 22 | m | rot << 12 | n | d, k, k, 36);
  }
  // FCMLA (by element), .4s, index H, every rotation.
  for (uint32_t rot = 0; rot < 4; ++rot)
    for (uint32_t h = 0; h < 2; ++h)
      Cases(0x6f801000 | m | rot << 13 | h << 11 | n | d, kFpS, kFpS, 30);
  // NaN-heavy inputs for the operations combining several operands.
  for (uint32_t i = 0; i < N(across); ++i)
    Cases(0x6e300800 | across[i][0] << 23 | across[i][1] << 12 | n | d, kNanS, kNanS, 60);
  static const uint32_t nan_ops[] = {
      0x4e20cc00 | m | n | d,  // FMLA .4s
      0x4ee0cc00 | m | n | d,  // FMLS .2d
      0x6e20d400 | m | n | d,  // FADDP .4s
      0x6ee0f400 | m | n | d,  // FMINP .2d
      0x4fa01000 | m | n | d,  // FMLA .4s, v2.s[1]
      0x4fc05800 | m | n | d,  // FMLS .2d, v2.d[1]
      0x6e80cc00 | m | n | d,  // FCMLA .4s #90
      0x6ec0d400 | m | n | d,  // FCMLA .2d #180
      0x6e80dc00 | m | n | d,  // FCMLA .4s #270
      0x6f807800 | m | n | d,  // FCMLA .4s, v2.s[1], #270
      0x6e80e400 | m | n | d,  // FCADD .4s #90
      0x6ec0f400 | m | n | d,  // FCADD .2d #270
      0x4e20fc00 | m | n | d,  // FRECPS .4s
      0x4ee0fc00 | m | n | d,  // FRSQRTS .2d
  };
  for (uint32_t i = 0; i < N(nan_ops); ++i) {
    const enum Kind k = nan_ops[i] >> 22 & 1 ? kNanD : kNanS;
    Cases(nan_ops[i], k, k, 30);
  }
  // FPCR.AHP: the alternative half-precision format of FCVTL/FCVTN (half).
  static const uint64_t kAhp[] = {1u << 26, 1u << 26 | 1u << 22, 1u << 26 | 2u << 22,
                                  1u << 26 | 3u << 22, 1u << 26 | 1u << 25 | 1u << 24};
  for (uint32_t q = 0; q < 2; ++q)
    for (int j = 0; j < 60; ++j) {
      const uint64_t fpcr = kAhp[Rand() % N(kAhp)];
      const uint64_t v0[2] = {Lane64(kFpS), Lane64(kFpS)}, v2[2] = {0, 0};
      const uint64_t vn[2] = {Lane64(kNarrowS), Lane64(kNarrowS)};
      Run(0x0e216800 | q << 30 | n | d, fpcr, v0, vn, v2);  // FCVTN{2} .4h/.8h
      const uint64_t vh[2] = {Lane64(kHalf), Lane64(kHalf)};
      Run(0x0e217800 | q << 30 | n | d, fpcr, v0, vh, v2);  // FCVTL{2} from .4h/.8h
      const uint64_t vs[2] = {Lane64(kFpS), Lane64(kFpS)};
      Run(0x0e616800 | q << 30 | n | d, fpcr, v0, vs, v2);  // FCVTN .2s: AHP ignored
    }
  // Register aliasing: Rd = Rn = Rm = v0 (every operand is read before the
  // result is written; FCVTN2/FCVTL2 read the half they overwrite).
  static const uint32_t alias[] = {
      0x4e20cc00, 0x6e20d400, 0x4fa01000, 0x4f805000, 0x6e80cc00, 0x6f807800,
      0x6e80e400, 0x4e216800, 0x4e617800, 0x6e616800, 0x6e30f800, 0x4f20fc00};
  for (uint32_t i = 0; i < N(alias); ++i) {
    for (int j = 0; j < 12; ++j) {
      const uint64_t v0[2] = {Lane64(kFpS), Lane64(kFpS)}, v1[2] = {0, 0}, v2[2] = {0, 0};
      Run(alias[i], kGoldenFpcr[Rand() % N(kGoldenFpcr)], v0, v1, v2);
    }
  }
  return 0;
}

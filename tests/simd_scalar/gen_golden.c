// Generates simd_scalar_golden.txt: runs Advanced SIMD scalar instructions
// under qemu-aarch64 (or on AArch64 hardware) and prints inputs and results,
// one case per line in SIMD_SCALAR_GOLDEN_LAYOUT (golden_layout.h):
//   word fpcr v0lo v0hi v1lo v1hi v2lo v2hi : v0lo v0hi fpsr
// Built and run under qemu-aarch64 by Bazel (tests/support/golden.bzl); by hand:
//   aarch64-linux-gnu-gcc -O1 -static -I. tests/simd_scalar/gen_golden.c -o gen_golden
//   qemu-aarch64 ./gen_golden > tests/simd_scalar/simd_scalar_golden.txt
// Registers: Rd = 0 (also an input: accumulating forms), Rn = 1, Rm = 2.
// FPSR is cleared before each instruction.
#include "tests/simd_scalar/golden_layout.h"
#include "tests/support/golden_gen.h"

static void Run(uint32_t word, uint64_t fpcr, const uint64_t v0[2], const uint64_t v1[2],
                const uint64_t v2[2]) {
  GoldenCaseV012(SIMD_SCALAR_GOLDEN_LAYOUT, word, fpcr, v0, v1, v2);
}

// Integer operands: boundary values of every element size, small values,
// shift counts and random bits.
static const uint64_t kInt[] = {
    0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
    0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0xfffffffffffffffe,
    0xffffffffffff8000, 0xffffffff80000000, 0x4000, 0x40000000, 0x4000000000000000,
    0x100000000, 0x10000, 0xc0, 0xffffffffffffff80};
static uint64_t IntOperand(void) {
  uint64_t r = Rand();
  switch (r % 6) {
    case 0: case 1: return kInt[(r >> 8) % N(kInt)];
    case 2: return (uint64_t)((int64_t)((r >> 8) % 160) - 80);  // shift counts
    case 3: return r >> ((r >> 8) % 64);
    case 4: return (r >> 16) & 0xffff ? r | 0x8000000080008080ull : r;
    default: return r;
  }
}

// FP operands: the first 30 special values of each precision.
static const struct GoldenFpMix kMix = {4, 30, 30};
static uint64_t FpOperand(int dbl) { return GoldenFpOperand(dbl, &kMix); }
// Integers in the range of the conversions (for SCVTF/UCVTF).
static uint64_t CvtOperand(int dbl) {
  uint64_t r = IntOperand();
  return dbl ? r : (r & 0xffffffffu);
}

// FPCR: rounding modes, FZ, DN and FZ + DN + RM.
static const unsigned kNumFpcr = 7;

enum Kind { kIntK, kFpS, kFpD, kCvtS, kCvtD };
static uint64_t Operand(enum Kind k) {
  switch (k) {
    case kIntK: return IntOperand();
    case kFpS: return FpOperand(0) | FpOperand(0) << 32;
    case kFpD: return FpOperand(1);
    case kCvtS: return CvtOperand(0) | CvtOperand(0) << 32;
    default: return CvtOperand(1);
  }
}
static void Cases(uint32_t word, enum Kind k, int count) {
  for (int i = 0; i < count; ++i) {
    uint64_t v0[2] = {Operand(k), Operand(k)}, v1[2] = {Operand(k), Operand(k)},
             v2[2] = {Operand(k), Operand(k)};
    uint64_t fpcr = k == kIntK ? 0 : kGoldenFpcr[Rand() % kNumFpcr];
    Run(word, fpcr, v0, v1, v2);
  }
}

int main(void) {
  GoldenInit();
  GoldenSeed(0x2545f4914f6cdd1dull);
  const uint32_t d = 0, n = 1 << 5, m = 2 << 16;
  // Three same, integer: {U, opcode, sizes mask}.
  static const uint32_t same[][3] = {
      {0, 0x01, 15}, {0, 0x05, 15}, {0, 0x06, 8}, {0, 0x07, 8}, {0, 0x08, 8}, {0, 0x09, 15},
      {0, 0x0a, 8},  {0, 0x0b, 15}, {0, 0x10, 8}, {0, 0x11, 8}, {0, 0x16, 6}, {1, 0x01, 15},
      {1, 0x05, 15}, {1, 0x06, 8},  {1, 0x07, 8}, {1, 0x08, 8}, {1, 0x09, 15}, {1, 0x0a, 8},
      {1, 0x0b, 15}, {1, 0x10, 8},  {1, 0x11, 8}, {1, 0x16, 6}};
  for (uint32_t i = 0; i < N(same); ++i)
    for (uint32_t size = 0; size < 4; ++size)
      if (same[i][2] >> size & 1)
        Cases(0x5e200400 | same[i][0] << 29 | size << 22 | m | same[i][1] << 11 | n | d, kIntK, 60);
  // Three same extra: SQRDMLAH, SQRDMLSH.
  for (uint32_t op = 0; op < 2; ++op)
    for (uint32_t size = 1; size < 3; ++size) Cases(0x7e008400 | size << 22 | m | op << 11 | n | d, kIntK, 60);
  // Three same, FP: {U, size<1>, opcode}.
  static const uint32_t fsame[][3] = {{0, 0, 0x1b}, {0, 0, 0x1c}, {0, 0, 0x1f}, {0, 1, 0x1f},
                                      {1, 0, 0x1c}, {1, 0, 0x1d}, {1, 1, 0x1a}, {1, 1, 0x1c},
                                      {1, 1, 0x1d}};
  for (uint32_t i = 0; i < N(fsame); ++i)
    for (uint32_t sz = 0; sz < 2; ++sz)
      Cases(0x5e200400 | fsame[i][0] << 29 | (fsame[i][1] << 1 | sz) << 22 | m | fsame[i][2] << 11 | n | d,
            sz ? kFpD : kFpS, 80);
  // Two-register misc, integer: {U, opcode, sizes mask}.
  static const uint32_t misc[][3] = {
      {0, 0x03, 15}, {0, 0x07, 15}, {0, 0x08, 8}, {0, 0x09, 8}, {0, 0x0a, 8}, {0, 0x0b, 8},
      {0, 0x14, 7},  {1, 0x03, 15}, {1, 0x07, 15}, {1, 0x08, 8}, {1, 0x09, 8}, {1, 0x0b, 8},
      {1, 0x12, 7},  {1, 0x14, 7}};
  for (uint32_t i = 0; i < N(misc); ++i)
    for (uint32_t size = 0; size < 4; ++size)
      if (misc[i][2] >> size & 1)
        Cases(0x5e200800 | misc[i][0] << 29 | size << 22 | misc[i][1] << 12 | n | d, kIntK, 40);
  // Two-register misc, FP: {U, size<1>, opcode}; conversions from integers
  // get integer operands.
  static const uint32_t fmisc[][3] = {
      {0, 0, 0x1a}, {0, 0, 0x1b}, {0, 0, 0x1c}, {0, 0, 0x1d}, {0, 1, 0x0c}, {0, 1, 0x0d},
      {0, 1, 0x0e}, {0, 1, 0x1a}, {0, 1, 0x1b}, {1, 0, 0x1a}, {1, 0, 0x1b}, {1, 0, 0x1c},
      {1, 0, 0x1d}, {1, 1, 0x0c}, {1, 1, 0x0d}, {1, 1, 0x1a}, {1, 1, 0x1b},
      {0, 1, 0x1d}, {0, 1, 0x1f}, {1, 1, 0x1d}};  // FRECPE, FRECPX, FRSQRTE
  for (uint32_t i = 0; i < N(fmisc); ++i)
    for (uint32_t sz = 0; sz < 2; ++sz) {
      const int cvt = fmisc[i][1] == 0 && fmisc[i][2] == 0x1d;
      Cases(0x5e200800 | fmisc[i][0] << 29 | (fmisc[i][1] << 1 | sz) << 22 | fmisc[i][2] << 12 | n | d,
            cvt ? (sz ? kCvtD : kCvtS) : (sz ? kFpD : kFpS), i >= 17 ? 300 : 80);
    }
  Cases(0x7e616800 | n | d, kFpD, 150);  // FCVTXN
  // FRECPE, FRSQRTE, FRECPX at the exponent boundaries of their special cases
  // (denormals, 2^-128 / 2^-1024, 2^126 / 2^1022, results with exponent 0/-1).
  static const uint32_t est[] = {0x5ea1d800, 0x7ea1d800, 0x5ea1f800};
  for (uint32_t i = 0; i < N(est); ++i)
    for (uint32_t sz = 0; sz < 2; ++sz) {
      static const uint64_t exps[] = {0, 1, 2, 3, 125, 126, 127, 128, 251, 252, 253, 254, 255};
      for (uint32_t k = 0; k < N(exps); ++k)
        for (int j = 0; j < 8; ++j) {
          uint64_t e = exps[k], x;
          if (sz) {
            if (e >= 128) e += 2048 - 256; else if (e > 3) e += 1024 - 128;
            x = e << 52 | (Rand() >> (12 + (j & 3) * 3));
          } else {
            x = e << 23 | ((Rand() & 0x7fffff) >> ((j & 3) * 3));
          }
          if (j & 4) x |= sz ? 1ull << 63 : 1ull << 31;
          uint64_t v0[2] = {Rand(), Rand()}, v1[2] = {x, Rand()}, v2[2] = {0, 0};
          Run(est[i] | sz << 22 | n | d, kGoldenFpcr[(k + j) % kNumFpcr], v0, v1, v2);
        }
    }
  // Pairwise.
  Cases(0x5ef1b800 | n | d, kIntK, 20);  // ADDP
  static const uint32_t fpair[][2] = {{0, 0x0c}, {0, 0x0d}, {0, 0x0f}, {1, 0x0c}, {1, 0x0f}};
  for (uint32_t i = 0; i < N(fpair); ++i)
    for (uint32_t sz = 0; sz < 2; ++sz)
      Cases(0x7e300800 | (fpair[i][0] << 1 | sz) << 22 | fpair[i][1] << 12 | n | d, sz ? kFpD : kFpS, 80);
  // Scalar copy: DUP (element).
  for (uint32_t imm5 = 1; imm5 < 32; ++imm5) if (imm5 & 15) Cases(0x5e000400 | imm5 << 16 | n | d, kIntK, 2);
  // Three different: SQDMLAL, SQDMLSL, SQDMULL.
  static const uint32_t diff[] = {0x9, 0xb, 0xd};
  for (uint32_t i = 0; i < N(diff); ++i)
    for (uint32_t size = 1; size < 3; ++size) Cases(0x5e200000 | size << 22 | m | diff[i] << 12 | n | d, kIntK, 60);
  // Shift by immediate: {U, opcode, 1 if 64-bit only, 2 if narrow, 4 if fixed-point}.
  static const uint32_t shf[][3] = {
      {0, 0x00, 1}, {0, 0x02, 1}, {0, 0x04, 1}, {0, 0x06, 1}, {0, 0x0a, 1}, {0, 0x0e, 0},
      {0, 0x12, 2}, {0, 0x13, 2}, {0, 0x1c, 4}, {0, 0x1f, 4}, {1, 0x00, 1}, {1, 0x02, 1},
      {1, 0x04, 1}, {1, 0x06, 1}, {1, 0x08, 1}, {1, 0x0a, 1}, {1, 0x0c, 0}, {1, 0x0e, 0},
      {1, 0x10, 2}, {1, 0x11, 2}, {1, 0x12, 2}, {1, 0x13, 2}, {1, 0x1c, 4}, {1, 0x1f, 4}};
  for (uint32_t i = 0; i < N(shf); ++i)
    for (uint32_t imm = 8; imm < 128; ++imm) {
      const uint32_t immh = imm >> 3, kind = shf[i][2];
      if (kind == 1 && immh < 8) continue;
      if (kind == 2 && immh >= 8) continue;
      if (kind == 4 && immh < 4) continue;
      const uint32_t word = 0x5f000400 | shf[i][0] << 29 | imm << 16 | shf[i][1] << 11 | n | d;
      if (kind == 4) {
        const int fp_src = shf[i][1] == 0x1f;
        Cases(word, immh >= 8 ? (fp_src ? kFpD : kCvtD) : (fp_src ? kFpS : kCvtS), 6);
      } else {
        Cases(word, kIntK, 4);
      }
    }
  // By element, integer: {U, opcode}.
  static const uint32_t elem[][2] = {{0, 0x3}, {0, 0x7}, {0, 0xb}, {0, 0xc}, {0, 0xd}, {1, 0xd}, {1, 0xf}};
  for (uint32_t i = 0; i < N(elem); ++i)
    for (uint32_t size = 1; size < 3; ++size)
      for (uint32_t idx = 0; idx < (size == 1 ? 8u : 4u); ++idx) {
        uint32_t hlm;
        if (size == 1) hlm = (idx >> 2) << 11 | (idx >> 1 & 1) << 21 | (idx & 1) << 20;
        else hlm = (idx >> 1) << 11 | (idx & 1) << 21;
        Cases(0x5f000000 | elem[i][0] << 29 | size << 22 | hlm | m | elem[i][1] << 12 | n | d, kIntK, 12);
      }
  // By element, FP: {U, opcode}.
  static const uint32_t felem[][2] = {{0, 0x1}, {0, 0x5}, {0, 0x9}, {1, 0x9}};
  for (uint32_t i = 0; i < N(felem); ++i)
    for (uint32_t sz = 0; sz < 2; ++sz)
      for (uint32_t idx = 0; idx < (sz ? 2u : 4u); ++idx) {
        const uint32_t hl = sz ? idx << 11 : (idx >> 1) << 11 | (idx & 1) << 21;
        Cases(0x5f800000 | felem[i][0] << 29 | sz << 22 | hl | m | felem[i][1] << 12 | n | d,
              sz ? kFpD : kFpS, 25);
      }
  return 0;
}

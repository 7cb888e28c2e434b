// Generates simd_int_golden.txt: runs the Advanced SIMD vector integer
// instructions (every op and arrangement of the three same, three same extra,
// two-register misc, across lanes, three different, shift by immediate,
// x indexed element, permute, extract, copy, table lookup and modified
// immediate classes) under qemu-aarch64 (or on AArch64 hardware) and prints
// inputs and results, one case per line:
//   word k v0lo v0hi ... v(k-1)lo v(k-1)hi : v0lo v0hi x0 fpsr
// (SIMD_INT_GOLDEN_LAYOUT in golden_layout.h).
// Build (from the repository root; or tests/support/regen_golden.sh):
//   aarch64-linux-gnu-gcc -O1 -static -I. tests/simd/gen_golden.c -o gen_golden
//   qemu-aarch64 ./gen_golden > tests/simd/simd_int_golden.txt
// Registers: Rd = 0 (V0, or X0 for UMOV/SMOV; also an input of the
// accumulating forms), Rn = 1, Rm = 2; table lookups use Rn = 1 and the
// register after the table as Rm. V0..V5 hold the inputs (those past k are
// zero), X1 = V1<63:0> (DUP/INS general), X0 = 0, FPCR = FPSR = 0 before each
// instruction. Words the machine rejects (SIGILL) are skipped.
#include "tests/simd/golden_layout.h"
#include "tests/support/golden_gen.h"

// Operand flavours of Rm (register 2).
enum { kPlain = 0, kShiftCounts = 1, kTableIndex = 2 };

// One lane of 8 << size bits: boundary values (0, 1, -1, MIN, MAX, MIN+1,
// MAX-1), shift counts, random bits of random magnitude.
static uint64_t Lane(unsigned size) {
  const unsigned esize = 8u << size;
  const uint64_t mask = esize == 64 ? ~0ull : (1ull << esize) - 1, min = 1ull << (esize - 1);
  const uint64_t r = Rand();
  switch (r % 12) {
    case 0: return 0;
    case 1: return 1;
    case 2: return mask;
    case 3: return min;
    case 4: return min - 1;
    case 5: return min + 1;
    case 6: return min - 2;
    case 7: return ((uint64_t)((int64_t)((r >> 8) % (2 * esize + 10)) - (int64_t)esize - 5)) & mask;
    case 8: return (r >> (8 + (r >> 4) % 48)) & mask;
    default: return (r >> 8 ^ Rand()) & mask;
  }
}
// A shift count in the low byte (-esize-5 .. esize+4), random or zero above.
static uint64_t ShiftLane(unsigned size) {
  const unsigned esize = 8u << size;
  const uint64_t mask = esize == 64 ? ~0ull : (1ull << esize) - 1;
  const uint64_t r = Rand();
  const uint64_t count = (uint64_t)((int64_t)((r >> 8) % (2 * esize + 10)) - (int64_t)esize - 5) & 0xff;
  const uint64_t upper = (r & 1) ? Rand() << 8 : 0;
  return (count | upper) & mask;
}
static void Vector(uint64_t out[2], unsigned size, int flavour) {
  uint64_t b[2] = {0, 0};
  const unsigned esize = 8u << size;
  for (unsigned i = 0; i < 128 / esize; ++i) {
    uint64_t x;
    if (flavour == kShiftCounts && Rand() % 4 != 0) x = ShiftLane(size);
    else if (flavour == kTableIndex) x = Rand() % (Rand() % 2 ? 80 : 256);
    else x = Lane(size);
    const unsigned bit = i * esize;
    b[bit / 64] |= x << (bit % 64);
  }
  out[0] = b[0];
  out[1] = b[1];
}

static void Run(uint32_t word, unsigned k, uint64_t v[6][2]) {
  struct GoldenIn in;
  memset(&in, 0, sizeof in);
  memcpy(in.v, v, sizeof in.v);
  in.vk = k;
  GoldenCase(SIMD_INT_GOLDEN_LAYOUT, SimdIntGoldenComplete, word, &in);
}

// `count` cases of `word` with lanes of 8 << size bits (a quarter of the
// registers get a random lane size, so wide and narrow lanes also see
// boundary values); Rm gets `flavour` lanes.
static void Cases(uint32_t word, unsigned size, int count, int flavour) {
  for (int c = 0; c < count; ++c) {
    uint64_t v[6][2];
    memset(v, 0, sizeof v);
    for (unsigned r = 0; r < 3; ++r) {
      const unsigned g = Rand() % 4 == 0 ? Rand() % 4 : size;
      Vector(v[r], g, r == 2 ? flavour : kPlain);
    }
    Run(word, 3, v);
  }
}

// Size constraints of the table's allocation predicates.
enum { kAny = 1, kNot1D, kNot3, kHS, kB, kBH, kS };
static int Allowed(int rule, unsigned size, unsigned q) {
  switch (rule) {
    case kAny: return 1;
    case kNot1D: return !(size == 3 && !q);
    case kNot3: return size != 3;
    case kHS: return size == 1 || size == 2;
    case kB: return size == 0;
    case kBH: return size < 2;
    case kS: return size == 2;
  }
  return 0;
}
struct Enc { uint32_t u, opcode; int rule; };

int main(void) {
  GoldenInit();
  GoldenSeed(0x9e3779b97f4a7c15ull);
  const uint32_t n = 1 << 5, m = 2 << 16;

  // Three same: 0 Q U 01110 size 1 Rm opcode 1 Rn Rd (opcode 00011 = logic,
  // size selects the operation).
  static const struct Enc same[] = {
      {0, 0x00, kNot3}, {0, 0x01, kNot1D}, {0, 0x02, kNot3}, {0, 0x03, kAny}, {0, 0x04, kNot3},
      {0, 0x05, kNot1D}, {0, 0x06, kNot1D}, {0, 0x07, kNot1D}, {0, 0x08, kNot1D}, {0, 0x09, kNot1D},
      {0, 0x0a, kNot1D}, {0, 0x0b, kNot1D}, {0, 0x0c, kNot3}, {0, 0x0d, kNot3}, {0, 0x0e, kNot3},
      {0, 0x0f, kNot3}, {0, 0x10, kNot1D}, {0, 0x11, kNot1D}, {0, 0x12, kNot3}, {0, 0x13, kNot3},
      {0, 0x14, kNot3}, {0, 0x15, kNot3}, {0, 0x16, kHS}, {0, 0x17, kNot1D},
      {1, 0x00, kNot3}, {1, 0x01, kNot1D}, {1, 0x02, kNot3}, {1, 0x03, kAny}, {1, 0x04, kNot3},
      {1, 0x05, kNot1D}, {1, 0x06, kNot1D}, {1, 0x07, kNot1D}, {1, 0x08, kNot1D}, {1, 0x09, kNot1D},
      {1, 0x0a, kNot1D}, {1, 0x0b, kNot1D}, {1, 0x0c, kNot3}, {1, 0x0d, kNot3}, {1, 0x0e, kNot3},
      {1, 0x0f, kNot3}, {1, 0x10, kNot1D}, {1, 0x11, kNot1D}, {1, 0x12, kNot3}, {1, 0x13, kB},
      {1, 0x14, kNot3}, {1, 0x15, kNot3}, {1, 0x16, kHS}};
  for (uint32_t i = 0; i < N(same); ++i)
    for (uint32_t q = 0; q < 2; ++q)
      for (uint32_t size = 0; size < 4; ++size)
        if (Allowed(same[i].rule, size, q)) {
          const int shifts = same[i].opcode >= 0x08 && same[i].opcode <= 0x0b;
          Cases(0x0e200400 | q << 30 | same[i].u << 29 | size << 22 | m | same[i].opcode << 11 | n,
                size, same[i].opcode == 0x03 ? 4 : 9, shifts ? kShiftCounts : kPlain);
        }
  // Three same extra: SQRDMLAH, SQRDMLSH.
  for (uint32_t op = 0; op < 2; ++op)
    for (uint32_t q = 0; q < 2; ++q)
      for (uint32_t size = 1; size < 3; ++size)
        Cases(0x2e008400 | q << 30 | size << 22 | m | op << 11 | n, size, 14, kPlain);

  // Two-register misc: 0 Q U 01110 size 10000 opcode 10 Rn Rd.
  static const struct Enc misc[] = {
      {0, 0x00, kNot3}, {0, 0x01, kB}, {0, 0x02, kNot3}, {0, 0x03, kNot1D}, {0, 0x04, kNot3},
      {0, 0x05, kB}, {0, 0x06, kNot3}, {0, 0x07, kNot1D}, {0, 0x08, kNot1D}, {0, 0x09, kNot1D},
      {0, 0x0a, kNot1D}, {0, 0x0b, kNot1D}, {0, 0x12, kNot3}, {0, 0x14, kNot3}, {0, 0x1c, kS},
      {1, 0x00, kBH}, {1, 0x02, kNot3}, {1, 0x03, kNot1D}, {1, 0x04, kNot3}, {1, 0x05, kBH},
      {1, 0x06, kNot3}, {1, 0x07, kNot1D}, {1, 0x08, kNot1D}, {1, 0x09, kNot1D}, {1, 0x0b, kNot1D},
      {1, 0x12, kNot3}, {1, 0x13, kNot3}, {1, 0x14, kNot3}, {1, 0x1c, kS}};
  for (uint32_t i = 0; i < N(misc); ++i)
    for (uint32_t q = 0; q < 2; ++q)
      for (uint32_t size = 0; size < 4; ++size)
        if (Allowed(misc[i].rule, size, q)) {
          const uint32_t word = 0x0e200800 | q << 30 | misc[i].u << 29 | size << 22 | misc[i].opcode << 12 | n;
          const int narrow = misc[i].opcode == 0x12 || misc[i].opcode == 0x14;
          Cases(word, narrow ? size + 1 : size, misc[i].opcode == 0x1c ? 40 : 9, kPlain);
        }
  // URECPE/URSQRTE around the 0x40000000 / 0x80000000 thresholds and every
  // estimate table index (operand<31:23>).
  for (uint32_t u = 0; u < 2; ++u)
    for (uint32_t top = 0; top < 512; top += 3) {
      uint64_t v[6][2];
      memset(v, 0, sizeof v);
      for (int l = 0; l < 4; ++l) {
        const uint64_t x = ((uint64_t)(top + l) % 512) << 23 | (Rand() & 0x7fffff);
        v[1][l / 2] |= x << (32 * (l % 2));
      }
      Run(0x4ea1c800 | u << 29 | n, 3, v);
    }

  // Across lanes: 0 Q U 01110 size 11000 opcode 10 Rn Rd.
  static const struct Enc across[] = {{0, 0x03, 0}, {0, 0x0a, 0}, {0, 0x1a, 0}, {0, 0x1b, 0},
                                      {1, 0x03, 0}, {1, 0x0a, 0}, {1, 0x1a, 0}};
  for (uint32_t i = 0; i < N(across); ++i)
    for (uint32_t q = 0; q < 2; ++q)
      for (uint32_t size = 0; size < 3; ++size)
        if (size < 2 || q)
          Cases(0x0e300800 | q << 30 | across[i].u << 29 | size << 22 | across[i].opcode << 12 | n, size, 8,
                kPlain);

  // Three different: 0 Q U 01110 size 1 Rm opcode 00 Rn Rd.
  static const struct Enc diff[] = {
      {0, 0x0, kNot3}, {0, 0x1, kNot3}, {0, 0x2, kNot3}, {0, 0x3, kNot3}, {0, 0x4, kNot3},
      {0, 0x5, kNot3}, {0, 0x6, kNot3}, {0, 0x7, kNot3}, {0, 0x8, kNot3}, {0, 0x9, kHS},
      {0, 0xa, kNot3}, {0, 0xb, kHS}, {0, 0xc, kNot3}, {0, 0xd, kHS}, {0, 0xe, kB},
      {1, 0x0, kNot3}, {1, 0x1, kNot3}, {1, 0x2, kNot3}, {1, 0x3, kNot3}, {1, 0x4, kNot3},
      {1, 0x5, kNot3}, {1, 0x6, kNot3}, {1, 0x7, kNot3}, {1, 0x8, kNot3}, {1, 0xa, kNot3},
      {1, 0xc, kNot3}};
  for (uint32_t i = 0; i < N(diff); ++i)
    for (uint32_t q = 0; q < 2; ++q)
      for (uint32_t size = 0; size < 3; ++size)
        if (Allowed(diff[i].rule, size, q))
          Cases(0x0e200000 | q << 30 | diff[i].u << 29 | size << 22 | m | diff[i].opcode << 12 | n, size, 9,
                kPlain);

  // Shift by immediate: 0 Q U 011110 immh immb opcode 1 Rn Rd; every
  // immh:immb, with Q alternating (immh<3> == 1 needs Q == 1; the narrow and
  // long forms exist for immh<3> == 0 only).
  static const struct Enc shf[] = {
      {0, 0x00, 0}, {0, 0x02, 0}, {0, 0x04, 0}, {0, 0x06, 0}, {0, 0x0a, 0}, {0, 0x0e, 0},
      {0, 0x10, 1}, {0, 0x11, 1}, {0, 0x12, 1}, {0, 0x13, 1}, {0, 0x14, 1},
      {1, 0x00, 0}, {1, 0x02, 0}, {1, 0x04, 0}, {1, 0x06, 0}, {1, 0x08, 0}, {1, 0x0a, 0},
      {1, 0x0c, 0}, {1, 0x0e, 0}, {1, 0x10, 1}, {1, 0x11, 1}, {1, 0x12, 1}, {1, 0x13, 1},
      {1, 0x14, 1}};
  for (uint32_t i = 0; i < N(shf); ++i)
    for (uint32_t imm = 8; imm < 128; ++imm) {
      const uint32_t immh = imm >> 3;
      const uint32_t size = immh >= 8 ? 3 : immh >= 4 ? 2 : immh >= 2 ? 1 : 0;
      if (shf[i].rule == 1 && size == 3) continue;
      for (uint32_t q = 0; q < 2; ++q) {
        if (size == 3 && !q) continue;
        if (size < 3 && q != (imm & 1)) continue;
        const uint32_t word = 0x0f000400 | q << 30 | shf[i].u << 29 | imm << 16 | shf[i].opcode << 11 | n;
        const int narrow = shf[i].rule == 1 && shf[i].opcode != 0x14;
        Cases(word, narrow ? size + 1 : size, 2, kPlain);
      }
    }

  // Vector x indexed element, integer: 0 Q U 01111 size L M Rm opcode H 0 Rn Rd.
  static const struct Enc elem[] = {{0, 0x2, 0}, {0, 0x3, 0}, {0, 0x6, 0}, {0, 0x7, 0}, {0, 0x8, 0},
                                    {0, 0xa, 0}, {0, 0xb, 0}, {0, 0xc, 0}, {0, 0xd, 0}, {1, 0x0, 0},
                                    {1, 0x2, 0}, {1, 0x4, 0}, {1, 0x6, 0}, {1, 0xa, 0}, {1, 0xd, 0},
                                    {1, 0xf, 0}};
  for (uint32_t i = 0; i < N(elem); ++i)
    for (uint32_t q = 0; q < 2; ++q)
      for (uint32_t size = 1; size < 3; ++size)
        for (uint32_t idx = 0; idx < (size == 1 ? 8u : 4u); ++idx) {
          uint32_t hlm;
          if (size == 1) hlm = (idx >> 2) << 11 | (idx >> 1 & 1) << 21 | (idx & 1) << 20;
          else hlm = (idx >> 1) << 11 | (idx & 1) << 21;
          Cases(0x0f000000 | q << 30 | elem[i].u << 29 | size << 22 | hlm | m | elem[i].opcode << 12 | n, size,
                3, kPlain);
        }

  // Permute: 0 Q 0 01110 size 0 Rm 0 opcode 10 Rn Rd.
  static const uint32_t perm[] = {1, 2, 3, 5, 6, 7};
  for (uint32_t i = 0; i < N(perm); ++i)
    for (uint32_t q = 0; q < 2; ++q)
      for (uint32_t size = 0; size < 4; ++size)
        if (Allowed(kNot1D, size, q)) Cases(0x0e000800 | q << 30 | size << 22 | m | perm[i] << 12 | n, size, 3, kPlain);
  // EXT: 0 Q 10 1110 00 0 Rm 0 imm4 0 Rn Rd.
  for (uint32_t q = 0; q < 2; ++q)
    for (uint32_t imm4 = 0; imm4 < (q ? 16u : 8u); ++imm4) Cases(0x2e000000 | q << 30 | m | imm4 << 11 | n, 0, 3, kPlain);

  // Copy: DUP (element, general), SMOV, UMOV, INS (general, element).
  for (uint32_t imm5 = 1; imm5 < 32; ++imm5) {
    const unsigned size = (imm5 & 1) ? 0 : (imm5 & 2) ? 1 : (imm5 & 4) ? 2 : (imm5 & 8) ? 3 : 4;
    if (size == 4) continue;
    for (uint32_t q = 0; q < 2; ++q) {
      if (!(size == 3 && !q)) {
        Cases(0x0e000400 | q << 30 | imm5 << 16 | n, size, 2, kPlain);  // DUP (element)
        if (imm5 < 16 || size == 3) Cases(0x0e000c00 | q << 30 | imm5 << 16 | n, size, 2, kPlain);  // DUP (general)
      }
      if (size < (q ? 3u : 2u)) Cases(0x0e002c00 | q << 30 | imm5 << 16 | n, size, 2, kPlain);  // SMOV
      if (q ? size == 3 : size < 3) Cases(0x0e003c00 | q << 30 | imm5 << 16 | n, size, 2, kPlain);  // UMOV
    }
    Cases(0x4e001c00 | imm5 << 16 | n, size, 2, kPlain);  // INS (general)
    for (uint32_t imm4 = 0; imm4 < 16; imm4 += 1u << size)
      Cases(0x6e000400 | imm5 << 16 | imm4 << 11 | n, size, 1, kPlain);  // INS (element)
  }

  // TBL/TBX: 0 Q 001110 00 0 Rm 0 len op 00 Rn Rd, table V1.., Rm after it.
  for (uint32_t q = 0; q < 2; ++q)
    for (uint32_t len = 0; len < 4; ++len)
      for (uint32_t op = 0; op < 2; ++op)
        for (int c = 0; c < 8; ++c) {
          uint64_t v[6][2];
          memset(v, 0, sizeof v);
          for (unsigned r = 0; r <= len + 1; ++r) Vector(v[r], 0, kPlain);
          Vector(v[len + 2], 0, kTableIndex);
          Run(0x0e000000 | q << 30 | (len + 2) << 16 | len << 13 | op << 12 | n, len + 3, v);
        }

  // Modified immediate: 0 Q op 0111100000 abc cmode 01 defgh Rd.
  for (uint32_t q = 0; q < 2; ++q)
    for (uint32_t op = 0; op < 2; ++op)
      for (uint32_t cmode = 0; cmode < 16; ++cmode) {
        if (cmode == 15) continue;  // FMOV (vector, immediate)
        for (int c = 0; c < 3; ++c) {
          const uint32_t imm8 = c == 0 ? 0xff : c == 1 ? 0x5a : (uint32_t)Rand() & 0xff;
          Cases(0x0f000400 | q << 30 | op << 29 | (imm8 >> 5) << 16 | cmode << 12 | (imm8 & 31) << 5, 0, 1,
                kPlain);
        }
      }
  return 0;
}

// Generates crypto_golden.txt: runs the cryptographic instructions, PMULL
// .1Q, FJCVTZS and FCVT to/from half precision with FPCR.AHP = 1 under
// qemu-aarch64 and prints inputs and results, one case per line:
//   word fpcr nzcv v0lo v0hi v1lo v1hi v2lo v2hi : v0lo v0hi x0 fpsr nzcv
// (CRYPTO_GOLDEN_LAYOUT in golden_layout.h).
// Built and run under qemu-aarch64 by Bazel (tests/support/golden.bzl); by hand:
//   aarch64-linux-gnu-gcc -O1 -static -I. tests/crypto/gen_golden.c -o gen_golden
//   qemu-aarch64 -cpu max ./gen_golden > tests/crypto/crypto_golden.txt
// Registers: Rd = 0, Rn = 1, Rm = 2 unless the word says otherwise; X0 is
// 0x5555 before the instruction.
#include "tests/crypto/golden_layout.h"
#include "tests/support/golden_gen.h"

// v = V0, V1, V2 as (bits 63:0, bits 127:64) pairs.
static void Run(uint32_t word, uint64_t fpcr, uint64_t nzcv, const uint64_t v[6]) {
  struct GoldenIn in;
  memset(&in, 0, sizeof in);
  in.fpcr = fpcr;
  in.nzcv = nzcv;
  memcpy(in.v, v, 6 * sizeof v[0]);
  GoldenCase(CRYPTO_GOLDEN_LAYOUT, CryptoGoldenComplete, word, &in);
}

// Crypto and PMULL .1Q words with Rd = 0, Rn = 1, Rm = 2, and a few with
// overlapping registers.
static const uint32_t kCrypto[] = {
    0x4e284820, 0x4e285820, 0x4e286820, 0x4e287820,  // aese, aesd, aesmc, aesimc v0, v1
    0x4e284800, 0x4e285800, 0x4e286800, 0x4e287800,  // same with Vn = V0
    0x5e020020, 0x5e021020, 0x5e022020, 0x5e023020,  // sha1c, sha1p, sha1m, sha1su0
    0x5e024020, 0x5e025020, 0x5e026020,              // sha256h, sha256h2, sha256su1
    0x5e280820, 0x5e281820, 0x5e282820,              // sha1h, sha1su1, sha256su0
    0x5e000000, 0x5e001000, 0x5e002000, 0x5e003000,  // Vd = Vn = Vm = V0
    0x5e004000, 0x5e005000, 0x5e006000, 0x5e281800, 0x5e282800,
    0x0ee2e020, 0x4ee2e020, 0x0ee0e000, 0x4ee1e000,  // pmull, pmull2 .1q
};

// Double-precision operands for FJCVTZS.
static const uint64_t kJs[] = {
    0x0000000000000000, 0x8000000000000000,  // +-0
    0x7ff0000000000000, 0xfff0000000000000,  // +-inf
    0x7ff8000000000000, 0xfff8000000000001, 0x7ff0000000000001, 0xfff4000000000000,  // NaNs
    0x41e0000000000000, 0xc1e0000000000000,  // +-2^31
    0xc1e0000000200000,                      // -2^31 - 1
    0x41dfffffffc00000, 0xc1dfffffffc00000,  // +-(2^31 - 1)
    0x41dfffffffe00000,                      // 2^31 - 0.5
    0xc1e0000000100000,                      // -2^31 - 0.5
    0x4340000000000000, 0x4340000000000001,  // 2^53, 2^53 + 2
    0x433fffffffffffff,                      // 2^53 - 1
    0x4330000000000001,                      // 2^52 + 1
    0x432fffffffffffff,                      // 2^52 - 0.5
    0x41f0000000000000, 0x41f0000000000001, 0xc1f0000000000001,  // 2^32, 2^32+eps
    0x43e0000000000000, 0xc3e0000000000000, 0x43f0000000000000,  // 2^63, 2^64
    0x4400000000000001, 0x7fefffffffffffff, 0xffefffffffffffff,  // huge
    0x0000000000000001, 0x8000000000000001, 0x000fffffffffffff, 0x800fffffffffffff,  // denormals
    0x0010000000000000, 0x8010000000000000,  // smallest normals
    0x3ff0000000000000, 0xbff0000000000000, 0x3fe0000000000000, 0xbfe0000000000000,
    0x3fefffffffffffff, 0xbfefffffffffffff, 0x4004000000000000, 0xc004000000000000,
    0x4059000000000000, 0xc059000000000000, 0x3ff8000000000000, 0xbff8000000000000,
    0x4530000000000000, 0x4530000000000001, 0xc530000000000001,  // 2^84 (+)
    0x4520000000000001, 0x4540000000000001, 0x4330000080000001,
};

// Half-precision operands for FCVT from half with AHP = 1.
static const uint64_t kHalf[] = {
    0x0000, 0x8000, 0x0001, 0x8001, 0x03ff, 0x0400, 0x3c00, 0xbc00, 0x7bff, 0xfbff,
    0x7c00, 0xfc00, 0x7c01, 0xfc01, 0x7e00, 0xfe00, 0x7fff, 0xffff, 0x7d55, 0xfeaa,
};
// Single-precision operands for FCVT to half with AHP = 1 (around the IEEE
// and alternative maxima 65504 and 131008).
static const uint64_t kSingle[] = {
    0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001, 0xffa00000,
    0x477fe000, 0x477ff000, 0x477fffff, 0x47800000, 0xc7800000, 0x47ffe000, 0xc7ffe000,
    0x47ffefff, 0x47fff000, 0x47fff001, 0x47ffffff, 0x48000000, 0xc8000000, 0x7f7fffff,
    0x38800000, 0x387fc000, 0x33800000, 0x33000000, 0x33000001, 0xb3000001, 0x337fffff,
    0x3f800000, 0x3f800fff, 0x3f801000, 0x3f801001, 0x3f803000, 0x00000001, 0x807fffff,
};
static const uint64_t kDouble[] = {
    0, 0x8000000000000000, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
    0xfff0000000000001, 0x40effc0000000000, 0x40effe0000000000, 0x40f0000000000000,
    0x40fffc0000000000, 0xc0fffc0000000000, 0x40fffdffffffffff, 0x40fffe0000000000,
    0x40fffe0000000001, 0x40ffffffffffffff, 0x4100000000000000, 0x7fefffffffffffff,
    0x3f10000000000000, 0x3e70000000000000, 0x3e60000000000000, 0x3e60000000000001,
    0x3ff0000000000000, 0x3ff0020000000000, 0x3ff0020000000001, 0x0000000000000001,
};

static uint64_t RandomDouble(void) {
  uint64_t r = Rand();
  switch (r % 4) {
    case 0: return kJs[(r >> 8) % N(kJs)];
    case 1: return Rand();  // any bit pattern
    default: {
      // exponent near the int32 range: 2^-2 .. 2^40
      const uint64_t exp = 1021 + (r >> 8) % 43;
      return (Rand() & 0x800fffffffffffffull) | exp << 52;
    }
  }
}

static uint64_t Fpcr(void) {
  // AHP, DN, FZ and RMode in all combinations.
  const uint64_t r = Rand();
  return (r & 1) << 26 | ((r >> 1) & 1) << 25 | ((r >> 2) & 1) << 24 | ((r >> 3) & 3) << 22;
}

int main(void) {
  GoldenInit();
  GoldenSeed(0x2545f4914f6cdd1dull);
  uint64_t v[6];
  for (size_t i = 0; i < N(kCrypto); ++i) {
    for (int k = 0; k < 200; ++k) {
      for (int j = 0; j < 6; ++j) v[j] = Rand();
      if (k == 0) memset(v, 0, sizeof v);
      if (k == 1) for (int j = 0; j < 6; ++j) v[j] = ~0ull;
      Run(kCrypto[i], 0, (Rand() & 15) << 28, v);
    }
  }
  // FJCVTZS w0, d1 (also w0, d0 and wzr... only w0 is observed).
  for (size_t i = 0; i < N(kJs); ++i) {
    for (int fz = 0; fz < 2; ++fz) {
      memset(v, 0, sizeof v);
      v[2] = kJs[i];
      v[3] = Rand();
      Run(0x1e7e0020, (uint64_t)fz << 24, 0xf0000000, v);
    }
  }
  for (int k = 0; k < 3000; ++k) {
    memset(v, 0, sizeof v);
    v[2] = RandomDouble();
    v[3] = Rand();
    Run(0x1e7e0020, Fpcr() & ~(1ull << 26), (Rand() & 15) << 28, v);
  }
  // FCVT with FPCR.AHP = 1 (and some with AHP = 0 for contrast).
  const uint32_t kFromHalf[] = {0x1ee24020, 0x1ee2c020};  // fcvt s0, h1; fcvt d0, h1
  for (int w = 0; w < 2; ++w) {
    for (size_t i = 0; i < N(kHalf); ++i) {
      for (int f = 0; f < 4; ++f) {
        memset(v, 0, sizeof v);
        v[2] = kHalf[i] | (Rand() << 16);  // upper bits of V1 are ignored
        Run(kFromHalf[w], 1ull << 26 | (uint64_t)(f & 1) << 25 | (uint64_t)(f >> 1) << 24, 0, v);
      }
    }
    for (int k = 0; k < 600; ++k) {
      memset(v, 0, sizeof v);
      v[2] = Rand();
      Run(kFromHalf[w], Fpcr() | (k % 4 ? 1ull << 26 : 0), 0, v);
    }
  }
  for (size_t i = 0; i < N(kSingle); ++i) {
    for (int f = 0; f < 16; ++f) {  // DN, FZ and RMode
      memset(v, 0, sizeof v);
      v[2] = kSingle[i] | (kSingle[i] & 0x80000000 ? 0 : Rand() << 32);
      Run(0x1e23c020, 1ull << 26 | (uint64_t)f << 22, 0, v);  // fcvt h0, s1
    }
  }
  for (size_t i = 0; i < N(kDouble); ++i) {
    for (int f = 0; f < 16; ++f) {
      memset(v, 0, sizeof v);
      v[2] = kDouble[i];
      Run(0x1e63c020, 1ull << 26 | (uint64_t)f << 22, 0, v);  // fcvt h0, d1
    }
  }
  for (int k = 0; k < 1500; ++k) {
    memset(v, 0, sizeof v);
    const int dbl = k & 1;
    // Random values whose magnitude lies near the half-precision range.
    const uint64_t r = Rand();
    if (dbl) {
      v[2] = (r % 3 == 0) ? Rand()
                          : (Rand() & 0x800fffffffffffffull) | (uint64_t)(1023 - 28 + (r >> 8) % 46) << 52;
    } else {
      v[2] = (r % 3 == 0) ? (Rand() & 0xffffffff)
                          : (Rand() & 0x807fffff) | (uint64_t)(127 - 28 + (r >> 8) % 46) << 23;
    }
    Run(dbl ? 0x1e63c020 : 0x1e23c020, Fpcr() | (k % 4 ? 1ull << 26 : 0), 0, v);
  }
  return 0;
}

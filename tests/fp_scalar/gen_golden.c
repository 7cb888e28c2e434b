// Generates fp_golden.txt: runs scalar FP instructions under qemu-aarch64 (or
// on AArch64 hardware) and prints inputs and results, one case per line:
//   word fpcr nzcv v1 v2 v3 x1 : v0lo v0hi x0 fpsr nzcv
// Build: aarch64-linux-gnu-gcc -O1 -static gen_golden.c -o gen_golden
//        qemu-aarch64 ./gen_golden > fp_golden.txt
// Registers: Rd = 0, Rn = 1, Rm = 2, Ra = 3; general inputs in X1.
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

struct State {
  uint64_t fpcr, nzcv, v1, v2, v3, x1;     // inputs
  uint64_t v0lo, v0hi, x0, fpsr, nzcv_out; // outputs
};

// x0 = state, x1 = code ([insn, ret]).
void RunStub(struct State* s, void* code);
__asm__(
    ".global RunStub\n"
    "RunStub:\n"
    "  stp x29, x30, [sp, #-32]!\n"
    "  str x19, [sp, #16]\n"
    "  mov x19, x0\n"
    "  mov x9, x1\n"
    "  ldr x2, [x19, #0]\n  msr fpcr, x2\n  msr fpsr, xzr\n"
    "  ldr x2, [x19, #8]\n  msr nzcv, x2\n"
    "  movi v0.2d, #0\n  mov x0, #0x5555\n"
    "  ldr d1, [x19, #16]\n  ldr d2, [x19, #24]\n  ldr d3, [x19, #32]\n"
    "  mov v0.d[1], x0\n"  // marks whether v0's upper half is cleared
    "  ldr x1, [x19, #40]\n"
    "  blr x9\n"
    "  str d0, [x19, #48]\n  mov x2, v0.d[1]\n  str x2, [x19, #56]\n"
    "  str x0, [x19, #64]\n"
    "  mrs x2, fpsr\n  str x2, [x19, #72]\n"
    "  mrs x2, nzcv\n  str x2, [x19, #80]\n"
    "  msr fpcr, xzr\n"
    "  ldr x19, [sp, #16]\n"
    "  ldp x29, x30, [sp], #32\n"
    "  ret\n");

static uint32_t* code;
static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t Rand(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return rng;
}

static void Run(uint32_t word, uint64_t fpcr, uint64_t nzcv, uint64_t v1, uint64_t v2, uint64_t v3,
                uint64_t x1) {
  struct State s;
  memset(&s, 0, sizeof s);
  s.fpcr = fpcr; s.nzcv = nzcv; s.v1 = v1; s.v2 = v2; s.v3 = v3; s.x1 = x1;
  code[0] = word;
  code[1] = 0xd65f03c0;  // ret
  __builtin___clear_cache((char*)code, (char*)(code + 2));
  RunStub(&s, code);
  printf("%08x %lx %lx %lx %lx %lx %lx : %lx %lx %lx %lx %lx\n", word, s.fpcr, s.nzcv, s.v1, s.v2,
         s.v3, s.x1, s.v0lo, s.v0hi, s.x0, s.fpsr, s.nzcv_out);
}

// Interesting operands of each precision.
static const uint64_t kD[] = {
    0, 0x8000000000000000, 1, 0x800fffffffffffff, 0x0010000000000000, 0x8010000000000000,
    0x3ff0000000000000, 0xbff8000000000000, 0x7fefffffffffffff, 0x7ff0000000000000,
    0xfff0000000000000, 0x7ff8000000000123, 0xfff4000000000456, 0x7ff0000000000001,
    0x4004000000000000, 0xc004000000000000, 0x3fe0000000000000, 0x41dfffffffc00000,
    0x41e0000000000000, 0xc1e0000000200000, 0x43e0000000000000, 0x43f0000000000000,
    0x000fffffffffffff, 0x3ca0000000000000, 0x4330000000000001, 0x0000000000000003};
static const uint64_t kS[] = {
    0, 0x80000000, 1, 0x807fffff, 0x00800000, 0x80800000, 0x3f800000, 0xbfc00000, 0x7f7fffff,
    0x7f800000, 0xff800000, 0x7fc00123, 0xffa00456, 0x7f800001, 0x40200000, 0xc0200000,
    0x3f000000, 0x4effffff, 0x4f000000, 0xcf000001, 0x5f000000, 0x5f800000, 0x007fffff,
    0x33800000, 0x4b000001, 3};
#define N(a) (sizeof(a) / sizeof(a[0]))

static uint64_t Operand(int dbl) {
  uint64_t r = Rand();
  switch (r % 4) {
    case 0: return dbl ? kD[(r >> 8) % N(kD)] : kS[(r >> 8) % N(kS)];
    case 1: {  // near the underflow threshold
      if (dbl) return (r >> 12 & 0x800fffffffffffffull) | (uint64_t)((r >> 40) % 64) << 52;
      return (r >> 12 & 0x807fffffu) | (uint64_t)((r >> 40) % 16) << 23;
    }
    case 2:  // moderate exponents
      if (dbl) return (r & 0x800fffffffffffffull) | (uint64_t)(1023 - 40 + (r >> 52) % 80) << 52;
      return (r & 0x807fffffu) | (uint64_t)(127 - 20 + (r >> 40) % 40) << 23;
    default:
      return dbl ? r : (r & 0xffffffffu);
  }
}

static const uint64_t kFpcr[] = {0, 1u << 22, 2u << 22, 3u << 22, 1u << 24, 1u << 25,
                                 3u << 24 | 2u << 22};

static void Cases(uint32_t word, int dbl, int count) {
  for (int i = 0; i < count; ++i) {
    uint64_t fpcr = kFpcr[Rand() % N(kFpcr)];
    Run(word, fpcr, (Rand() & 15) << 28, Operand(dbl), Operand(dbl), Operand(dbl), Rand());
  }
}

int main(void) {
  code = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
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
          Run(sf << 31 | 0x1e220000 | t | u << 16 | n | d, kFpcr[i % N(kFpcr)], 0, 0, 0, 0, x);
        }
      const uint32_t scales[] = {63, 48, 33, 32};
      for (uint32_t i = 0; i < 4; ++i) {
        const uint32_t sc = sf ? (i == 3 ? 1 : scales[i]) : scales[i];
        for (uint32_t u = 0; u < 2; ++u) {
          Cases(sf << 31 | 0x1e180000 | t | u << 16 | sc << 10 | n | d, ft, 25);
          for (int k = 0; k < 12; ++k)
            Run(sf << 31 | 0x1e020000 | t | u << 16 | sc << 10 | n | d, kFpcr[k % N(kFpcr)], 0, 0,
                0, 0, Rand() >> (Rand() % 64));
        }
      }
    }
  }
  // Half-precision sources of FCVT.
  for (int i = 0; i < 300; ++i) {
    const uint64_t h = i < 40 ? (uint64_t)(0x7c00 + (i - 20) * 0x1ff) & 0xffff : Rand() & 0xffff;
    Run(0x1ee24000 | (Rand() & 1) << 15 | n | d, kFpcr[i % N(kFpcr)], 0, h, 0, 0, 0);
  }
  // FMOV (general), including the top half.
  const uint32_t fmov[] = {0x1e260000, 0x1e270000, 0x9e660000, 0x9e670000, 0x9eae0000, 0x9eaf0000};
  for (uint32_t i = 0; i < N(fmov); ++i)
    for (int k = 0; k < 5; ++k) Run(fmov[i] | n | d, 0, 0, Rand(), 0, 0, Rand());
  return 0;
}

/* The common part of the golden-vector generators (tests/STAR/gen_golden.c):
 * executes one instruction word on the machine the generator runs on
 * (qemu-aarch64, or AArch64 hardware) with given FPCR, NZCV, X0, X1 and
 * V0..V5, captures V0, X0, FPSR and NZCV, and prints the case as a line of a
 * golden text file (layout: see golden_case.h). Also the random generator and
 * the special floating-point values the generators share.
 *
 * Plain C for a static AArch64 program; one generator includes it once:
 *   aarch64-linux-gnu-gcc -O1 -static -I. tests/SUITE/gen_golden.c -o gen_golden
 *   qemu-aarch64 -cpu max ./gen_golden > tests/SUITE/SUITE_golden.txt
 * (from the repository root; tests/support/golden.bzl does it for every suite).
 */
#ifndef TESTS_SUPPORT_GOLDEN_GEN_H_
#define TESTS_SUPPORT_GOLDEN_GEN_H_

#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "tests/support/golden_case.h"

/* The number of elements of an array. */
#define N(a) (sizeof(a) / sizeof(a[0]))

/* ---- Random numbers: xorshift64, a fixed seed per suite -------------------- */

static uint64_t golden_rng = 0x9e3779b97f4a7c15ull;
static inline void GoldenSeed(uint64_t seed) { golden_rng = seed; }
static inline uint64_t Rand(void) {
  golden_rng ^= golden_rng << 13;
  golden_rng ^= golden_rng >> 7;
  golden_rng ^= golden_rng << 17;
  return golden_rng;
}

/* ---- Special floating-point values -----------------------------------------
 * Zeros, denormals, normal limits, infinities, quiet and signalling NaNs with
 * payloads, values at the integer conversion limits, halfway cases for
 * rounding. Suites draw from a prefix of each table (the generated files
 * depend on the table lengths they were recorded with). */
static const uint64_t kGoldenDouble[] = {
    0, 0x8000000000000000, 1, 0x800fffffffffffff, 0x0010000000000000, 0x8010000000000000,
    0x3ff0000000000000, 0xbff8000000000000, 0x7fefffffffffffff, 0x7ff0000000000000,
    0xfff0000000000000, 0x7ff8000000000123, 0xfff4000000000456, 0x7ff0000000000001,
    0x4004000000000000, 0xc004000000000000, 0x3fe0000000000000, 0x41dfffffffc00000,
    0x41e0000000000000, 0xc1e0000000200000, 0x43e0000000000000, 0x43f0000000000000,
    0x000fffffffffffff, 0x3ca0000000000000, 0x4330000000000001, 0x0000000000000003,
    /* 26 */
    0x4008000000000000, 0x4000000000000000, 0x3ff8000000000000, 0x7fe0000000000000,
    /* 30 */
    0xc3e0000000000000, 0xc3e0000000000001, 0x3810000000000000, 0x47efffffe0000000};
static const uint64_t kGoldenSingle[] = {
    0, 0x80000000, 1, 0x807fffff, 0x00800000, 0x80800000, 0x3f800000, 0xbfc00000, 0x7f7fffff,
    0x7f800000, 0xff800000, 0x7fc00123, 0xffa00456, 0x7f800001, 0x40200000, 0xc0200000,
    0x3f000000, 0x4effffff, 0x4f000000, 0xcf000001, 0x5f000000, 0x5f800000, 0x007fffff,
    0x33800000, 0x4b000001, 3,
    /* 26 */
    0x40400000, 0x40000000, 0x3fc00000, 0x7f000000,
    /* 30 */
    0xcf000000, 0x477fe000, 0x477ff000, 0x38800000, 0x33000000, 0xbf000000};
static const uint64_t kGoldenHalf[] = {0,      0x8000, 1,      0x83ff, 0x0400, 0x3c00, 0x7bff, 0x7c00,
                                       0xfc00, 0x7e01, 0xfd23, 0x7c01, 0x3555, 0xc000, 0x0200};

/* FPCR values: the four rounding modes (RMode, bits 23:22), FZ (bit 24), DN
 * (bit 25), FZ + DN + RM, and FZ + RP (the last one: a prefix of 7 leaves it
 * out). */
static const uint64_t kGoldenFpcr[] = {0,       1u << 22, 2u << 22, 3u << 22,
                                       1u << 24, 1u << 25, 3u << 24 | 2u << 22,
                                       1u << 24 | 1u << 22};

/* How GoldenFpOperand draws: `classes` (4 or more) picks r % classes, where
 * 0 and >= 4 take a special value (the first n_double / n_single entries of
 * the tables), 1 a value near the underflow threshold, 2 a moderate exponent
 * and 3 random bits. */
struct GoldenFpMix {
  unsigned classes, n_double, n_single;
};

/* A double (dbl) or single precision operand, one Rand() call. */
static inline uint64_t GoldenFpOperand(int dbl, const struct GoldenFpMix* mix) {
  const uint64_t r = Rand();
  switch (r % mix->classes) {
    case 1:  /* near the underflow threshold */
      if (dbl) return (r >> 12 & 0x800fffffffffffffull) | (uint64_t)((r >> 40) % 64) << 52;
      return (r >> 12 & 0x807fffffu) | (uint64_t)((r >> 40) % 16) << 23;
    case 2:  /* moderate exponents */
      if (dbl) return (r & 0x800fffffffffffffull) | (uint64_t)(1023 - 40 + (r >> 52) % 80) << 52;
      return (r & 0x807fffffu) | (uint64_t)(127 - 20 + (r >> 40) % 40) << 23;
    case 3:
      return dbl ? r : (r & 0xffffffffu);
    default:
      return dbl ? kGoldenDouble[(r >> 8) % mix->n_double] : kGoldenSingle[(r >> 8) % mix->n_single];
  }
}

/* ---- Executing one word ---------------------------------------------------- */

/* x0 = inputs, x1 = outputs, x2 = code ([word, ret]). Offsets follow
 * struct GoldenIn / GoldenOut (checked below). */
void GoldenRunStub(const struct GoldenIn* in, struct GoldenOut* out, void* code);
__asm__(
    ".global GoldenRunStub\n"
    "GoldenRunStub:\n"
    "  stp x29, x30, [sp, #-32]!\n"
    "  stp x19, x20, [sp, #16]\n"
    "  mov x19, x0\n"
    "  mov x20, x1\n"
    "  mov x9, x2\n"
    "  ldr x2, [x19, #0]\n  msr fpcr, x2\n  msr fpsr, xzr\n"
    "  ldr x2, [x19, #8]\n  msr nzcv, x2\n"
    "  ldp q0, q1, [x19, #32]\n  ldp q2, q3, [x19, #64]\n  ldp q4, q5, [x19, #96]\n"
    "  ldp x0, x1, [x19, #16]\n"
    "  blr x9\n"
    "  str q0, [x20, #0]\n  str x0, [x20, #16]\n"
    "  mrs x2, fpsr\n  str x2, [x20, #24]\n"
    "  mrs x2, nzcv\n  str x2, [x20, #32]\n"
    "  msr fpcr, xzr\n"
    "  ldp x19, x20, [sp, #16]\n"
    "  ldp x29, x30, [sp], #32\n"
    "  ret\n");
_Static_assert(offsetof(struct GoldenIn, x) == 16 && offsetof(struct GoldenIn, v) == 32,
               "GoldenRunStub input offsets");
_Static_assert(offsetof(struct GoldenOut, x0) == 16 && offsetof(struct GoldenOut, nzcv) == 32,
               "GoldenRunStub output offsets");

static uint32_t* golden_code;
static sigjmp_buf golden_undef_jmp;
static inline void GoldenOnSigill(int sig) {
  (void)sig;
  siglongjmp(golden_undef_jmp, 1);
}

/* Maps the code buffer, catches SIGILL; call first. */
static inline void GoldenInit(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  golden_code = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (golden_code == MAP_FAILED) {
    perror("mmap");
    _exit(1);
  }
  signal(SIGILL, GoldenOnSigill);
}

/* Executes `word` with the inputs; 0 if the machine rejects it (SIGILL). */
static inline int GoldenRun(uint32_t word, const struct GoldenIn* in, struct GoldenOut* out) {
  memset(out, 0, sizeof *out);
  golden_code[0] = word;
  golden_code[1] = 0xd65f03c0; /* ret */
  __builtin___clear_cache((char*)golden_code, (char*)(golden_code + 2));
  if (sigsetjmp(golden_undef_jmp, 1)) {
    __asm__ volatile("msr fpcr, xzr");
    return 0;
  }
  GoldenRunStub(in, out, golden_code);
  return 1;
}

/* ---- Printing -------------------------------------------------------------- */

/* Copies the next space-separated token of *layout into tok; 0 at the end. */
static inline int GoldenNextToken(const char** layout, char tok[16]) {
  const char* p = *layout;
  size_t n = 0;
  while (*p == ' ') ++p;
  if (!*p) return 0;
  while (*p && *p != ' ' && n < 15) tok[n++] = *p++;
  tok[n] = 0;
  *layout = p;
  return 1;
}

/* Prints one case in `layout`; aborts on a token it does not know. */
static inline void GoldenPrint(const char* layout, uint32_t word, const struct GoldenIn* in,
                        const struct GoldenOut* out) {
  char tok[16];
  int outputs = 0, first = 1;
  while (GoldenNextToken(&layout, tok)) {
    if (!first) putchar(' ');
    first = 0;
    const unsigned r = tok[0] == 'v' && tok[1] >= '0' && tok[1] <= '5' ? (unsigned)(tok[1] - '0') : 99;
    if (!strcmp(tok, ":")) { outputs = 1; putchar(':'); }
    else if (!strcmp(tok, "word")) printf("%08x", word);
    else if (!strcmp(tok, "fpcr") && !outputs) printf("%lx", in->fpcr);
    else if (!strcmp(tok, "nzcv")) printf("%lx", outputs ? out->nzcv : in->nzcv);
    else if (!strcmp(tok, "x0")) printf("%lx", outputs ? out->x0 : in->x[0]);
    else if (!strcmp(tok, "x1") && !outputs) printf("%lx", in->x[1]);
    else if (!strcmp(tok, "fpsr") && outputs) printf("%lx", out->fpsr);
    else if (!strcmp(tok, "v0") && outputs) printf("%lx %lx", out->v0[0], out->v0[1]);
    else if (!strcmp(tok, "vk") && !outputs) {
      printf("%lu", in->vk);
      for (unsigned i = 0; i < in->vk && i < GOLDEN_NUM_V; ++i) printf(" %lx %lx", in->v[i][0], in->v[i][1]);
    } else if (r < GOLDEN_NUM_V && !outputs && tok[2] == 0) printf("%lx %lx", in->v[r][0], in->v[r][1]);
    else if (r < GOLDEN_NUM_V && !outputs && !strcmp(tok + 2, ".d")) printf("%lx", in->v[r][0]);
    else {
      fprintf(stderr, "golden layout: unknown token '%s'\n", tok);
      _exit(2);
    }
  }
  putchar('\n');
}

/* Completes the inputs, executes `word` and prints the case; a word the
 * machine rejects is reported on stderr and not recorded. */
static inline void GoldenCase(const char* layout, GoldenComplete complete, uint32_t word,
                       struct GoldenIn* in) {
  struct GoldenOut out;
  if (complete) complete(in);
  if (!GoldenRun(word, in, &out)) {
    fprintf(stderr, "undefined: %08x\n", word);
    return;
  }
  GoldenPrint(layout, word, in, &out);
}

/* A case whose inputs are FPCR and V0..V2 (all 128 bits of each). */
static inline void GoldenCaseV012(const char* layout, uint32_t word, uint64_t fpcr, const uint64_t v0[2],
                           const uint64_t v1[2], const uint64_t v2[2]) {
  struct GoldenIn in;
  memset(&in, 0, sizeof in);
  in.fpcr = fpcr;
  memcpy(in.v[0], v0, 16);
  memcpy(in.v[1], v1, 16);
  memcpy(in.v[2], v2, 16);
  GoldenCase(layout, NULL, word, &in);
}

#endif /* TESTS_SUPPORT_GOLDEN_GEN_H_ */

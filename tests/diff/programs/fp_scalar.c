/* Scalar floating point with special operands under every FPCR setting.
 *
 * For each of the 16 FPCR settings (RMode RN/RP/RM/RZ x {-, FZ, DN, FZ+DN})
 * every operation runs over every pair (triple) of special single and double
 * operands: +-0, +-inf, quiet and signalling NaNs with payloads, denormals,
 * the smallest normal, the largest finite, ties, values at the integer
 * conversion limits. Results and FPSR (cleared before each operation) are
 * printed as hex bit patterns in the default setting, and as one hash line
 * per operation in the others. Inline asm throughout: the compiler must not
 * fold or reorder anything across the FPCR writes. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static const uint64_t kD[] = {
    0x0000000000000000, 0x8000000000000000, 0x7ff0000000000000, 0xfff0000000000000,
    0x7ff8000000000000, 0xfff8000000012345, 0x7ff0000000000001, 0xfff4000000abcdef,
    0x0000000000000001, 0x800fffffffffffff, 0x0010000000000000, 0x7fefffffffffffff,
    0x3ff0000000000000, 0xc004000000000000, 0x3fe0000000000000, 0x41e0000000000000,
    0xc1e0000000200000, 0x43e0000000000000, 0x3ff8000000000001, 0x4330000000000001,
};
static const uint32_t kS[] = {
    0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc12345, 0x7f800001, 0xff812345,
    0x00000001, 0x807fffff, 0x00800000, 0x7f7fffff, 0x3f800000, 0xc0200000, 0x3f000000, 0x4f000000,
    0xcf000001, 0x5f000000, 0x3fc00001, 0x4b000001,
};
#define ND (sizeof kD / sizeof kD[0])
#define NS (sizeof kS / sizeof kS[0])

static void set_fpcr(uint64_t v) { __asm__ volatile("msr fpcr, %0" ::"r"(v) : "memory"); }
static uint64_t get_fpsr(void) {
  uint64_t v;
  __asm__ volatile("mrs %0, fpsr" : "=r"(v)::"memory");
  return v;
}
static void clear_fpsr(void) { __asm__ volatile("msr fpsr, xzr" ::: "memory"); }

static int verbose;         /* print every result (default FPCR only) */
static uint64_t hash, fpsr_or;
static void mix(uint64_t v) {
  for (int i = 0; i < 8; i++) hash = (hash ^ ((v >> (8 * i)) & 0xff)) * 0x100000001b3ULL;
}
static void begin(void) { hash = 0xcbf29ce484222325ULL; fpsr_or = 0; }
static void result(const char *op, uint64_t a, uint64_t b, uint64_t r, uint64_t fpsr, uint64_t fpcr) {
  mix(r);
  mix(fpsr);
  fpsr_or |= fpsr;
  if (verbose) {
    set_fpcr(0);
    printf("%s %" PRIx64 " %" PRIx64 " = %" PRIx64 " fpsr %02" PRIx64 "\n", op, a, b, r, fpsr);
    set_fpcr(fpcr);
  }
}
static void end(const char *op, uint64_t fpcr) {
  set_fpcr(0);
  printf("fpcr %08" PRIx64 " %-10s hash %016" PRIx64 " fpsr|= %02" PRIx64 "\n", fpcr, op, hash, fpsr_or);
  set_fpcr(fpcr);
}

/* OP Dd, Dn, Dm and OP Sd, Sn, Sm over all pairs. */
#define BIN(name)                                                                  \
  static void bin_##name(uint64_t fpcr) {                                          \
    begin();                                                                       \
    for (unsigned i = 0; i < ND; i++)                                              \
      for (unsigned j = 0; j < ND; j++) {                                          \
        uint64_t r, f;                                                             \
        clear_fpsr();                                                              \
        __asm__ volatile("fmov d0, %1\n fmov d1, %2\n " #name " d2, d0, d1\n"      \
                         "fmov %0, d2"                                             \
                         : "=r"(r) : "r"(kD[i]), "r"(kD[j]) : "v0", "v1", "v2");   \
        f = get_fpsr();                                                            \
        result(#name ".d", kD[i], kD[j], r, f, fpcr);                              \
      }                                                                            \
    end(#name ".d", fpcr);                                                         \
    begin();                                                                       \
    for (unsigned i = 0; i < NS; i++)                                              \
      for (unsigned j = 0; j < NS; j++) {                                          \
        uint32_t r;                                                                \
        uint64_t f;                                                                \
        clear_fpsr();                                                              \
        __asm__ volatile("fmov s0, %w1\n fmov s1, %w2\n " #name " s2, s0, s1\n"    \
                         "fmov %w0, s2"                                            \
                         : "=r"(r) : "r"(kS[i]), "r"(kS[j]) : "v0", "v1", "v2");   \
        f = get_fpsr();                                                            \
        result(#name ".s", kS[i], kS[j], r, f, fpcr);                              \
      }                                                                            \
    end(#name ".s", fpcr);                                                         \
  }
BIN(fadd) BIN(fsub) BIN(fmul) BIN(fdiv) BIN(fmax) BIN(fmin) BIN(fmaxnm) BIN(fminnm)
BIN(fnmul) BIN(fmulx) BIN(fabd) BIN(frecps) BIN(frsqrts) BIN(fcmeq) BIN(fcmge) BIN(facgt)

/* OP Dd, Dn and OP Sd, Sn. */
#define UN(fn, name, sfx)                                                          \
  static void un_##fn(uint64_t fpcr) {                                      \
    begin();                                                                       \
    for (unsigned i = 0; i < ND; i++) {                                            \
      uint64_t r, f;                                                               \
      clear_fpsr();                                                                \
      __asm__ volatile("fmov d0, %1\n " #name " d2, d0" sfx "\n fmov %0, d2"       \
                       : "=r"(r) : "r"(kD[i]) : "v0", "v2");                       \
      f = get_fpsr();                                                              \
      result(#name ".d", kD[i], 0, r, f, fpcr);                                    \
    }                                                                              \
    for (unsigned i = 0; i < NS; i++) {                                            \
      uint32_t r;                                                                  \
      uint64_t f;                                                                  \
      clear_fpsr();                                                                \
      __asm__ volatile("fmov s0, %w1\n " #name " s2, s0" sfx "\n fmov %w0, s2"     \
                       : "=r"(r) : "r"(kS[i]) : "v0", "v2");                       \
      f = get_fpsr();                                                              \
      result(#name ".s", kS[i], 0, r, f, fpcr);                                    \
    }                                                                              \
    end(#name sfx, fpcr);                                                          \
  }
#define NOSFX ""
UN(fsqrt, fsqrt, NOSFX) UN(fabs, fabs, NOSFX) UN(fneg, fneg, NOSFX) UN(frintn, frintn, NOSFX)
UN(frintp, frintp, NOSFX) UN(frintm, frintm, NOSFX) UN(frintz, frintz, NOSFX)
UN(frinta, frinta, NOSFX) UN(frintx, frintx, NOSFX) UN(frinti, frinti, NOSFX)
UN(frecpe, frecpe, NOSFX) UN(frsqrte, frsqrte, NOSFX) UN(frecpx, frecpx, NOSFX)
UN(fcvtzs, fcvtzs, NOSFX) UN(fcvtnu, fcvtnu, NOSFX) UN(fcvtzs7, fcvtzs, ", #7")
UN(fcvtzu30, fcvtzu, ", #30") UN(scvtf, scvtf, NOSFX) UN(ucvtf12, ucvtf, ", #12")
UN(fcmlt, fcmlt, ", #0.0") UN(fcmgt, fcmgt, ", #0.0")

/* FP -> general register, every rounding variant, 32 and 64 bit. */
#define TOINT(fn, name, sfx)                                                       \
  static void toint_##fn(uint64_t fpcr) {                                        \
    begin();                                                                       \
    for (unsigned i = 0; i < ND; i++) {                                            \
      uint64_t r, w, f, g;                                                         \
      clear_fpsr();                                                                \
      __asm__ volatile("fmov d0, %1\n " #name " %0, d0" sfx                        \
                       : "=r"(r) : "r"(kD[i]) : "v0");                             \
      f = get_fpsr();                                                              \
      result(#name ".xd", kD[i], 0, r, f, fpcr);                                   \
      clear_fpsr();                                                                \
      __asm__ volatile("fmov d0, %1\n " #name " %w0, d0" sfx                       \
                       : "=r"(w) : "r"(kD[i]) : "v0");                             \
      g = get_fpsr();                                                              \
      result(#name ".wd", kD[i], 0, w, g, fpcr);                                   \
    }                                                                              \
    for (unsigned i = 0; i < NS; i++) {                                            \
      uint64_t r, w, f, g;                                                         \
      clear_fpsr();                                                                \
      __asm__ volatile("fmov s0, %w1\n " #name " %0, s0" sfx                       \
                       : "=r"(r) : "r"(kS[i]) : "v0");                             \
      f = get_fpsr();                                                              \
      result(#name ".xs", kS[i], 0, r, f, fpcr);                                   \
      clear_fpsr();                                                                \
      __asm__ volatile("fmov s0, %w1\n " #name " %w0, s0" sfx                      \
                       : "=r"(w) : "r"(kS[i]) : "v0");                             \
      g = get_fpsr();                                                              \
      result(#name ".ws", kS[i], 0, w, g, fpcr);                                   \
    }                                                                              \
    end(#name sfx, fpcr);                                                          \
  }
TOINT(fcvtns, fcvtns, NOSFX) TOINT(fcvtnu, fcvtnu, NOSFX) TOINT(fcvtms, fcvtms, NOSFX)
TOINT(fcvtmu, fcvtmu, NOSFX) TOINT(fcvtps, fcvtps, NOSFX) TOINT(fcvtpu, fcvtpu, NOSFX)
TOINT(fcvtzs, fcvtzs, NOSFX) TOINT(fcvtzu, fcvtzu, NOSFX) TOINT(fcvtas, fcvtas, NOSFX)
TOINT(fcvtau, fcvtau, NOSFX) TOINT(fcvtzs1, fcvtzs, ", #1") TOINT(fcvtzu31, fcvtzu, ", #31")

static void fjcvt(uint64_t fpcr) {
  /* FJCVTZS: Z flag and result. Not under FPCR.FZ: ARM ARM FPToFixedJS gives
   * Z = 0 for a flushed positive denormal, qemu-aarch64 gives Z = 1. */
  if (fpcr & (1 << 24)) return;
  begin();
  for (unsigned i = 0; i < ND; i++) {
    uint64_t r, nzcv, f;
    clear_fpsr();
    __asm__ volatile("msr nzcv, xzr\n fmov d0, %2\n fjcvtzs %w0, d0\n mrs %1, nzcv"
                     : "=r"(r), "=r"(nzcv) : "r"(kD[i]) : "v0", "cc");
    f = get_fpsr();
    result("fjcvtzs", kD[i], nzcv, r, f, fpcr);
  }
  end("fjcvtzs", fpcr);
}

/* Integer -> FP, fixed point too. */
static const uint64_t kI[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x7fffffffffffffff,
                              0x8000000000000000, 0xffffffffffffffff, 0x0020000000000001,
                              0x0000000001000001, 0x123456789abcdef1, 0xfffffffffffff801};
static void fromint(uint64_t fpcr) {
  begin();
  for (unsigned i = 0; i < sizeof kI / sizeof kI[0]; i++) {
    uint64_t r[12], f = 0;
    clear_fpsr();
    __asm__ volatile(
        "scvtf d0, %12\n fmov %0, d0\n ucvtf d0, %12\n fmov %1, d0\n"
        "scvtf s0, %12\n fmov %w2, s0\n ucvtf s0, %12\n fmov %w3, s0\n"
        "scvtf d0, %w12\n fmov %4, d0\n ucvtf s0, %w12\n fmov %w5, s0\n"
        "scvtf d0, %12, #64\n fmov %6, d0\n ucvtf s0, %12, #3\n fmov %w7, s0\n"
        "scvtf s0, %w12, #32\n fmov %w8, s0\n ucvtf d0, %w12, #17\n fmov %9, d0\n"
        "fmov d1, %12\n scvtf s0, s1\n fmov %w10, s0\n ucvtf d0, d1, #40\n fmov %11, d0\n"
        : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]), "=&r"(r[3]), "=&r"(r[4]), "=&r"(r[5]), "=&r"(r[6]),
          "=&r"(r[7]), "=&r"(r[8]), "=&r"(r[9]), "=&r"(r[10]), "=&r"(r[11])
        : "r"(kI[i]) : "v0", "v1");
    f = get_fpsr();
    for (int k = 0; k < 12; k++) result("cvtf", kI[i], k, r[k] & (k == 2 || k == 3 || k == 5 || k == 7 || k == 8 || k == 10 ? 0xffffffff : ~0ULL), f, fpcr);
  }
  end("scvtf/ucvtf", fpcr);
}

/* Precision changes; half precision with FPCR.AHP = 0 and 1. */
static void precision(uint64_t fpcr) {
  for (int ahp = 0; ahp < 2; ahp++) {
    uint64_t c = fpcr | (uint64_t)ahp << 26;
    set_fpcr(c);
    begin();
    for (unsigned i = 0; i < ND; i++) {
      uint64_t r[3], f;
      clear_fpsr();
      __asm__ volatile("fmov d0, %3\n fcvt s1, d0\n fmov %w0, s1\n fcvt h1, d0\n umov %w1, v1.h[0]\n"
                       "fcvt d2, h1\n fmov %2, d2"
                       : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]) : "r"(kD[i]) : "v0", "v1", "v2");
      f = get_fpsr();
      for (int k = 0; k < 3; k++) result("fcvt.d", kD[i], k, r[k], f, c);
    }
    for (unsigned i = 0; i < NS; i++) {
      uint64_t r[3], f;
      clear_fpsr();
      __asm__ volatile("fmov s0, %w3\n fcvt d1, s0\n fmov %0, d1\n fcvt h1, s0\n umov %w1, v1.h[0]\n"
                       "fcvt s2, h1\n fmov %w2, s2"
                       : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]) : "r"(kS[i]) : "v0", "v1", "v2");
      f = get_fpsr();
      for (int k = 0; k < 3; k++) result("fcvt.s", kS[i], k, r[k], f, c);
    }
    static const uint16_t kH[] = {0, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0x7c01, 0xfd23, 0x0001, 0x83ff, 0x0400, 0x7bff, 0x3c00};
    for (unsigned i = 0; i < sizeof kH / sizeof kH[0]; i++) {
      uint64_t r[2], f;
      clear_fpsr();
      __asm__ volatile("fmov s0, %w2\n fcvt d1, h0\n fmov %0, d1\n fcvt s1, h0\n fmov %w1, s1"
                       : "=&r"(r[0]), "=&r"(r[1]) : "r"((uint32_t)kH[i]) : "v0", "v1");
      f = get_fpsr();
      for (int k = 0; k < 2; k++) result("fcvt.h", kH[i], k, r[k], f, c);
    }
    end(ahp ? "fcvt.ahp" : "fcvt", c);
  }
  set_fpcr(fpcr);
}

/* FMADD family over a subset of triples. */
#define FMA(name)                                                                  \
  static void fma_##name(uint64_t fpcr) {                                          \
    begin();                                                                       \
    for (unsigned i = 0; i < ND; i += 2)                                           \
      for (unsigned j = 1; j < ND; j += 2)                                         \
        for (unsigned k = 0; k < ND; k += 3) {                                     \
          uint64_t r, f;                                                           \
          clear_fpsr();                                                            \
          __asm__ volatile("fmov d0, %1\n fmov d1, %2\n fmov d2, %3\n"             \
                           #name " d3, d0, d1, d2\n fmov %0, d3"                   \
                           : "=r"(r) : "r"(kD[i]), "r"(kD[j]), "r"(kD[k])          \
                           : "v0", "v1", "v2", "v3");                              \
          f = get_fpsr();                                                          \
          result(#name ".d", kD[i] ^ kD[j], kD[k], r, f, fpcr);                    \
          clear_fpsr();                                                            \
          uint32_t s;                                                              \
          __asm__ volatile("fmov s0, %w1\n fmov s1, %w2\n fmov s2, %w3\n"          \
                           #name " s3, s0, s1, s2\n fmov %w0, s3"                  \
                           : "=r"(s) : "r"(kS[i]), "r"(kS[j]), "r"(kS[k])          \
                           : "v0", "v1", "v2", "v3");                              \
          f = get_fpsr();                                                          \
          result(#name ".s", kS[i] ^ kS[j], kS[k], s, f, fpcr);                    \
        }                                                                          \
    end(#name, fpcr);                                                              \
  }
FMA(fmadd) FMA(fmsub) FMA(fnmadd) FMA(fnmsub)

/* FCMP/FCMPE/FCCMP/FCCMPE/FCSEL: NZCV and FPSR. */
static void compares(uint64_t fpcr) {
  begin();
  for (unsigned i = 0; i < ND; i++)
    for (unsigned j = 0; j < ND; j++) {
      uint64_t n1, n2, n3, n4, sel, f;
      clear_fpsr();
      __asm__ volatile("fmov d0, %5\n fmov d1, %6\n fcmp d0, d1\n mrs %0, nzcv\n"
                       "fcmpe s0, s1\n mrs %1, nzcv\n"
                       "fccmp d0, d1, #5, eq\n mrs %2, nzcv\n"
                       "fccmpe s1, s0, #0xa, ne\n mrs %3, nzcv\n"
                       "fcmp d1, #0.0\n fcsel d2, d0, d1, gt\n fmov %4, d2"
                       : "=&r"(n1), "=&r"(n2), "=&r"(n3), "=&r"(n4), "=&r"(sel)
                       : "r"(kD[i]), "r"(kD[j]) : "v0", "v1", "v2", "cc");
      f = get_fpsr();
      result("fcmp", kD[i], kD[j], n1 | n2 >> 4 | n3 >> 8 | n4 >> 12, f, fpcr);
      result("fcsel", kD[i], kD[j], sel, f, fpcr);
    }
  end("fcmp", fpcr);
}

int main(void) {
  static const uint64_t kModes[] = {0, 1 << 24, 1 << 25, 3 << 24};
  for (int rm = 0; rm < 4; rm++)
    for (int m = 0; m < 4; m++) {
      uint64_t fpcr = (uint64_t)rm << 22 | kModes[m];
      verbose = fpcr == 0;
      set_fpcr(fpcr);
      bin_fadd(fpcr); bin_fsub(fpcr); bin_fmul(fpcr); bin_fdiv(fpcr); bin_fmax(fpcr);
      bin_fmin(fpcr); bin_fmaxnm(fpcr); bin_fminnm(fpcr); bin_fnmul(fpcr); bin_fmulx(fpcr);
      bin_fabd(fpcr); bin_frecps(fpcr); bin_frsqrts(fpcr); bin_fcmeq(fpcr); bin_fcmge(fpcr);
      bin_facgt(fpcr);
      un_fsqrt(fpcr); un_fabs(fpcr); un_fneg(fpcr); un_frintn(fpcr); un_frintp(fpcr);
      un_frintm(fpcr); un_frintz(fpcr); un_frinta(fpcr); un_frintx(fpcr); un_frinti(fpcr);
      un_frecpe(fpcr); un_frsqrte(fpcr); un_frecpx(fpcr); un_fcvtzs(fpcr); un_fcvtnu(fpcr);
      un_fcvtzs7(fpcr); un_fcvtzu30(fpcr); un_scvtf(fpcr); un_ucvtf12(fpcr); un_fcmlt(fpcr);
      un_fcmgt(fpcr);
      toint_fcvtns(fpcr); toint_fcvtnu(fpcr); toint_fcvtms(fpcr); toint_fcvtmu(fpcr);
      toint_fcvtps(fpcr); toint_fcvtpu(fpcr); toint_fcvtzs(fpcr); toint_fcvtzu(fpcr);
      toint_fcvtas(fpcr); toint_fcvtau(fpcr); toint_fcvtzs1(fpcr); toint_fcvtzu31(fpcr);
      fjcvt(fpcr); fromint(fpcr); precision(fpcr);
      fma_fmadd(fpcr); fma_fmsub(fpcr); fma_fnmadd(fpcr); fma_fnmsub(fpcr);
      compares(fpcr);
      set_fpcr(0);
    }
  return 0;
}

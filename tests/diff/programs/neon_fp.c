/* Advanced SIMD floating point through arm_neon.h under every FPCR setting
 * (RMode x FZ x DN): arithmetic, FMA, min/max with +-0 and NaNs, compares,
 * conversions (fixed point too), FRINT*, FRECPE/FRSQRTE/FRECPS/FRSQRTS,
 * pairwise and across lanes, FCVTN/FCVTL/FCVTXN, by element, FCMLA/FCADD.
 * Results are hex bit patterns; FPSR (cleared before) is printed after each
 * operation. OPAQUE() blocks constant folding and pins the operation between
 * the FPSR clear and read. */
#include <arm_neon.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define OPAQUE(x) __asm__ volatile("" : "+w"(x))
static void set_fpcr(uint64_t v) { __asm__ volatile("msr fpcr, %0" ::"r"(v) : "memory"); }
static void clear_fpsr(void) { __asm__ volatile("msr fpsr, xzr" ::: "memory"); }
static uint64_t get_fpsr(void) {
  uint64_t v;
  __asm__ volatile("mrs %0, fpsr" : "=r"(v)::"memory");
  return v;
}

static uint64_t cur_fpcr;
static void show(const char *name, const void *p, size_t n, uint64_t fpsr) {
  const uint8_t *b = p;
  set_fpcr(0);
  printf("%-20s", name);
  for (size_t i = n; i-- > 0;) printf("%02x%s", b[i], i % 8 == 0 && i ? "_" : "");
  printf(" fpsr=%02" PRIx64 "\n", fpsr);
  set_fpcr(cur_fpcr);
}

/* a and b are the operands of the enclosing function. */
#define OP(expr)                               \
  do {                                         \
    clear_fpsr();                              \
    OPAQUE(a);                                 \
    OPAQUE(b);                                 \
    __typeof__(expr) r_ = (expr);              \
    OPAQUE(r_);                                \
    show(#expr, &r_, sizeof r_, get_fpsr());   \
  } while (0)

static const uint32_t kS[][4] = {
    {0x00000000, 0x80000000, 0x7f800000, 0xff800000},
    {0x7fc00001, 0xffa00002, 0x00000001, 0x807fffff},
    {0x00800000, 0x7f7fffff, 0x3f800000, 0xc0200000},
    {0x4f000000, 0xcf000001, 0x5f800000, 0x3fc00001},
    {0x3eaaaaab, 0xc1234567, 0x00400000, 0x80000000},
};
static const uint64_t kD[][2] = {
    {0x0000000000000000, 0x8000000000000000}, {0x7ff0000000000000, 0xfff8000000000001},
    {0x7ff4000000000123, 0x000fffffffffffff}, {0x43e0000000000000, 0xc1e0000000000001},
    {0x3ff8000000000000, 0x3fd5555555555555},
};
#define NS (sizeof kS / sizeof kS[0])
#define ND (sizeof kD / sizeof kD[0])

static void single(float32x4_t a, float32x4_t b) {
  OPAQUE(a);
  OPAQUE(b);
  OP(vaddq_f32(a, b)); OP(vsubq_f32(a, b)); OP(vmulq_f32(a, b)); OP(vdivq_f32(a, b));
  OP(vmulxq_f32(a, b)); OP(vfmaq_f32(a, b, a)); OP(vfmsq_f32(b, a, b)); OP(vabdq_f32(a, b));
  OP(vmaxq_f32(a, b)); OP(vminq_f32(a, b)); OP(vmaxnmq_f32(a, b)); OP(vminnmq_f32(a, b));
  OP(vpaddq_f32(a, b)); OP(vpmaxq_f32(a, b)); OP(vpminnmq_f32(a, b)); OP(vpmaxnm_f32(vget_low_f32(a), vget_high_f32(b)));
  OP(vceqq_f32(a, b)); OP(vcgeq_f32(a, b)); OP(vcgtq_f32(a, b)); OP(vcageq_f32(a, b)); OP(vcaltq_f32(a, b));
  OP(vceqzq_f32(a)); OP(vcltzq_f32(b)); OP(vclezq_f32(a));
  OP(vsqrtq_f32(a)); OP(vabsq_f32(b)); OP(vnegq_f32(a));
  OP(vrndnq_f32(a)); OP(vrndpq_f32(b)); OP(vrndmq_f32(a)); OP(vrndq_f32(b)); OP(vrndaq_f32(a));
  OP(vrndxq_f32(b)); OP(vrndiq_f32(a));
  OP(vcvtq_s32_f32(a)); OP(vcvtq_u32_f32(b)); OP(vcvtnq_s32_f32(a)); OP(vcvtmq_u32_f32(a));
  OP(vcvtpq_s32_f32(b)); OP(vcvtaq_u32_f32(b)); OP(vcvtq_n_s32_f32(a, 5)); OP(vcvtq_n_u32_f32(b, 32));
  OP(vcvtq_f32_s32(vreinterpretq_s32_f32(a))); OP(vcvtq_f32_u32(vreinterpretq_u32_f32(b)));
  OP(vcvtq_n_f32_s32(vreinterpretq_s32_f32(b), 1)); OP(vcvtq_n_f32_u32(vreinterpretq_u32_f32(a), 24));
  OP(vrecpeq_f32(a)); OP(vrsqrteq_f32(b)); OP(vrecpsq_f32(a, b)); OP(vrsqrtsq_f32(a, b));
  OP(vrecpxs_f32(vgetq_lane_f32(a, 1)));
  OP(vmaxvq_f32(a)); OP(vminvq_f32(b)); OP(vmaxnmvq_f32(a)); OP(vminnmvq_f32(b));
  OP(vcvt_f64_f32(vget_low_f32(a))); OP(vcvt_high_f64_f32(b));
  OP(vcvt_f16_f32(a));
  OP(vcvt_f32_f16(vreinterpret_f16_f32(vget_low_f32(a))));
  OP(vmulq_laneq_f32(a, b, 3)); OP(vfmaq_laneq_f32(a, b, a, 1)); OP(vfmsq_laneq_f32(b, a, b, 2));
  OP(vmulxq_laneq_f32(a, b, 0));
  OP(vcmlaq_f32(a, b, a)); OP(vcmlaq_rot90_f32(a, b, b)); OP(vcmlaq_rot180_f32(b, a, a));
  OP(vcmlaq_rot270_f32(a, a, b)); OP(vcaddq_rot90_f32(a, b)); OP(vcaddq_rot270_f32(b, a));
  OP(vcmlaq_laneq_f32(a, b, a, 1));
}

static void dbl(float64x2_t a, float64x2_t b) {
  OPAQUE(a);
  OPAQUE(b);
  OP(vaddq_f64(a, b)); OP(vsubq_f64(a, b)); OP(vmulq_f64(a, b)); OP(vdivq_f64(a, b));
  OP(vmulxq_f64(a, b)); OP(vfmaq_f64(a, b, a)); OP(vfmsq_f64(b, a, b)); OP(vabdq_f64(a, b));
  OP(vmaxq_f64(a, b)); OP(vminq_f64(a, b)); OP(vmaxnmq_f64(a, b)); OP(vminnmq_f64(a, b));
  OP(vpaddq_f64(a, b)); OP(vpminq_f64(a, b)); OP(vpmaxnmq_f64(a, b)); OP(vpaddd_f64(a));
  OP(vceqq_f64(a, b)); OP(vcgeq_f64(a, b)); OP(vcagtq_f64(a, b)); OP(vcgezq_f64(a));
  OP(vsqrtq_f64(a)); OP(vrndnq_f64(a)); OP(vrndpq_f64(b)); OP(vrndmq_f64(b)); OP(vrndq_f64(a));
  OP(vrndaq_f64(b)); OP(vrndxq_f64(a)); OP(vrndiq_f64(b));
  OP(vcvtq_s64_f64(a)); OP(vcvtq_u64_f64(b)); OP(vcvtnq_u64_f64(a)); OP(vcvtmq_s64_f64(b));
  OP(vcvtpq_u64_f64(a)); OP(vcvtaq_s64_f64(b)); OP(vcvtq_n_s64_f64(a, 64)); OP(vcvtq_n_u64_f64(b, 3));
  OP(vcvtq_f64_s64(vreinterpretq_s64_f64(a))); OP(vcvtq_f64_u64(vreinterpretq_u64_f64(b)));
  OP(vcvtq_n_f64_u64(vreinterpretq_u64_f64(a), 60));
  OP(vrecpeq_f64(a)); OP(vrsqrteq_f64(b)); OP(vrecpsq_f64(a, b)); OP(vrsqrtsq_f64(b, a));
  OP(vcvt_f32_f64(a)); OP(vcvtx_f32_f64(b)); OP(vcvt_high_f32_f64(vcvt_f32_f64(b), a));
  OP(vcvtx_high_f32_f64(vcvt_f32_f64(a), b));
  OP(vmulq_laneq_f64(a, b, 1)); OP(vfmaq_laneq_f64(a, b, a, 0)); OP(vmulxq_laneq_f64(b, a, 1));
  OP(vcmlaq_rot90_f64(a, b, a)); OP(vcaddq_rot270_f64(a, b));
  OP(vfmad_laneq_f64(vgetq_lane_f64(a, 0), vgetq_lane_f64(b, 1), a, 1));
}

int main(void) {
  static const uint64_t kModes[] = {0, 1 << 24, 1 << 25, 3 << 24};
  for (int rm = 0; rm < 4; rm++)
    for (int m = 0; m < 4; m++) {
      cur_fpcr = (uint64_t)rm << 22 | kModes[m];
      printf("==== fpcr %08" PRIx64 "\n", cur_fpcr);
      set_fpcr(cur_fpcr);
      for (unsigned i = 0; i < NS; i++)
        for (unsigned j = 0; j < NS; j += 2) {
          float32x4_t a, b;
          memcpy(&a, kS[i], 16);
          memcpy(&b, kS[(i + j) % NS], 16);
          if (j & 2) b = vrev64q_f32(b);
          printf("== s %u %u\n", i, j);
          single(a, b);
        }
      for (unsigned i = 0; i < ND; i++)
        for (unsigned j = 0; j < ND; j += 2) {
          float64x2_t a, b;
          memcpy(&a, kD[i], 16);
          memcpy(&b, kD[(i + j) % ND], 16);
          printf("== d %u %u\n", i, j);
          dbl(a, b);
        }
      set_fpcr(0);
    }
  return 0;
}

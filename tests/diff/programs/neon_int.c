/* Advanced SIMD integer through arm_neon.h: saturating arithmetic with the
 * cumulative FPSR.QC flag, halving/rounding, long/wide/narrow, shifts,
 * by-element multiplies, TBL/TBX, permutes, LD1-4/ST1-4 (multiple, lane,
 * replicate), across lanes, polynomial multiplies. Every result is printed as
 * a hex bit pattern; QC is read back after every saturating operation.
 * OPAQUE() hides the operands from the optimiser (no constant folding) and
 * orders the operation between the FPSR clear and read. */
#include <arm_neon.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define OPAQUE(x) __asm__ volatile("" : "+w"(x))
static void clear_fpsr(void) { __asm__ volatile("msr fpsr, xzr" ::: "memory"); }
static unsigned qc(void) {
  uint64_t v;
  __asm__ volatile("mrs %0, fpsr" : "=r"(v)::"memory");
  return (unsigned)(v >> 27 & 1);
}

static void show(const char *name, const void *p, size_t n, int q) {
  const uint8_t *b = p;
  printf("%-22s", name);
  for (size_t i = n; i-- > 0;) printf("%02x%s", b[i], i % 8 == 0 && i ? "_" : "");
  if (q >= 0) printf(" qc=%d", q);
  printf("\n");
}
#define SHOW(name, v)                   \
  do {                                  \
    __typeof__(v) t_ = (v);             \
    show(name, &t_, sizeof t_, -1);     \
  } while (0)

/* A saturating operation on (a, b): result and QC. */
#define SAT2(fn, a, b)                  \
  do {                                  \
    __typeof__(a) x_ = (a);             \
    __typeof__(b) y_ = (b);             \
    clear_fpsr();                       \
    OPAQUE(x_);                         \
    OPAQUE(y_);                         \
    __typeof__(fn(x_, y_)) r_ = fn(x_, y_); \
    OPAQUE(r_);                         \
    show(#fn, &r_, sizeof r_, qc());    \
  } while (0)
#define SAT1(fn, a)                     \
  do {                                  \
    __typeof__(a) x_ = (a);             \
    clear_fpsr();                       \
    OPAQUE(x_);                         \
    __typeof__(fn(x_)) r_ = fn(x_);     \
    OPAQUE(r_);                         \
    show(#fn, &r_, sizeof r_, qc());    \
  } while (0)
#define SAT3(fn, a, b, c)               \
  do {                                  \
    __typeof__(a) x_ = (a);             \
    __typeof__(b) y_ = (b);             \
    __typeof__(c) z_ = (c);             \
    clear_fpsr();                       \
    OPAQUE(x_);                         \
    OPAQUE(y_);                         \
    OPAQUE(z_);                         \
    __typeof__(fn(x_, y_, z_)) r_ = fn(x_, y_, z_); \
    OPAQUE(r_);                         \
    show(#fn, &r_, sizeof r_, qc());    \
  } while (0)

static const uint8_t kPat[][16] = {
    {0x00, 0x01, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x40, 0x3f, 0xc0, 0x55, 0xaa, 0x10, 0xef, 0x02, 0xfd},
    {0xff, 0xff, 0x00, 0x80, 0x00, 0x80, 0xff, 0x7f, 0x01, 0x00, 0x00, 0x80, 0xff, 0xff, 0xff, 0x7f},
    {0x00, 0x80, 0x00, 0x80, 0xff, 0x7f, 0xff, 0x7f, 0x00, 0x00, 0x00, 0x80, 0xff, 0xff, 0xff, 0x7f},
    {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x0f, 0xed, 0xcb, 0xa9, 0x87, 0x65, 0x43, 0x21},
    {0x07, 0xf9, 0x20, 0xe0, 0x08, 0xf8, 0x3f, 0xc1, 0x01, 0xff, 0x40, 0xc0, 0x7f, 0x81, 0x00, 0x80},
    {0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80},
};
#define NPAT (sizeof kPat / sizeof kPat[0])

/* Immediate forms (the immediate must be a constant) and scalar forms. */
static inline int16x8_t vqshlq_n_s16_wrap(int16x8_t a, int unused) { (void)unused; return vqshlq_n_s16(a, 9); }
static inline uint8x16_t vqshluq_n_s8_wrap(int8x16_t a) { return vqshluq_n_s8(a, 3); }
static inline int16x4_t vqshrn_n_s32_wrap(int32x4_t a) { return vqshrn_n_s32(a, 5); }
static inline uint8x8_t vqrshrun_n_s16_wrap(int16x8_t a) { return vqrshrun_n_s16(a, 3); }
static inline uint32x2_t vqrshrn_n_u64_wrap(uint64x2_t a) { return vqrshrn_n_u64(a, 7); }
static inline int8x16_t vqaddb_s8_wrap(int8x16_t a, int8x16_t b) {
  return vdupq_n_s8(vqaddb_s8(vgetq_lane_s8(a, 3), vgetq_lane_s8(b, 3)));
}
static inline int32x4_t vqdmulhs_s32_wrap(int32x4_t a, int32x4_t b) {
  return vdupq_n_s32(vqdmulhs_s32(vgetq_lane_s32(a, 3), vgetq_lane_s32(b, 3)));
}

static void saturating(uint8x16_t a8, uint8x16_t b8) {
  int8x16_t as8 = vreinterpretq_s8_u8(a8), bs8 = vreinterpretq_s8_u8(b8);
  int16x8_t a16 = vreinterpretq_s16_u8(a8), b16 = vreinterpretq_s16_u8(b8);
  int32x4_t a32 = vreinterpretq_s32_u8(a8), b32 = vreinterpretq_s32_u8(b8);
  int64x2_t a64 = vreinterpretq_s64_u8(a8), b64 = vreinterpretq_s64_u8(b8);
  uint16x8_t au16 = vreinterpretq_u16_u8(a8), bu16 = vreinterpretq_u16_u8(b8);
  uint32x4_t au32 = vreinterpretq_u32_u8(a8), bu32 = vreinterpretq_u32_u8(b8);
  uint64x2_t au64 = vreinterpretq_u64_u8(a8), bu64 = vreinterpretq_u64_u8(b8);
  SAT2(vqaddq_s8, as8, bs8); SAT2(vqaddq_u8, a8, b8); SAT2(vqaddq_s16, a16, b16);
  SAT2(vqaddq_u32, au32, bu32); SAT2(vqaddq_s64, a64, b64); SAT2(vqaddq_u64, au64, bu64);
  SAT2(vqsubq_s8, as8, bs8); SAT2(vqsubq_u16, au16, bu16); SAT2(vqsubq_s32, a32, b32);
  SAT2(vqsubq_u64, au64, bu64);
  SAT2(vqdmulhq_s16, a16, b16); SAT2(vqdmulhq_s32, a32, b32);
  SAT2(vqrdmulhq_s16, a16, b16); SAT2(vqrdmulhq_s32, a32, b32);
  SAT3(vqrdmlahq_s16, a16, b16, a16); SAT3(vqrdmlshq_s32, a32, b32, b32);
  SAT2(vqdmull_s16, vget_low_s16(a16), vget_high_s16(b16));
  SAT2(vqdmull_high_s32, a32, b32);
  SAT3(vqdmlal_s16, a32, vget_low_s16(a16), vget_low_s16(b16));
  SAT3(vqdmlsl_high_s32, a64, a32, b32);
  SAT2(vqshlq_s8, as8, vshrq_n_s8(bs8, 4)); SAT2(vqshlq_u16, au16, vshrq_n_s16(b16, 11));
  SAT2(vqrshlq_s32, a32, vshrq_n_s32(b32, 26)); SAT2(vqrshlq_u64, au64, vshrq_n_s64(b64, 58));
  SAT1(vqmovn_s16, a16); SAT1(vqmovn_u32, au32); SAT1(vqmovn_s64, a64); SAT1(vqmovun_s16, a16);
  SAT1(vqmovun_s32, a32); SAT1(vqabsq_s8, as8); SAT1(vqnegq_s16, a16); SAT1(vqabsq_s64, a64);
  SAT2(vuqaddq_s8, as8, b8); SAT2(vsqaddq_u32, au32, b32);
  SAT2(vqshlq_n_s16_wrap, a16, 0);
  SAT1(vqshluq_n_s8_wrap, as8);
  SAT1(vqshrn_n_s32_wrap, a32); SAT1(vqrshrun_n_s16_wrap, a16); SAT1(vqrshrn_n_u64_wrap, au64);
  SAT2(vqaddb_s8_wrap, as8, bs8); SAT2(vqdmulhs_s32_wrap, a32, b32);
}

static void arithmetic(uint8x16_t a8, uint8x16_t b8) {
  int8x16_t as8 = vreinterpretq_s8_u8(a8), bs8 = vreinterpretq_s8_u8(b8);
  int16x8_t a16 = vreinterpretq_s16_u8(a8), b16 = vreinterpretq_s16_u8(b8);
  int32x4_t a32 = vreinterpretq_s32_u8(a8), b32 = vreinterpretq_s32_u8(b8);
  uint16x8_t au16 = vreinterpretq_u16_u8(a8), bu16 = vreinterpretq_u16_u8(b8);
  uint32x4_t au32 = vreinterpretq_u32_u8(a8), bu32 = vreinterpretq_u32_u8(b8);
  uint64x2_t au64 = vreinterpretq_u64_u8(a8);
  int64x2_t a64 = vreinterpretq_s64_u8(a8), b64 = vreinterpretq_s64_u8(b8);
  OPAQUE(a8); OPAQUE(b8); OPAQUE(as8); OPAQUE(bs8); OPAQUE(a16); OPAQUE(b16); OPAQUE(a32); OPAQUE(b32);
  OPAQUE(au16); OPAQUE(bu16); OPAQUE(au32); OPAQUE(bu32); OPAQUE(au64); OPAQUE(a64); OPAQUE(b64);
  SHOW("vhaddq_s8", vhaddq_s8(as8, bs8)); SHOW("vrhaddq_u16", vrhaddq_u16(au16, bu16));
  SHOW("vhsubq_s32", vhsubq_s32(a32, b32)); SHOW("vabdq_s8", vabdq_s8(as8, bs8));
  SHOW("vabdq_u32", vabdq_u32(au32, bu32)); SHOW("vabaq_s16", vabaq_s16(a16, b16, a16));
  SHOW("vabal_high_u8", vabal_high_u8(au16, a8, b8)); SHOW("vabdl_s16", vabdl_s16(vget_low_s16(a16), vget_low_s16(b16)));
  SHOW("vmulq_s16", vmulq_s16(a16, b16)); SHOW("vmlaq_u32", vmlaq_u32(au32, bu32, au32));
  SHOW("vmlsq_s8", vmlsq_s8(as8, bs8, as8)); SHOW("vmull_u8", vmull_u8(vget_low_u8(a8), vget_high_u8(b8)));
  SHOW("vmull_high_s32", vmull_high_s32(a32, b32)); SHOW("vmlal_high_u16", vmlal_high_u16(au32, au16, bu16));
  SHOW("vmlsl_s32", vmlsl_s32(a64, vget_low_s32(a32), vget_high_s32(b32)));
  SHOW("vaddl_high_s8", vaddl_high_s8(as8, bs8)); SHOW("vsubw_u16", vsubw_u16(au32, vget_low_u16(bu16)));
  SHOW("vaddw_high_s32", vaddw_high_s32(a64, b32));
  SHOW("vaddhn_s16", vaddhn_s16(a16, b16)); SHOW("vraddhn_high_u32", vraddhn_high_u32(vget_low_u16(au16), au32, bu32));
  SHOW("vrsubhn_s64", vrsubhn_s64(a64, b64)); SHOW("vmovn_u32", vmovn_u32(au32));
  SHOW("vmovl_high_s8", vmovl_high_s8(as8)); SHOW("vpaddlq_u8", vpaddlq_u8(a8));
  SHOW("vpadalq_s16", vpadalq_s16(a32, b16)); SHOW("vpaddq_s32", vpaddq_s32(a32, b32));
  SHOW("vpmaxq_u8", vpmaxq_u8(a8, b8)); SHOW("vpminq_s16", vpminq_s16(a16, b16));
  SHOW("vmaxq_s32", vmaxq_s32(a32, b32)); SHOW("vminq_u8", vminq_u8(a8, b8));
  SHOW("vshlq_s16", vshlq_s16(a16, vshrq_n_s16(b16, 11))); SHOW("vrshlq_u32", vrshlq_u32(au32, vshrq_n_s32(b32, 26)));
  SHOW("vshlq_u64", vshlq_u64(au64, vshrq_n_s64(b64, 57))); SHOW("vrshlq_s8", vrshlq_s8(as8, vshrq_n_s8(bs8, 4)));
  SHOW("vshrq_n_s8", vshrq_n_s8(as8, 8)); SHOW("vrshrq_n_u16", vrshrq_n_u16(au16, 16));
  SHOW("vrsraq_n_s32", vrsraq_n_s32(a32, b32, 31)); SHOW("vsraq_n_u64", vsraq_n_u64(au64, au64, 64));
  SHOW("vshlq_n_s16", vshlq_n_s16(a16, 15)); SHOW("vsliq_n_u32", vsliq_n_u32(au32, bu32, 7));
  SHOW("vsriq_n_u8", vsriq_n_u8(a8, b8, 3)); SHOW("vshrn_n_u32", vshrn_n_u32(au32, 11));
  SHOW("vrshrn_high_n_s16", vrshrn_high_n_s16(vget_low_s8(as8), b16, 8));
  SHOW("vshll_high_n_u8", vshll_high_n_u8(a8, 8)); SHOW("vshll_n_s16", vshll_n_s16(vget_low_s16(a16), 3));
  SHOW("vcntq_u8", vcntq_u8(a8)); SHOW("vclzq_u16", vclzq_u16(au16)); SHOW("vclsq_s32", vclsq_s32(a32));
  SHOW("vrbitq_u8", vrbitq_u8(a8)); SHOW("vrev16q_u8", vrev16q_u8(a8)); SHOW("vrev32q_u16", vrev32q_u16(au16));
  SHOW("vrev64q_u32", vrev64q_u32(au32)); SHOW("vmvnq_u8", vmvnq_u8(a8));
  SHOW("vbslq_u8", vbslq_u8(a8, b8, vmvnq_u8(b8))); SHOW("vbicq_u8", vbicq_u8(a8, b8)); SHOW("vornq_u8", vornq_u8(a8, b8));
  SHOW("vtstq_s16", vtstq_s16(a16, b16)); SHOW("vceqq_u8", vceqq_u8(a8, b8)); SHOW("vcgtq_s32", vcgtq_s32(a32, b32));
  SHOW("vcgeq_u16", vcgeq_u16(au16, bu16)); SHOW("vcltzq_s8", vcltzq_s8(as8)); SHOW("vcgtq_s64", vcgtq_s64(a64, b64));
  SHOW("vabsq_s64", vabsq_s64(a64)); SHOW("vnegq_s8", vnegq_s8(as8));
  SHOW("vrecpeq_u32", vrecpeq_u32(au32)); SHOW("vrsqrteq_u32", vrsqrteq_u32(au32));
  SHOW("vmulq_p8", vmulq_p8(vreinterpretq_p8_u8(a8), vreinterpretq_p8_u8(b8)));
  SHOW("vmull_high_p8", vmull_high_p8(vreinterpretq_p8_u8(a8), vreinterpretq_p8_u8(b8)));
  SHOW("vmulq_laneq_s16", vmulq_laneq_s16(a16, b16, 7)); SHOW("vmlaq_laneq_u32", vmlaq_laneq_u32(au32, bu32, au32, 2));
  SHOW("vmull_high_laneq_s16", vmull_high_laneq_s16(a16, b16, 5));
  SHOW("vmlsl_lane_u32", vmlsl_lane_u32(au64, vget_low_u32(au32), vget_high_u32(bu32), 1));
  SHOW("vqdmulhq_laneq_s16", vqdmulhq_laneq_s16(a16, b16, 3));
  SHOW("vqrdmulhq_laneq_s32", vqrdmulhq_laneq_s32(a32, b32, 1));
  SHOW("vqdmlal_high_laneq_s16", vqdmlal_high_laneq_s16(a32, a16, b16, 6));
  SHOW("vaddvq_u8", vaddvq_u8(a8)); SHOW("vaddlvq_s16", vaddlvq_s16(a16)); SHOW("vaddlvq_u32", vaddlvq_u32(au32));
  SHOW("vmaxvq_s32", vmaxvq_s32(a32)); SHOW("vminvq_u8", vminvq_u8(a8)); SHOW("vmaxvq_u16", vmaxvq_u16(au16));
  SHOW("vminv_s16", vminv_s16(vget_low_s16(a16))); SHOW("vaddvq_u64", vaddvq_u64(au64));
  SHOW("vaddv_s32", vaddv_s32(vget_high_s32(a32)));
}

static void permutes(uint8x16_t a8, uint8x16_t b8) {
  uint16x8_t a16 = vreinterpretq_u16_u8(a8), b16 = vreinterpretq_u16_u8(b8);
  uint32x4_t a32 = vreinterpretq_u32_u8(a8), b32 = vreinterpretq_u32_u8(b8);
  uint64x2_t a64 = vreinterpretq_u64_u8(a8), b64 = vreinterpretq_u64_u8(b8);
  OPAQUE(a8); OPAQUE(b8); OPAQUE(a16); OPAQUE(b16); OPAQUE(a32); OPAQUE(b32); OPAQUE(a64); OPAQUE(b64);
  SHOW("vzip1q_u8", vzip1q_u8(a8, b8)); SHOW("vzip2q_u16", vzip2q_u16(a16, b16));
  SHOW("vuzp1q_u32", vuzp1q_u32(a32, b32)); SHOW("vuzp2q_u8", vuzp2q_u8(a8, b8));
  SHOW("vtrn1q_u16", vtrn1q_u16(a16, b16)); SHOW("vtrn2q_u64", vtrn2q_u64(a64, b64));
  SHOW("vzip1_u32", vzip1_u32(vget_low_u32(a32), vget_high_u32(b32)));
  SHOW("vextq_u8", vextq_u8(a8, b8, 5)); SHOW("vext_u16", vext_u16(vget_low_u16(a16), vget_low_u16(b16), 3));
  SHOW("vdupq_laneq_u8", vdupq_laneq_u8(a8, 13)); SHOW("vdupq_laneq_u64", vdupq_laneq_u64(b64, 1));
  SHOW("vcopyq_laneq_u32", vcopyq_laneq_u32(a32, 1, b32, 3));
  SHOW("vgetq_lane_s16", (int64_t)vgetq_lane_s16(vreinterpretq_s16_u8(a8), 5));
  SHOW("vgetq_lane_s8", (int64_t)vgetq_lane_s8(vreinterpretq_s8_u8(b8), 3));
  /* Table lookups: indices in range, at the edges and out of range. */
  uint8x16x4_t t = {{a8, b8, vmvnq_u8(a8), vrev64q_u8(b8)}};
  uint8x16_t idx = vandq_u8(vaddq_u8(a8, b8), vdupq_n_u8(0x7f));
  OPAQUE(idx);
  uint8x16x2_t t2 = {{t.val[0], t.val[1]}};
  uint8x16x3_t t3 = {{t.val[0], t.val[1], t.val[2]}};
  SHOW("vqtbl1q_u8", vqtbl1q_u8(a8, b8)); SHOW("vqtbl2q_u8", vqtbl2q_u8(t2, idx));
  SHOW("vqtbl3q_u8", vqtbl3q_u8(t3, idx)); SHOW("vqtbl4q_u8", vqtbl4q_u8(t, idx));
  SHOW("vqtbx1q_u8", vqtbx1q_u8(b8, a8, idx)); SHOW("vqtbx2q_u8", vqtbx2q_u8(a8, t2, idx));
  SHOW("vqtbx3_u8", vqtbx3_u8(vget_low_u8(a8), t3, vget_high_u8(idx))); SHOW("vqtbx4q_u8", vqtbx4q_u8(b8, t, a8));
  SHOW("vqtbl1_u8", vqtbl1_u8(b8, vget_low_u8(a8)));
}

static void structures(void) {
  uint8_t mem[256], out[256];
  for (int i = 0; i < 256; i++) mem[i] = (uint8_t)(i * 37 + 11);
  uint8_t *m = mem;
  __asm__ volatile("" : "+r"(m));
  uint8x16x2_t l2 = vld2q_u8(m);
  SHOW("vld2q_u8.0", l2.val[0]); SHOW("vld2q_u8.1", l2.val[1]);
  uint16x8x3_t l3 = vld3q_u16((const uint16_t *)(m + 3));
  SHOW("vld3q_u16.0", l3.val[0]); SHOW("vld3q_u16.1", l3.val[1]); SHOW("vld3q_u16.2", l3.val[2]);
  uint32x4x4_t l4 = vld4q_u32((const uint32_t *)(m + 17));
  SHOW("vld4q_u32.0", l4.val[0]); SHOW("vld4q_u32.3", l4.val[3]);
  uint64x2x4_t l14 = vld1q_u64_x4((const uint64_t *)(m + 64));
  SHOW("vld1q_u64_x4.1", l14.val[1]); SHOW("vld1q_u64_x4.3", l14.val[3]);
  uint16x4x2_t d2 = vld2_u16((const uint16_t *)(m + 1));
  SHOW("vld2_u16.1", d2.val[1]);
  uint32x4x3_t r3 = vld3q_dup_u32((const uint32_t *)(m + 200));
  SHOW("vld3q_dup_u32.2", r3.val[2]);
  uint8x8x4_t r4 = vld4_dup_u8(m + 250);
  SHOW("vld4_dup_u8.3", r4.val[3]);
  uint16x8x2_t src2 = {{l3.val[1], l3.val[2]}};
  uint16x8x2_t ln = vld2q_lane_u16((const uint16_t *)(m + 9), src2, 6);
  SHOW("vld2q_lane_u16.0", ln.val[0]); SHOW("vld2q_lane_u16.1", ln.val[1]);
  uint64x2x4_t ln4 = vld4q_lane_u64((const uint64_t *)(m + 100), l14, 1);
  SHOW("vld4q_lane_u64.2", ln4.val[2]);
  memset(out, 0, sizeof out);
  vst2q_u8(out, l2);
  vst3q_u16((uint16_t *)(out + 33), l3);
  vst4q_u32((uint32_t *)(out + 83), l4);
  vst1q_u64_x2((uint64_t *)(out + 150), (uint64x2x2_t){{l14.val[0], l14.val[2]}});
  vst4_lane_u8(out + 190, r4, 5);
  vst3q_lane_u32((uint32_t *)(out + 200), r3, 2);
  vst1q_lane_u16((uint16_t *)(out + 230), l3.val[2], 7);
  vst2_u16((uint16_t *)(out + 236), d2);
  for (int i = 0; i < 256; i += 16) show("stores", out + i, 16, -1);
}

int main(void) {
  for (unsigned i = 0; i < NPAT; i++)
    for (unsigned j = 0; j < NPAT; j++) {
      uint8x16_t a = vld1q_u8(kPat[i]), b = vld1q_u8(kPat[(j + i) % NPAT]);
      if (j & 1) b = vrev64q_u8(b);
      printf("== patterns %u %u\n", i, j);
      saturating(a, b);
      arithmetic(a, b);
      permutes(a, b);
    }
  structures();
  return 0;
}

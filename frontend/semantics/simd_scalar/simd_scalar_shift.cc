// Advanced SIMD scalar shift by immediate, integer forms (ARM ARM C4.1.95,
// C7.2): SSHR/USHR, SRSHR/URSHR, SSRA/USRA, SRSRA/URSRA, SHL, SLI, SRI,
// SQSHL/UQSHL/SQSHLU (immediate) and the saturating narrows SQSHRN/UQSHRN/
// SQRSHRN/UQRSHRN/SQSHRUN/SQRSHRUN. The fixed-point conversions of the class
// are in simd_scalar_fp_convert.cc.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_scalar/simd_scalar_common.h"

namespace a64 {
namespace {

using namespace sisd;

unsigned ImmhImmb(uint32_t w) { return Bits(w, 22, 16); }

// SSHR ... URSRA: the scalar forms exist only for esize 64 (immh<3> == 1),
// shift = 128 - UInt(immh:immb), 1..64.
template <bool kSigned, bool kRound, bool kAccumulate>
ExecStatus ExecShiftRight(Cpu& c, uint32_t w) {
  const unsigned shift = 128 - ImmhImmb(w);
  Int128 x = ReadInt(c, Rn(w), 3, !kSigned);
  if (kRound) x += static_cast<Int128>(1) << (shift - 1);
  uint64_t r = static_cast<uint64_t>(x >> shift);
  if (kAccumulate) r += ReadElem(c, Rd(w), 3);
  WriteScalar(c, Rd(w), 3, r);
  return ExecStatus::kNext;
}

// SHL: shift = UInt(immh:immb) - 64, 0..63.
ExecStatus ExecShl(Cpu& c, uint32_t w) {
  WriteScalar(c, Rd(w), 3, ReadElem(c, Rn(w), 3) << (ImmhImmb(w) - 64));
  return ExecStatus::kNext;
}

// SLI: mask = LSL(Ones(64), shift); SRI: mask = LSR(Ones(64), shift) with
// shift 1..64; result = (Vd AND NOT(mask)) OR shifted Vn.
template <bool kLeft>
ExecStatus ExecShiftInsert(Cpu& c, uint32_t w) {
  const unsigned shift = kLeft ? ImmhImmb(w) - 64 : 128 - ImmhImmb(w);
  const uint64_t n = ReadElem(c, Rn(w), 3), d = ReadElem(c, Rd(w), 3);
  uint64_t mask, ins;
  if (kLeft) {
    mask = ~0ull << shift;
    ins = n << shift;
  } else {
    mask = shift == 64 ? 0 : ~0ull >> shift;
    ins = shift == 64 ? 0 : n >> shift;
  }
  WriteScalar(c, Rd(w), 3, (d & ~mask) | ins);
  return ExecStatus::kNext;
}

// SQSHL/UQSHL/SQSHLU (immediate): shift = UInt(immh:immb) - esize;
// result = SatQ(Int(element, src_unsigned) << shift, esize, dst_unsigned).
template <bool kSrcUnsigned, bool kDstUnsigned>
ExecStatus ExecSatShiftLeft(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), esize = 8u << size;
  const unsigned shift = ImmhImmb(w) - esize;
  const Int128 x = ReadInt(c, Rn(w), size, kSrcUnsigned) * (static_cast<Int128>(1) << shift);
  WriteScalar(c, Rd(w), size, SatQ(c, x, esize, kDstUnsigned));
  return ExecStatus::kNext;
}

// SQSHRN ... SQRSHRUN: the source element has 2*esize bits,
// shift = 2*esize - UInt(immh:immb) (1..esize);
// result = SatQ((Int(element, src_unsigned) + round_const) >> shift, esize,
// dst_unsigned).
template <bool kSrcUnsigned, bool kDstUnsigned, bool kRound>
ExecStatus ExecSatShiftRightNarrow(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), esize = 8u << size;
  const unsigned shift = 2 * esize - ImmhImmb(w);
  Int128 x = ReadInt(c, Rn(w), size + 1, kSrcUnsigned);
  if (kRound) x += static_cast<Int128>(1) << (shift - 1);
  WriteScalar(c, Rd(w), size, SatQ(c, x >> shift, esize, kDstUnsigned));
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdScalarShift(ExecTable& t) {
  t.Set(Op::SSHR_asisdshf_R, &ExecShiftRight<true, false, false>);
  t.Set(Op::USHR_asisdshf_R, &ExecShiftRight<false, false, false>);
  t.Set(Op::SRSHR_asisdshf_R, &ExecShiftRight<true, true, false>);
  t.Set(Op::URSHR_asisdshf_R, &ExecShiftRight<false, true, false>);
  t.Set(Op::SSRA_asisdshf_R, &ExecShiftRight<true, false, true>);
  t.Set(Op::USRA_asisdshf_R, &ExecShiftRight<false, false, true>);
  t.Set(Op::SRSRA_asisdshf_R, &ExecShiftRight<true, true, true>);
  t.Set(Op::URSRA_asisdshf_R, &ExecShiftRight<false, true, true>);
  t.Set(Op::SHL_asisdshf_R, &ExecShl);
  t.Set(Op::SLI_asisdshf_R, &ExecShiftInsert<true>);
  t.Set(Op::SRI_asisdshf_R, &ExecShiftInsert<false>);
  t.Set(Op::SQSHL_asisdshf_R, &ExecSatShiftLeft<false, false>);
  t.Set(Op::UQSHL_asisdshf_R, &ExecSatShiftLeft<true, true>);
  t.Set(Op::SQSHLU_asisdshf_R, &ExecSatShiftLeft<false, true>);
  t.Set(Op::SQSHRN_asisdshf_N, &ExecSatShiftRightNarrow<false, false, false>);
  t.Set(Op::SQRSHRN_asisdshf_N, &ExecSatShiftRightNarrow<false, false, true>);
  t.Set(Op::UQSHRN_asisdshf_N, &ExecSatShiftRightNarrow<true, true, false>);
  t.Set(Op::UQRSHRN_asisdshf_N, &ExecSatShiftRightNarrow<true, true, true>);
  t.Set(Op::SQSHRUN_asisdshf_N, &ExecSatShiftRightNarrow<false, true, false>);
  t.Set(Op::SQRSHRUN_asisdshf_N, &ExecSatShiftRightNarrow<false, true, true>);
}

}  // namespace a64

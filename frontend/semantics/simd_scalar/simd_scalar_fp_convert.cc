// Advanced SIMD scalar floating-point conversions, single and double
// precision (ARM ARM C4.1.95, C7.2): FCVTNS/NU/MS/MU/AS/AU/PS/PU/ZS/ZU and
// SCVTF/UCVTF on a SIMD&FP register (two-register misc), their fixed-point
// forms FCVTZS/FCVTZU/SCVTF/UCVTF (shift by immediate), and FCVTXN.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/fp/fp_arith.h"
#include "frontend/semantics/simd_scalar/simd_scalar_common.h"

namespace a64 {
namespace {

using namespace sisd;

// Two-register misc: sz (bit 22) selects single (esize 32) or double (64).
unsigned MiscSize(uint32_t w) { return Bit(w, 22) ? 3 : 2; }
FpFormat FmtOfSize(unsigned size) { return size == 3 ? kFpDouble : kFpSingle; }

// FPToFixed(element, 0, unsigned, fpcr, rounding) into an esize-bit integer.
template <FpRounding R, bool kUnsigned>
ExecStatus ExecFpToInt(Cpu& c, uint32_t w) {
  const unsigned size = MiscSize(w);
  const uint64_t r = FpToFixed(ReadElem(c, Rn(w), size), FmtOfSize(size), 0, kUnsigned,
                               8u << size, c.st.fpcr, R, c.st.fpsr);
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

// SCVTF/UCVTF (vector register source): FixedToFP(element, 0, unsigned, fpcr,
// FPRoundingMode(fpcr)).
template <bool kUnsigned>
ExecStatus ExecIntToFp(Cpu& c, uint32_t w) {
  const unsigned size = MiscSize(w);
  const uint64_t r = FixedToFp(ReadElem(c, Rn(w), size), 8u << size, 0, kUnsigned,
                               FmtOfSize(size), c.st.fpcr, FpcrRounding(c.st.fpcr), c.st.fpsr);
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

// Fixed-point forms: immh 01xx is single with fbits = 64 - UInt(immh:immb),
// 1xxx double with fbits = 128 - UInt(immh:immb) (the table rejects 00xx).
template <bool kUnsigned>
ExecStatus ExecFpToFixed(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), esize = 8u << size;
  const unsigned fbits = 2 * esize - Bits(w, 22, 16);
  const uint64_t r = FpToFixed(ReadElem(c, Rn(w), size), FmtOfSize(size), fbits, kUnsigned, esize,
                               c.st.fpcr, FpRounding::kZero, c.st.fpsr);
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

template <bool kUnsigned>
ExecStatus ExecFixedToFp(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), esize = 8u << size;
  const unsigned fbits = 2 * esize - Bits(w, 22, 16);
  const uint64_t r = FixedToFp(ReadElem(c, Rn(w), size), esize, fbits, kUnsigned, FmtOfSize(size),
                               c.st.fpcr, FpcrRounding(c.st.fpcr), c.st.fpsr);
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

// FCVTXN (scalar, double to single): FPConvert with FPRounding_ODD. Rounding
// to odd is truncation with the lowest mantissa bit forced to 1 when the
// result is inexact; its overflow gives the largest normal, as rounding
// towards zero does, and its underflow/flush-to-zero behaviour is the same.
ExecStatus ExecFcvtxn(Cpu& c, uint32_t w) {
  uint32_t flags = 0;
  uint64_t r = FpConvert(ReadElem(c, Rn(w), 3), kFpDouble, kFpSingle, c.st.fpcr,
                         FpRounding::kZero, flags);
  if (flags & kFpsrIXC) r |= 1;
  c.st.fpsr |= flags;
  WriteScalar(c, Rd(w), 2, r);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdScalarFpConvert(ExecTable& t) {
  t.Set(Op::FCVTNS_asisdmisc_R, &ExecFpToInt<FpRounding::kTieEven, false>);
  t.Set(Op::FCVTNU_asisdmisc_R, &ExecFpToInt<FpRounding::kTieEven, true>);
  t.Set(Op::FCVTPS_asisdmisc_R, &ExecFpToInt<FpRounding::kPosInf, false>);
  t.Set(Op::FCVTPU_asisdmisc_R, &ExecFpToInt<FpRounding::kPosInf, true>);
  t.Set(Op::FCVTMS_asisdmisc_R, &ExecFpToInt<FpRounding::kNegInf, false>);
  t.Set(Op::FCVTMU_asisdmisc_R, &ExecFpToInt<FpRounding::kNegInf, true>);
  t.Set(Op::FCVTZS_asisdmisc_R, &ExecFpToInt<FpRounding::kZero, false>);
  t.Set(Op::FCVTZU_asisdmisc_R, &ExecFpToInt<FpRounding::kZero, true>);
  t.Set(Op::FCVTAS_asisdmisc_R, &ExecFpToInt<FpRounding::kTieAway, false>);
  t.Set(Op::FCVTAU_asisdmisc_R, &ExecFpToInt<FpRounding::kTieAway, true>);
  t.Set(Op::SCVTF_asisdmisc_R, &ExecIntToFp<false>);
  t.Set(Op::UCVTF_asisdmisc_R, &ExecIntToFp<true>);
  t.Set(Op::FCVTZS_asisdshf_C, &ExecFpToFixed<false>);
  t.Set(Op::FCVTZU_asisdshf_C, &ExecFpToFixed<true>);
  t.Set(Op::SCVTF_asisdshf_C, &ExecFixedToFp<false>);
  t.Set(Op::UCVTF_asisdshf_C, &ExecFixedToFp<true>);
  t.Set(Op::FCVTXN_asisdmisc_N, &ExecFcvtxn);
}

}  // namespace a64

// Advanced SIMD shift by immediate, saturating forms (ARM ARM C4.1.101,
// C7.2): SQSHL/UQSHL/SQSHLU (immediate) and the saturating narrows
// SQSHRN/UQSHRN/SQRSHRN/UQRSHRN/SQSHRUN/SQRSHRUN{2}.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_int_common.h"

namespace a64 {
namespace {

using namespace simd;

unsigned ImmhImmb(uint32_t w) { return Bits(w, 22, 16); }

// SQSHL/UQSHL/SQSHLU: esize = 8 << HighestSetBit(immh), shift =
// UInt(immh:immb) - esize (0..esize-1); each lane is
// SatQ(Int(element, src_unsigned) << shift, esize, dst_unsigned).
template <bool kSrcUnsigned, bool kDstUnsigned>
ExecStatus ExecSatShiftLeft(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), esize = 8u << size;
  const unsigned shift = ImmhImmb(w) - esize;
  const VReg n = c.st.v[Rn(w)];
  ForEachLane(c, w, size, [&](unsigned i) {
    const Int128 x = LaneInt(n, size, i, kSrcUnsigned) * (static_cast<Int128>(1) << shift);
    return SatQ(c, x, esize, kDstUnsigned);
  });
  return ExecStatus::kNext;
}

// The narrows: source lanes of 2*esize bits, shift = 2*esize - UInt(immh:immb)
// (1..esize); Vpart[d, Q] lanes = SatQ((Int(element, src_unsigned) +
// round_const) >> shift, esize, dst_unsigned).
template <bool kSrcUnsigned, bool kDstUnsigned, bool kRound>
ExecStatus ExecSatShiftRightNarrow(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), esize = 8u << size;
  const unsigned shift = 2 * esize - ImmhImmb(w);
  const VReg n = c.st.v[Rn(w)];
  VReg part{};
  for (unsigned i = 0; i < Lanes(false, size); ++i) {
    Int128 x = LaneInt(n, size + 1, i, kSrcUnsigned);
    if (kRound) x += static_cast<Int128>(1) << (shift - 1);
    SetLane(part, size, i, SatQ(c, x >> shift, esize, kDstUnsigned));
  }
  simd::WritePart(c, Rd(w), Q(w), part.d[0]);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdIntShiftSat(ExecTable& t) {
  t.Set(Op::SQSHL_asimdshf_R, &ExecSatShiftLeft<false, false>);
  t.Set(Op::UQSHL_asimdshf_R, &ExecSatShiftLeft<true, true>);
  t.Set(Op::SQSHLU_asimdshf_R, &ExecSatShiftLeft<false, true>);
  t.Set(Op::SQSHRN_asimdshf_N, &ExecSatShiftRightNarrow<false, false, false>);
  t.Set(Op::SQRSHRN_asimdshf_N, &ExecSatShiftRightNarrow<false, false, true>);
  t.Set(Op::UQSHRN_asimdshf_N, &ExecSatShiftRightNarrow<true, true, false>);
  t.Set(Op::UQRSHRN_asimdshf_N, &ExecSatShiftRightNarrow<true, true, true>);
  t.Set(Op::SQSHRUN_asimdshf_N, &ExecSatShiftRightNarrow<false, true, false>);
  t.Set(Op::SQRSHRUN_asimdshf_N, &ExecSatShiftRightNarrow<false, true, true>);
}

}  // namespace a64

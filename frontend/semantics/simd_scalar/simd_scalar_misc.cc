// Advanced SIMD scalar two-register miscellaneous (integer forms), scalar copy
// and scalar pairwise ADDP (ARM ARM C4.1.95, C7.2): ABS, NEG, CMGT/CMEQ/CMLT/
// CMGE/CMLE (zero), SQABS, SQNEG, SUQADD, USQADD, SQXTN, UQXTN, SQXTUN,
// DUP (element) and ADDP (scalar).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_scalar/simd_scalar_common.h"

namespace a64 {
namespace {

using namespace sisd;

// ABS/NEG (size == 11): the result is truncated to 64 bits (ABS of the most
// negative value is itself).
template <bool kNeg>
ExecStatus ExecAbsNeg(Cpu& c, uint32_t w) {
  const int64_t x = ReadElemS(c, Rn(w), 3);
  const uint64_t ux = static_cast<uint64_t>(x);
  WriteScalar(c, Rd(w), 3, kNeg || x < 0 ? 0 - ux : ux);
  return ExecStatus::kNext;
}

enum class CmpZero { kGt, kEq, kLt, kGe, kLe };

template <CmpZero K>
ExecStatus ExecCompareZero(Cpu& c, uint32_t w) {
  const int64_t x = ReadElemS(c, Rn(w), 3);
  bool r = false;
  switch (K) {
    case CmpZero::kGt: r = x > 0; break;
    case CmpZero::kEq: r = x == 0; break;
    case CmpZero::kLt: r = x < 0; break;
    case CmpZero::kGe: r = x >= 0; break;
    case CmpZero::kLe: r = x <= 0; break;
  }
  WriteScalar(c, Rd(w), 3, r ? ~0ull : 0);
  return ExecStatus::kNext;
}

// SQABS/SQNEG: SignedSatQ(Abs/Neg(SInt(element)), esize).
template <bool kNeg>
ExecStatus ExecSatAbsNeg(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const Int128 x = ReadInt(c, Rn(w), size, false);
  WriteScalar(c, Rd(w), size, SatQ(c, kNeg || x < 0 ? -x : x, 8u << size, false));
  return ExecStatus::kNext;
}

// SUQADD: SignedSatQ(SInt(Vd) + UInt(Vn)); USQADD: UnsignedSatQ(UInt(Vd) +
// SInt(Vn)).
template <bool kUnsignedAcc>
ExecStatus ExecSatAccumulate(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const Int128 op1 = ReadInt(c, Rn(w), size, !kUnsignedAcc);
  const Int128 op2 = ReadInt(c, Rd(w), size, kUnsignedAcc);
  WriteScalar(c, Rd(w), size, SatQ(c, op1 + op2, 8u << size, kUnsignedAcc));
  return ExecStatus::kNext;
}

// SQXTN/UQXTN/SQXTUN: the source element has 2*esize bits (size != 11);
// Vpart[d, 0] = SatQ(Int(element, src_unsigned), esize, dst_unsigned).
template <bool kSrcUnsigned, bool kDstUnsigned>
ExecStatus ExecSatNarrow(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const Int128 x = ReadInt(c, Rn(w), size + 1, kSrcUnsigned);
  WriteScalar(c, Rd(w), size, SatQ(c, x, 8u << size, kDstUnsigned));
  return ExecStatus::kNext;
}

// DUP (element), scalar: size = LowestSetBit(imm5), index = imm5 >> (size+1).
ExecStatus ExecDupElement(Cpu& c, uint32_t w) {
  const unsigned imm5 = Bits(w, 20, 16);
  unsigned size = 0;
  while (!((imm5 >> size) & 1)) ++size;
  const unsigned index = imm5 >> (size + 1);
  WriteScalar(c, Rd(w), size, simd::GetLane(c.st.v[Rn(w)], size, index));
  return ExecStatus::kNext;
}

// ADDP (scalar): the sum of the two 64-bit elements of Vn.
ExecStatus ExecAddPair(Cpu& c, uint32_t w) {
  const VReg& n = c.st.v[Rn(w)];
  WriteScalar(c, Rd(w), 3, n.d[0] + n.d[1]);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdScalarMisc(ExecTable& t) {
  t.Set(Op::ABS_asisdmisc_R, &ExecAbsNeg<false>);
  t.Set(Op::NEG_asisdmisc_R, &ExecAbsNeg<true>);
  t.Set(Op::CMGT_asisdmisc_Z, &ExecCompareZero<CmpZero::kGt>);
  t.Set(Op::CMEQ_asisdmisc_Z, &ExecCompareZero<CmpZero::kEq>);
  t.Set(Op::CMLT_asisdmisc_Z, &ExecCompareZero<CmpZero::kLt>);
  t.Set(Op::CMGE_asisdmisc_Z, &ExecCompareZero<CmpZero::kGe>);
  t.Set(Op::CMLE_asisdmisc_Z, &ExecCompareZero<CmpZero::kLe>);
  t.Set(Op::SQABS_asisdmisc_R, &ExecSatAbsNeg<false>);
  t.Set(Op::SQNEG_asisdmisc_R, &ExecSatAbsNeg<true>);
  t.Set(Op::SUQADD_asisdmisc_R, &ExecSatAccumulate<false>);
  t.Set(Op::USQADD_asisdmisc_R, &ExecSatAccumulate<true>);
  t.Set(Op::SQXTN_asisdmisc_N, &ExecSatNarrow<false, false>);
  t.Set(Op::UQXTN_asisdmisc_N, &ExecSatNarrow<true, true>);
  t.Set(Op::SQXTUN_asisdmisc_N, &ExecSatNarrow<false, true>);
  t.Set(Op::DUP_asisdone_only, &ExecDupElement);
  t.Set(Op::ADDP_asisdpair_only, &ExecAddPair);
}

}  // namespace a64

// Advanced SIMD scalar three same and three same extra, integer forms (ARM ARM
// C4.1.95, C7.2): ADD, SUB, CMEQ/CMGE/CMGT/CMHI/CMHS/CMTST, SQADD/UQADD/
// SQSUB/UQSUB, SSHL/USHL/SRSHL/URSHL, SQSHL/UQSHL/SQRSHL/UQRSHL (register),
// SQDMULH/SQRDMULH and SQRDMLAH/SQRDMLSH (FEAT_RDM).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_scalar/simd_scalar_common.h"

namespace a64 {
namespace {

using namespace sisd;

enum class Cmp { kEq, kGe, kGt, kHi, kHs, kTst };

// CMxx (register): the scalar forms are 64-bit only (size == 11).
template <Cmp K>
ExecStatus ExecCompare(Cpu& c, uint32_t w) {
  const uint64_t a = ReadElem(c, Rn(w), 3), b = ReadElem(c, Rm(w), 3);
  const int64_t sa = static_cast<int64_t>(a), sb = static_cast<int64_t>(b);
  bool r = false;
  switch (K) {
    case Cmp::kEq: r = a == b; break;
    case Cmp::kGe: r = sa >= sb; break;
    case Cmp::kGt: r = sa > sb; break;
    case Cmp::kHi: r = a > b; break;
    case Cmp::kHs: r = a >= b; break;
    case Cmp::kTst: r = (a & b) != 0; break;
  }
  WriteScalar(c, Rd(w), 3, r ? ~0ull : 0);
  return ExecStatus::kNext;
}

template <bool kSub>
ExecStatus ExecAddSub(Cpu& c, uint32_t w) {
  const uint64_t a = ReadElem(c, Rn(w), 3), b = ReadElem(c, Rm(w), 3);
  WriteScalar(c, Rd(w), 3, kSub ? a - b : a + b);
  return ExecStatus::kNext;
}

// SQADD/UQADD/SQSUB/UQSUB: SatQ(Int(op1) +/- Int(op2), esize, unsigned).
template <bool kUnsigned, bool kSub>
ExecStatus ExecSatAddSub(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const Int128 a = ReadInt(c, Rn(w), size, kUnsigned), b = ReadInt(c, Rm(w), size, kUnsigned);
  WriteScalar(c, Rd(w), size, SatQ(c, kSub ? a - b : a + b, 8u << size, kUnsigned));
  return ExecStatus::kNext;
}

// The shift-by-register family (SSHL pseudocode):
//   shift = SInt(Elem[operand2, e, esize]<7:0>);
//   round_const = 1 << (-shift - 1) when rounding (0 for a left shift);
//   element = (Int(Elem[operand1, e, esize], unsigned) + round_const) << shift;
// then saturated to esize bits or truncated to them.
template <bool kUnsigned, bool kRound, bool kSaturate>
ExecStatus ExecShiftReg(Cpu& c, uint32_t w) {
  const unsigned size = Size(w), esize = 8u << size;
  const int shift = static_cast<int8_t>(ReadElem(c, Rm(w), size) & 0xff);
  const Int128 x = ReadInt(c, Rn(w), size, kUnsigned);
  Int128 value;
  if (shift >= 0) {
    if (shift >= 64) {
      // |x| < 2^64: any nonzero value overflows every esize; the low esize
      // bits of the shifted value are zero.
      if (kSaturate) value = x == 0 ? 0 : x > 0 ? static_cast<Int128>(1) << 120 : -(static_cast<Int128>(1) << 120);
      else value = 0;
    } else {
      value = x * (static_cast<Int128>(1) << shift);
    }
  } else {
    // Right shifts beyond 65 give the same result as 65 for |x| < 2^64
    // (sign bits, or 0 once the rounding constant is included).
    const int s = -shift > 65 ? 65 : -shift;
    Int128 y = x;
    if (kRound) y += static_cast<Int128>(1) << (s - 1);
    value = y >> s;
  }
  const uint64_t r = kSaturate ? SatQ(c, value, esize, kUnsigned) : static_cast<uint64_t>(value);
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

// SQDMULH/SQRDMULH/SQRDMLAH/SQRDMLSH (size 01 or 10).
template <bool kRound, int kAccumulate>
ExecStatus ExecDoublingMulHigh(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const uint64_t r = SatDoublingMulHigh(c, ReadElemS(c, Rn(w), size), ReadElemS(c, Rm(w), size),
                                        8u << size, kRound, kAccumulate, ReadElemS(c, Rd(w), size));
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdScalarThreeSame(ExecTable& t) {
  t.Set(Op::ADD_asisdsame_only, &ExecAddSub<false>);
  t.Set(Op::SUB_asisdsame_only, &ExecAddSub<true>);
  t.Set(Op::CMEQ_asisdsame_only, &ExecCompare<Cmp::kEq>);
  t.Set(Op::CMGE_asisdsame_only, &ExecCompare<Cmp::kGe>);
  t.Set(Op::CMGT_asisdsame_only, &ExecCompare<Cmp::kGt>);
  t.Set(Op::CMHI_asisdsame_only, &ExecCompare<Cmp::kHi>);
  t.Set(Op::CMHS_asisdsame_only, &ExecCompare<Cmp::kHs>);
  t.Set(Op::CMTST_asisdsame_only, &ExecCompare<Cmp::kTst>);
  t.Set(Op::SQADD_asisdsame_only, &ExecSatAddSub<false, false>);
  t.Set(Op::UQADD_asisdsame_only, &ExecSatAddSub<true, false>);
  t.Set(Op::SQSUB_asisdsame_only, &ExecSatAddSub<false, true>);
  t.Set(Op::UQSUB_asisdsame_only, &ExecSatAddSub<true, true>);
  t.Set(Op::SSHL_asisdsame_only, &ExecShiftReg<false, false, false>);
  t.Set(Op::USHL_asisdsame_only, &ExecShiftReg<true, false, false>);
  t.Set(Op::SRSHL_asisdsame_only, &ExecShiftReg<false, true, false>);
  t.Set(Op::URSHL_asisdsame_only, &ExecShiftReg<true, true, false>);
  t.Set(Op::SQSHL_asisdsame_only, &ExecShiftReg<false, false, true>);
  t.Set(Op::UQSHL_asisdsame_only, &ExecShiftReg<true, false, true>);
  t.Set(Op::SQRSHL_asisdsame_only, &ExecShiftReg<false, true, true>);
  t.Set(Op::UQRSHL_asisdsame_only, &ExecShiftReg<true, true, true>);
  t.Set(Op::SQDMULH_asisdsame_only, &ExecDoublingMulHigh<false, 0>);
  t.Set(Op::SQRDMULH_asisdsame_only, &ExecDoublingMulHigh<true, 0>);
  t.Set(Op::SQRDMLAH_asisdsame2_only, &ExecDoublingMulHigh<true, 1>);
  t.Set(Op::SQRDMLSH_asisdsame2_only, &ExecDoublingMulHigh<true, -1>);
}

}  // namespace a64

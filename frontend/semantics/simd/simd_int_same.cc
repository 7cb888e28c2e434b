// Advanced SIMD three same (vector, integer arithmetic) and three same extra
// (RDM): SHADD/UHADD, SRHADD/URHADD, SHSUB/UHSUB, SQADD/UQADD/SQSUB/UQSUB,
// SABD/UABD, SABA/UABA, MUL, MLA, MLS, PMUL, SQDMULH/SQRDMULH,
// SQRDMLAH/SQRDMLSH and the shifts by register SSHL/USHL/SRSHL/URSHL/SQSHL/
// UQSHL/SQRSHL/UQRSHL (ARM ARM C4.1.95, C4.1.96, C7.2).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_int_common.h"

namespace a64 {
namespace {

using namespace simd;

enum class Op3 {
  kHadd, kRhadd, kHsub, kQadd, kQsub, kAbd, kAba, kMul, kMla, kMls, kPmul,
  kQdmulh, kQrdmulh, kQrdmlah, kQrdmlsh, kShl, kRshl, kQshl, kQrshl,
};

// PolynomialMult of two 8-bit lanes, truncated to 8 bits (PMUL).
uint64_t PolyMul8(uint64_t a, uint64_t b) {
  uint64_t r = 0;
  for (unsigned i = 0; i < 8; ++i)
    if (b >> i & 1) r ^= a << i;
  return r & 0xff;
}

// The SSHL family (SSHL/SRSHL/SQSHL/SQRSHL pseudocode):
//   shift = SInt(Elem[operand2, e, esize]<7:0>);
//   round_const = rounding ? 1 << (-shift - 1) : 0 (0 for left shifts);
//   element = (Int(op1, unsigned) + round_const) << shift;
// then SatQ(element, esize, unsigned) or the low esize bits.
uint64_t ShiftByRegister(Cpu& c, Int128 x, uint64_t b, unsigned esize, bool is_unsigned, bool round,
                         bool saturate) {
  const int shift = static_cast<int8_t>(b & 0xff);
  Int128 value;
  if (shift >= 0) {
    // |x| < 2^64, so a shift of 64 or more overflows every esize for x != 0
    // and leaves the low esize bits zero; a stand-in with the same sign
    // saturates identically.
    if (shift >= 64) value = x == 0 ? 0 : (x > 0 ? 1 : -1) * (static_cast<Int128>(1) << 120);
    else value = x * (static_cast<Int128>(1) << shift);
  } else {
    // Right shifts by more than esize + 1 give the same result as esize + 1.
    const int s = -shift > 65 ? 65 : -shift;
    Int128 y = x;
    if (round) y += static_cast<Int128>(1) << (s - 1);
    value = y >> s;
  }
  return saturate ? SatQ(c, value, esize, is_unsigned) : static_cast<uint64_t>(value) & Ones(esize);
}

template <Op3 K, bool kUnsigned>
uint64_t LaneOp(Cpu& c, const VReg& n, const VReg& m, const VReg& d, unsigned size, unsigned i) {
  const unsigned esize = 8u << size;
  const Int128 a = LaneInt(n, size, i, kUnsigned), b = LaneInt(m, size, i, kUnsigned);
  const uint64_t ua = GetLane(n, size, i), ub = GetLane(m, size, i), ud = GetLane(d, size, i);
  switch (K) {
    case Op3::kHadd: return static_cast<uint64_t>((a + b) >> 1);
    case Op3::kRhadd: return static_cast<uint64_t>((a + b + 1) >> 1);
    case Op3::kHsub: return static_cast<uint64_t>((a - b) >> 1);
    case Op3::kQadd: return SatQ(c, a + b, esize, kUnsigned);
    case Op3::kQsub: return SatQ(c, a - b, esize, kUnsigned);
    case Op3::kAbd: return static_cast<uint64_t>(a > b ? a - b : b - a);
    case Op3::kAba: return ud + static_cast<uint64_t>(a > b ? a - b : b - a);
    case Op3::kMul: return ua * ub;
    case Op3::kMla: return ud + ua * ub;
    case Op3::kMls: return ud - ua * ub;
    case Op3::kPmul: return PolyMul8(ua, ub);
    case Op3::kQdmulh:
      return sisd::SatDoublingMulHigh(c, GetLaneS(n, size, i), GetLaneS(m, size, i), esize, false, 0, 0);
    case Op3::kQrdmulh:
      return sisd::SatDoublingMulHigh(c, GetLaneS(n, size, i), GetLaneS(m, size, i), esize, true, 0, 0);
    case Op3::kQrdmlah:
      return sisd::SatDoublingMulHigh(c, GetLaneS(n, size, i), GetLaneS(m, size, i), esize, true, 1,
                                      GetLaneS(d, size, i));
    case Op3::kQrdmlsh:
      return sisd::SatDoublingMulHigh(c, GetLaneS(n, size, i), GetLaneS(m, size, i), esize, true, -1,
                                      GetLaneS(d, size, i));
    case Op3::kShl: return ShiftByRegister(c, a, ub, esize, kUnsigned, false, false);
    case Op3::kRshl: return ShiftByRegister(c, a, ub, esize, kUnsigned, true, false);
    case Op3::kQshl: return ShiftByRegister(c, a, ub, esize, kUnsigned, false, true);
    case Op3::kQrshl: return ShiftByRegister(c, a, ub, esize, kUnsigned, true, true);
  }
  return 0;
}

// Element-wise over datasize (64 or 128 bits); V[d] is also an input of the
// accumulating forms. SetLane truncates every result to esize bits.
template <Op3 K, bool kUnsigned>
ExecStatus ExecSame(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const VReg n = c.st.v[Rn(w)], m = c.st.v[Rm(w)], d = c.st.v[Rd(w)];
  VReg r{};
  for (unsigned i = 0; i < Lanes(Q(w), size); ++i) SetLane(r, size, i, LaneOp<K, kUnsigned>(c, n, m, d, size, i));
  WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdIntSame(ExecTable& t) {
  t.Set(Op::SHADD_asimdsame_only, &ExecSame<Op3::kHadd, false>);
  t.Set(Op::UHADD_asimdsame_only, &ExecSame<Op3::kHadd, true>);
  t.Set(Op::SRHADD_asimdsame_only, &ExecSame<Op3::kRhadd, false>);
  t.Set(Op::URHADD_asimdsame_only, &ExecSame<Op3::kRhadd, true>);
  t.Set(Op::SHSUB_asimdsame_only, &ExecSame<Op3::kHsub, false>);
  t.Set(Op::UHSUB_asimdsame_only, &ExecSame<Op3::kHsub, true>);
  t.Set(Op::SQADD_asimdsame_only, &ExecSame<Op3::kQadd, false>);
  t.Set(Op::UQADD_asimdsame_only, &ExecSame<Op3::kQadd, true>);
  t.Set(Op::SQSUB_asimdsame_only, &ExecSame<Op3::kQsub, false>);
  t.Set(Op::UQSUB_asimdsame_only, &ExecSame<Op3::kQsub, true>);
  t.Set(Op::SABD_asimdsame_only, &ExecSame<Op3::kAbd, false>);
  t.Set(Op::UABD_asimdsame_only, &ExecSame<Op3::kAbd, true>);
  t.Set(Op::SABA_asimdsame_only, &ExecSame<Op3::kAba, false>);
  t.Set(Op::UABA_asimdsame_only, &ExecSame<Op3::kAba, true>);
  t.Set(Op::MUL_asimdsame_only, &ExecSame<Op3::kMul, true>);
  t.Set(Op::MLA_asimdsame_only, &ExecSame<Op3::kMla, true>);
  t.Set(Op::MLS_asimdsame_only, &ExecSame<Op3::kMls, true>);
  t.Set(Op::PMUL_asimdsame_only, &ExecSame<Op3::kPmul, true>);
  t.Set(Op::SQDMULH_asimdsame_only, &ExecSame<Op3::kQdmulh, false>);
  t.Set(Op::SQRDMULH_asimdsame_only, &ExecSame<Op3::kQrdmulh, false>);
  t.Set(Op::SQRDMLAH_asimdsame2_only, &ExecSame<Op3::kQrdmlah, false>);
  t.Set(Op::SQRDMLSH_asimdsame2_only, &ExecSame<Op3::kQrdmlsh, false>);
  t.Set(Op::SSHL_asimdsame_only, &ExecSame<Op3::kShl, false>);
  t.Set(Op::USHL_asimdsame_only, &ExecSame<Op3::kShl, true>);
  t.Set(Op::SRSHL_asimdsame_only, &ExecSame<Op3::kRshl, false>);
  t.Set(Op::URSHL_asimdsame_only, &ExecSame<Op3::kRshl, true>);
  t.Set(Op::SQSHL_asimdsame_only, &ExecSame<Op3::kQshl, false>);
  t.Set(Op::UQSHL_asimdsame_only, &ExecSame<Op3::kQshl, true>);
  t.Set(Op::SQRSHL_asimdsame_only, &ExecSame<Op3::kQrshl, false>);
  t.Set(Op::UQRSHL_asimdsame_only, &ExecSame<Op3::kQrshl, true>);
}

}  // namespace a64

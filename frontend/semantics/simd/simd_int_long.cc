// Advanced SIMD three different (ARM ARM C4.1.99) and the long forms of the
// vector x indexed element class (C4.1.102), C7.2 pseudocode:
//   long:   SADDL/UADDL/SSUBL/USUBL, SABAL/UABAL, SABDL/UABDL, SMLAL/UMLAL,
//           SMLSL/UMLSL, SMULL/UMULL, SQDMLAL/SQDMLSL/SQDMULL, PMULL (8-bit);
//   wide:   SADDW/UADDW/SSUBW/USUBW;
//   narrow: ADDHN/RADDHN/SUBHN/RSUBHN;
// each with its "2" (upper half, Q == 1) form. The 64-bit PMULL (.1q) is part
// of the cryptographic extension and is not handled here.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_int_common.h"
#include "frontend/semantics/crypto/crypto_pmull.h"
#include "frontend/semantics/simd/simd_int_pmull.h"

namespace a64 {
namespace {

using namespace simd;

enum class Long { kAdd, kSub, kAbd, kAba, kMul, kMla, kMls, kQdmull, kQdmlal, kQdmlsl };

// One 2*esize result lane from esize lanes a, b and the 2*esize lane acc of V[d].
template <Long K>
uint64_t LongLane(Cpu& c, Int128 a, Int128 b, Int128 acc, unsigned esize) {
  const Int128 abd = a > b ? a - b : b - a;
  switch (K) {
    case Long::kAdd: return static_cast<uint64_t>(a + b);
    case Long::kSub: return static_cast<uint64_t>(a - b);
    case Long::kAbd: return static_cast<uint64_t>(abd);
    case Long::kAba: return static_cast<uint64_t>(acc + abd);
    case Long::kMul: return static_cast<uint64_t>(a * b);
    case Long::kMla: return static_cast<uint64_t>(acc + a * b);
    case Long::kMls: return static_cast<uint64_t>(acc - a * b);
    // SQDMULL: SignedSatQ(2 * a * b, 2*esize); SQDMLAL/SQDMLSL then
    // SignedSatQ(acc +/- product, 2*esize); QC is set if either saturates.
    case Long::kQdmull: case Long::kQdmlal: case Long::kQdmlsl: {
      const uint64_t p = SatQ(c, 2 * a * b, 2 * esize, false);
      if (K == Long::kQdmull) return p;
      const Int128 product = SignExtend(p, 2 * esize);
      return SatQ(c, K == Long::kQdmlal ? acc + product : acc - product, 2 * esize, false);
    }
  }
  return 0;
}

// operand1 = Vpart[n, Q] (esize lanes); operand2 = Vpart[m, Q] lanes, or one
// indexed element for the by-element forms; V[d] has 2*esize lanes.
template <Long K, bool kUnsigned, bool kByElement>
ExecStatus ExecLong(Cpu& c, uint32_t w) {
  const unsigned size = Size(w), esize = 8u << size;
  const VReg n = simd::ReadPart(c, Rn(w), Q(w)), d = c.st.v[Rd(w)];
  VReg m{};
  Int128 element = 0;
  if (kByElement) {
    const simd::ElemOperand e = simd::IndexedElement(w);
    element = LaneInt(c.st.v[e.m], size, e.index, kUnsigned);
  } else {
    m = simd::ReadPart(c, Rm(w), Q(w));
  }
  const bool acc_unsigned = kUnsigned && K != Long::kQdmlal && K != Long::kQdmlsl;
  VReg r{};
  for (unsigned i = 0; i < Lanes(false, size); ++i) {
    const Int128 a = LaneInt(n, size, i, kUnsigned);
    const Int128 b = kByElement ? element : LaneInt(m, size, i, kUnsigned);
    const Int128 acc = LaneInt(d, size + 1, i, acc_unsigned);
    SetLane(r, size + 1, i, LongLane<K>(c, a, b, acc, esize));
  }
  WriteVec(c, Rd(w), r, true);
  return ExecStatus::kNext;
}

// SADDW/UADDW/SSUBW/USUBW: operand1 = V[n] (2*esize lanes), operand2 =
// Vpart[m, Q] extended.
template <bool kUnsigned, bool kSub>
ExecStatus ExecWide(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const VReg n = c.st.v[Rn(w)], m = simd::ReadPart(c, Rm(w), Q(w));
  VReg r{};
  for (unsigned i = 0; i < Lanes(false, size); ++i) {
    const Int128 a = LaneInt(n, size + 1, i, kUnsigned), b = LaneInt(m, size, i, kUnsigned);
    SetLane(r, size + 1, i, static_cast<uint64_t>(kSub ? a - b : a + b));
  }
  WriteVec(c, Rd(w), r, true);
  return ExecStatus::kNext;
}

// ADDHN/RADDHN/SUBHN/RSUBHN: Vpart[d, Q] lanes = the high esize bits of
// (V[n] +/- V[m] + round_const) on 2*esize lanes, round_const = 1 << (esize-1).
template <bool kSub, bool kRound>
ExecStatus ExecHighNarrow(Cpu& c, uint32_t w) {
  const unsigned size = Size(w), esize = 8u << size;
  const VReg n = c.st.v[Rn(w)], m = c.st.v[Rm(w)];
  VReg part{};
  for (unsigned i = 0; i < Lanes(false, size); ++i) {
    const Int128 a = LaneInt(n, size + 1, i, true), b = LaneInt(m, size + 1, i, true);
    Int128 x = kSub ? a - b : a + b;
    if (kRound) x += static_cast<Int128>(1) << (esize - 1);
    SetLane(part, size, i, static_cast<uint64_t>(x >> esize));
  }
  simd::WritePart(c, Rd(w), Q(w), part.d[0]);
  return ExecStatus::kNext;
}

}  // namespace

// PMULL{2} with 8-bit lanes: 16-bit PolynomialMult of Vpart[n, Q] and
// Vpart[m, Q]. Size 11 (the .1q form) is left to the cryptographic extension.
ExecStatus ExecPmull8(Cpu& c, uint32_t w) {
  if (Size(w) == 3) return ExecPmull64(c, w);  // .1q: the crypto extension's form
  if (Size(w) != 0) return Undefined(c);
  const VReg n = simd::ReadPart(c, Rn(w), Q(w)), m = simd::ReadPart(c, Rm(w), Q(w));
  VReg r{};
  for (unsigned i = 0; i < 8; ++i) {
    uint64_t p = 0;
    for (unsigned j = 0; j < 8; ++j)
      if (m.b[i] >> j & 1) p ^= static_cast<uint64_t>(n.b[i]) << j;
    r.h[i] = static_cast<uint16_t>(p);
  }
  WriteVec(c, Rd(w), r, true);
  return ExecStatus::kNext;
}

void RegisterSimdIntLong(ExecTable& t) {
  t.Set(Op::SADDL_asimddiff_L, &ExecLong<Long::kAdd, false, false>);
  t.Set(Op::UADDL_asimddiff_L, &ExecLong<Long::kAdd, true, false>);
  t.Set(Op::SSUBL_asimddiff_L, &ExecLong<Long::kSub, false, false>);
  t.Set(Op::USUBL_asimddiff_L, &ExecLong<Long::kSub, true, false>);
  t.Set(Op::SABDL_asimddiff_L, &ExecLong<Long::kAbd, false, false>);
  t.Set(Op::UABDL_asimddiff_L, &ExecLong<Long::kAbd, true, false>);
  t.Set(Op::SABAL_asimddiff_L, &ExecLong<Long::kAba, false, false>);
  t.Set(Op::UABAL_asimddiff_L, &ExecLong<Long::kAba, true, false>);
  t.Set(Op::SMULL_asimddiff_L, &ExecLong<Long::kMul, false, false>);
  t.Set(Op::UMULL_asimddiff_L, &ExecLong<Long::kMul, true, false>);
  t.Set(Op::SMLAL_asimddiff_L, &ExecLong<Long::kMla, false, false>);
  t.Set(Op::UMLAL_asimddiff_L, &ExecLong<Long::kMla, true, false>);
  t.Set(Op::SMLSL_asimddiff_L, &ExecLong<Long::kMls, false, false>);
  t.Set(Op::UMLSL_asimddiff_L, &ExecLong<Long::kMls, true, false>);
  t.Set(Op::SQDMULL_asimddiff_L, &ExecLong<Long::kQdmull, false, false>);
  t.Set(Op::SQDMLAL_asimddiff_L, &ExecLong<Long::kQdmlal, false, false>);
  t.Set(Op::SQDMLSL_asimddiff_L, &ExecLong<Long::kQdmlsl, false, false>);
  t.Set(Op::SMULL_asimdelem_L, &ExecLong<Long::kMul, false, true>);
  t.Set(Op::UMULL_asimdelem_L, &ExecLong<Long::kMul, true, true>);
  t.Set(Op::SMLAL_asimdelem_L, &ExecLong<Long::kMla, false, true>);
  t.Set(Op::UMLAL_asimdelem_L, &ExecLong<Long::kMla, true, true>);
  t.Set(Op::SMLSL_asimdelem_L, &ExecLong<Long::kMls, false, true>);
  t.Set(Op::UMLSL_asimdelem_L, &ExecLong<Long::kMls, true, true>);
  t.Set(Op::SQDMULL_asimdelem_L, &ExecLong<Long::kQdmull, false, true>);
  t.Set(Op::SQDMLAL_asimdelem_L, &ExecLong<Long::kQdmlal, false, true>);
  t.Set(Op::SQDMLSL_asimdelem_L, &ExecLong<Long::kQdmlsl, false, true>);
  t.Set(Op::SADDW_asimddiff_W, &ExecWide<false, false>);
  t.Set(Op::UADDW_asimddiff_W, &ExecWide<true, false>);
  t.Set(Op::SSUBW_asimddiff_W, &ExecWide<false, true>);
  t.Set(Op::USUBW_asimddiff_W, &ExecWide<true, true>);
  t.Set(Op::ADDHN_asimddiff_N, &ExecHighNarrow<false, false>);
  t.Set(Op::RADDHN_asimddiff_N, &ExecHighNarrow<false, true>);
  t.Set(Op::SUBHN_asimddiff_N, &ExecHighNarrow<true, false>);
  t.Set(Op::RSUBHN_asimddiff_N, &ExecHighNarrow<true, true>);
  t.Set(Op::PMULL_asimddiff_L, &ExecPmull8);
}

}  // namespace a64

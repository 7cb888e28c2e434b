// Advanced SIMD two-register miscellaneous, integer forms not in
// simd_misc.cc (ARM ARM C4.1.97, C7.2): SQABS, SQNEG, SUQADD, USQADD,
// SQXTN{2}, UQXTN{2}, SQXTUN{2}, SHLL{2}, URECPE and URSQRTE.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_int_common.h"

namespace a64 {
namespace {

using namespace simd;

enum class Sat { kAbs, kNeg, kSuqadd, kUsqadd };

// SQABS/SQNEG: SignedSatQ(Abs/Neg(SInt(element)), esize).
// SUQADD: SignedSatQ(SInt(V[d]) + UInt(V[n])); USQADD: UnsignedSatQ(UInt(V[d])
// + SInt(V[n])).
template <Sat K>
ExecStatus ExecSatUnary(Cpu& c, uint32_t w) {
  const unsigned size = Size(w), esize = 8u << size;
  const VReg n = c.st.v[Rn(w)], d = c.st.v[Rd(w)];
  ForEachLane(c, w, size, [&](unsigned i) {
    uint64_t x = 0;
    switch (K) {
      case Sat::kAbs: {
        const Int128 a = LaneInt(n, size, i, false);
        x = SatQ(c, a < 0 ? -a : a, esize, false);
        break;
      }
      case Sat::kNeg: x = SatQ(c, -LaneInt(n, size, i, false), esize, false); break;
      case Sat::kSuqadd: x = SatQ(c, LaneInt(d, size, i, false) + LaneInt(n, size, i, true), esize, false); break;
      case Sat::kUsqadd: x = SatQ(c, LaneInt(d, size, i, true) + LaneInt(n, size, i, false), esize, true); break;
    }
    return x;
  });
  return ExecStatus::kNext;
}

// SQXTN/UQXTN/SQXTUN{2}: Vpart[d, Q] = SatQ(Int(2*esize lane of V[n],
// src_unsigned), esize, dst_unsigned).
template <bool kSrcUnsigned, bool kDstUnsigned>
ExecStatus ExecSatNarrow(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const VReg n = c.st.v[Rn(w)];
  VReg part{};
  for (unsigned i = 0; i < Lanes(false, size); ++i)
    SetLane(part, size, i, SatQ(c, LaneInt(n, size + 1, i, kSrcUnsigned), 8u << size, kDstUnsigned));
  simd::WritePart(c, Rd(w), Q(w), part.d[0]);
  return ExecStatus::kNext;
}

// SHLL{2}: 2*esize lanes = Vpart[n, Q] lanes << esize.
ExecStatus ExecShll(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const VReg n = simd::ReadPart(c, Rn(w), Q(w));
  VReg r{};
  for (unsigned i = 0; i < Lanes(false, size); ++i)
    SetLane(r, size + 1, i, simd::GetLane(n, size, i) << (8u << size));
  WriteVec(c, Rd(w), r, true);
  return ExecStatus::kNext;
}

// RecipEstimate (ARM ARM shared/functions/float): a in 256..511 is a
// fixed-point value in [0.5, 1.0); the result in 256..511 is in [1.0, 2.0).
unsigned RecipEstimate(unsigned a) {
  a = a * 2 + 1;                          // round to nearest
  const unsigned b = (1u << 19) / a;
  return (b + 1) / 2;                     // round to nearest
}

// RecipSqrtEstimate: a in 128..511 represents [0.25, 1.0); the result b is
// the largest with b < 2^14 / sqrt(a), rounded to 256..511.
unsigned RecipSqrtEstimate(unsigned a) {
  if (a < 256) {
    a = a * 2 + 1;
  } else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  uint64_t b = 512;
  while (uint64_t{a} * (b + 1) * (b + 1) < (1ull << 28)) ++b;
  return static_cast<unsigned>((b + 1) / 2);
}

// UnsignedRecipEstimate: operands below 0x80000000 give 0xFFFFFFFF, others
// RecipEstimate(operand<31:23>)<8:0> : Zeros(23).
uint32_t UnsignedRecipEstimate(uint32_t x) {
  if (!(x >> 31)) return 0xffffffffu;
  return RecipEstimate(x >> 23) << 23;
}

// UnsignedRSqrtEstimate: operands below 0x40000000 give 0xFFFFFFFF, others
// RecipSqrtEstimate(operand<31:23>)<8:0> : Zeros(23).
uint32_t UnsignedRSqrtEstimate(uint32_t x) {
  if (!(x >> 30)) return 0xffffffffu;
  return RecipSqrtEstimate(x >> 23) << 23;
}

// URECPE/URSQRTE: 32-bit lanes only (sz == 1 is reserved by the table).
template <bool kSqrt>
ExecStatus ExecUnsignedEstimate(Cpu& c, uint32_t w) {
  const VReg n = c.st.v[Rn(w)];
  VReg r{};
  for (unsigned i = 0; i < (Q(w) ? 4u : 2u); ++i)
    r.s[i] = kSqrt ? UnsignedRSqrtEstimate(n.s[i]) : UnsignedRecipEstimate(n.s[i]);
  WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdIntMisc(ExecTable& t) {
  t.Set(Op::SQABS_asimdmisc_R, &ExecSatUnary<Sat::kAbs>);
  t.Set(Op::SQNEG_asimdmisc_R, &ExecSatUnary<Sat::kNeg>);
  t.Set(Op::SUQADD_asimdmisc_R, &ExecSatUnary<Sat::kSuqadd>);
  t.Set(Op::USQADD_asimdmisc_R, &ExecSatUnary<Sat::kUsqadd>);
  t.Set(Op::SQXTN_asimdmisc_N, &ExecSatNarrow<false, false>);
  t.Set(Op::UQXTN_asimdmisc_N, &ExecSatNarrow<true, true>);
  t.Set(Op::SQXTUN_asimdmisc_N, &ExecSatNarrow<false, true>);
  t.Set(Op::SHLL_asimdmisc_S, &ExecShll);
  t.Set(Op::URECPE_asimdmisc_R, &ExecUnsignedEstimate<false>);
  t.Set(Op::URSQRTE_asimdmisc_R, &ExecUnsignedEstimate<true>);
}

}  // namespace a64

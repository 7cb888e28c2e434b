// Advanced SIMD shift by immediate (integer subset): SSHR/USHR, SRSHR/URSHR,
// SSRA/USRA, SRSRA/URSRA, SHL, SLI, SRI, SHRN{2}/RSHRN{2}, SSHLL{2}/USHLL{2}
// (ARM ARM C4.1.101, C7.2). The saturating forms are in simd_int_shift_sat.cc.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_lanes.h"

namespace a64 {
namespace {

using namespace simd;

// shift = (2 * esize) - UInt(immh:immb) for right shifts (1..esize),
// UInt(immh:immb) - esize for left shifts (0..esize-1).
unsigned RightShift(uint32_t w) { return (16u << ImmhSize(w)) - Bits(w, 22, 16); }
unsigned LeftShift(uint32_t w) { return Bits(w, 22, 16) - (8u << ImmhSize(w)); }

// (Int(element, unsigned) + round_const) >> shift, computed in 128 bits so that
// shift == 64 and the rounding carry are exact.
uint64_t ShiftRightLane(uint64_t lane, unsigned esize, unsigned shift, bool is_signed, bool round) {
  __int128 x = is_signed ? static_cast<__int128>(SignExtend(lane, esize)) : static_cast<__int128>(lane);
  if (round) x += static_cast<__int128>(1) << (shift - 1);
  return static_cast<uint64_t>(x >> shift) & Ones(esize);
}

// SSHR, USHR, SRSHR, URSHR and the accumulating SSRA, USRA, SRSRA, URSRA.
template <bool kSigned, bool kRound, bool kAccumulate>
ExecStatus ExecShiftRight(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), esize = 8u << size, shift = RightShift(w);
  const VReg n = c.st.v[Rn(w)], d = c.st.v[Rd(w)];
  ForEachLane(c, w, size, [&](unsigned i) {
    uint64_t x = ShiftRightLane(GetLane(n, size, i), esize, shift, kSigned, kRound);
    if (kAccumulate) x += GetLane(d, size, i);
    return x;
  });
  return ExecStatus::kNext;
}

ExecStatus ExecShl(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), shift = LeftShift(w);
  const VReg n = c.st.v[Rn(w)];
  ForEachLane(c, w, size, [&](unsigned i) { return GetLane(n, size, i) << shift; });
  return ExecStatus::kNext;
}

// SLI: mask = LSL(Ones(esize), shift); SRI: mask = LSR(Ones(esize), shift);
// result = (Vd AND NOT(mask)) OR shifted Vn.
template <bool kLeft>
ExecStatus ExecShiftInsert(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), esize = 8u << size;
  const unsigned shift = kLeft ? LeftShift(w) : RightShift(w);
  const uint64_t ones = Ones(esize);
  const uint64_t mask = kLeft ? (ones << shift) & ones : (shift >= 64 ? 0 : ones >> shift);
  const VReg n = c.st.v[Rn(w)], d = c.st.v[Rd(w)];
  ForEachLane(c, w, size, [&](unsigned i) {
    const uint64_t x = GetLane(n, size, i);
    const uint64_t ins = kLeft ? (x << shift) & ones : (shift >= 64 ? 0 : x >> shift);
    return (GetLane(d, size, i) & ~mask) | ins;
  });
  return ExecStatus::kNext;
}

// SHRN{2}/RSHRN{2}: Vpart[d, Q] = narrowed (Vn lanes of 2*esize) >> shift.
template <bool kRound>
ExecStatus ExecShiftRightNarrow(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), esize = 8u << size, shift = RightShift(w);
  const VReg n = c.st.v[Rn(w)];
  VReg part{};
  for (unsigned i = 0; i < Lanes(false, size); ++i)
    SetLane(part, size, i, ShiftRightLane(GetLane(n, size + 1, i), 2 * esize, shift, false, kRound));
  if (Q(w)) WriteV128(c, Rd(w), c.st.v[Rd(w)].d[0], part.d[0]);
  else WriteVLow64(c, Rd(w), part.d[0]);
  return ExecStatus::kNext;
}

// SSHLL{2}/USHLL{2}: lanes of Vpart[n, Q] extended to 2*esize, shifted left.
template <bool kSigned>
ExecStatus ExecShiftLeftLong(Cpu& c, uint32_t w) {
  const unsigned size = ImmhSize(w), esize = 8u << size, shift = LeftShift(w);
  VReg src{};
  src.d[0] = c.st.v[Rn(w)].d[Q(w) ? 1 : 0];
  VReg r{};
  for (unsigned i = 0; i < Lanes(false, size); ++i) {
    const uint64_t x = kSigned ? static_cast<uint64_t>(SignExtend(GetLane(src, size, i), esize))
                               : GetLane(src, size, i);
    SetLane(r, size + 1, i, x << shift);
  }
  WriteVec(c, Rd(w), r, true);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdShift(ExecTable& t) {
  t.Set(Op::SSHR_asimdshf_R, &ExecShiftRight<true, false, false>);
  t.Set(Op::USHR_asimdshf_R, &ExecShiftRight<false, false, false>);
  t.Set(Op::SRSHR_asimdshf_R, &ExecShiftRight<true, true, false>);
  t.Set(Op::URSHR_asimdshf_R, &ExecShiftRight<false, true, false>);
  t.Set(Op::SSRA_asimdshf_R, &ExecShiftRight<true, false, true>);
  t.Set(Op::USRA_asimdshf_R, &ExecShiftRight<false, false, true>);
  t.Set(Op::SRSRA_asimdshf_R, &ExecShiftRight<true, true, true>);
  t.Set(Op::URSRA_asimdshf_R, &ExecShiftRight<false, true, true>);
  t.Set(Op::SHL_asimdshf_R, &ExecShl);
  t.Set(Op::SLI_asimdshf_R, &ExecShiftInsert<true>);
  t.Set(Op::SRI_asimdshf_R, &ExecShiftInsert<false>);
  t.Set(Op::SHRN_asimdshf_N, &ExecShiftRightNarrow<false>);
  t.Set(Op::RSHRN_asimdshf_N, &ExecShiftRightNarrow<true>);
  t.Set(Op::SSHLL_asimdshf_L, &ExecShiftLeftLong<true>);
  t.Set(Op::USHLL_asimdshf_L, &ExecShiftLeftLong<false>);
}

}  // namespace a64

// Advanced SIMD copy: DUP (element, general), INS (element, general), UMOV,
// SMOV (ARM ARM C4.1.92 and the instructions' pseudocode in C7.2).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_lanes.h"

namespace a64 {
namespace {

using namespace simd;

// size = LowestSetBit(imm5); index = imm5<4:size+1>. The allocation
// predicates have already rejected imm5 == x0000.
struct CopyLane {
  unsigned size;
  unsigned index;
};
CopyLane Decode(uint32_t w) {
  const unsigned imm5 = Bits(w, 20, 16);
  const unsigned size = (imm5 & 1) ? 0 : (imm5 & 2) ? 1 : (imm5 & 4) ? 2 : 3;
  return {size, imm5 >> (size + 1)};
}

ExecStatus Replicate(Cpu& c, uint32_t w, unsigned size, uint64_t element) {
  VReg r{};
  for (unsigned i = 0; i < Lanes(true, size); ++i) SetLane(r, size, i, element);
  WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

ExecStatus ExecDupElement(Cpu& c, uint32_t w) {
  const CopyLane l = Decode(w);
  return Replicate(c, w, l.size, GetLane(c.st.v[Rn(w)], l.size, l.index));
}

ExecStatus ExecDupGeneral(Cpu& c, uint32_t w) {
  const CopyLane l = Decode(w);
  return Replicate(c, w, l.size, ReadX(c, Rn(w)));
}

// INS (element): Vd.Ts[imm5 index] = Vn.Ts[imm4 >> size]; other lanes kept.
ExecStatus ExecInsElement(Cpu& c, uint32_t w) {
  const CopyLane l = Decode(w);
  const uint64_t element = GetLane(c.st.v[Rn(w)], l.size, Bits(w, 14, 11) >> l.size);
  VReg r = c.st.v[Rd(w)];
  SetLane(r, l.size, l.index, element);
  WriteVec(c, Rd(w), r, true);
  return ExecStatus::kNext;
}

ExecStatus ExecInsGeneral(Cpu& c, uint32_t w) {
  const CopyLane l = Decode(w);
  VReg r = c.st.v[Rd(w)];
  SetLane(r, l.size, l.index, ReadX(c, Rn(w)));
  WriteVec(c, Rd(w), r, true);
  return ExecStatus::kNext;
}

// UMOV: zero-extended lane to Wd (Q == 0) or Xd (Q == 1).
ExecStatus ExecUmov(Cpu& c, uint32_t w) {
  const CopyLane l = Decode(w);
  WriteX(c, Rd(w), GetLane(c.st.v[Rn(w)], l.size, l.index));
  return ExecStatus::kNext;
}

// SMOV: sign-extended lane to 32 bits (Wd, then zero-extended) or 64 bits.
ExecStatus ExecSmov(Cpu& c, uint32_t w) {
  const CopyLane l = Decode(w);
  const uint64_t v = static_cast<uint64_t>(simd::GetLaneS(c.st.v[Rn(w)], l.size, l.index));
  WriteX(c, Rd(w), Q(w) ? v : (v & 0xffffffffu));
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdCopy(ExecTable& t) {
  t.Set(Op::DUP_asimdins_DV_v, &ExecDupElement);
  t.Set(Op::DUP_asimdins_DR_r, &ExecDupGeneral);
  t.Set(Op::INS_asimdins_IV_v, &ExecInsElement);
  t.Set(Op::INS_asimdins_IR_r, &ExecInsGeneral);
  t.Set(Op::UMOV_asimdins_W_w, &ExecUmov);
  t.Set(Op::UMOV_asimdins_X_x, &ExecUmov);
  t.Set(Op::SMOV_asimdins_W_w, &ExecSmov);
  t.Set(Op::SMOV_asimdins_X_x, &ExecSmov);
}

}  // namespace a64

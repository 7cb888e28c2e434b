// Advanced SIMD modified immediate: MOVI, MVNI, ORR, BIC (vector, immediate)
// and FMOV (vector, immediate) (ARM ARM C4.1.100, C7.2 MOVI/MVNI/ORR/BIC).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_lanes.h"

namespace a64 {
namespace {

using simd::Q;
using simd::Rd;

uint64_t Rep32(uint64_t x) { return x << 32 | (x & 0xffffffffu); }
uint64_t Rep16(uint64_t x) { x &= 0xffff; return x << 48 | x << 32 | x << 16 | x; }

// AdvSIMDExpandImm(op, cmode, imm8) (ARM ARM shared pseudocode).
uint64_t AdvSIMDExpandImm(unsigned op, unsigned cmode, uint64_t imm8) {
  switch (cmode >> 1) {
    case 0: return Rep32(imm8);
    case 1: return Rep32(imm8 << 8);
    case 2: return Rep32(imm8 << 16);
    case 3: return Rep32(imm8 << 24);
    case 4: return Rep16(imm8);
    case 5: return Rep16(imm8 << 8);
    case 6: return (cmode & 1) ? Rep32(imm8 << 16 | 0xffff) : Rep32(imm8 << 8 | 0xff);
    default: break;
  }
  if (!(cmode & 1)) {
    if (op == 0) return imm8 * 0x0101010101010101ull;
    uint64_t v = 0;
    for (unsigned i = 0; i < 8; ++i)
      if (imm8 >> i & 1) v |= 0xffull << (8 * i);
    return v;
  }
  const uint64_t a = imm8 >> 7 & 1, b = imm8 >> 6 & 1, cdefgh = imm8 & 0x3f;
  if (op == 0) {  // a:NOT(b):Replicate(b,5):cdefgh:Zeros(19), twice
    return Rep32(a << 31 | (b ^ 1) << 30 | (b ? 0x1full : 0) << 25 | cdefgh << 19);
  }
  // a:NOT(b):Replicate(b,8):cdefgh:Zeros(48)
  return a << 63 | (b ^ 1) << 62 | (b ? 0xffull : 0) << 54 | cdefgh << 48;
}

uint64_t ImmOf(uint32_t w) {
  const uint64_t imm8 = Bits(w, 18, 16) << 5 | Bits(w, 9, 5);
  return AdvSIMDExpandImm(Bit(w, 29), Bits(w, 15, 12), imm8);
}

void Write(Cpu& c, uint32_t w, uint64_t lo, uint64_t hi) {
  if (Q(w)) WriteV128(c, Rd(w), lo, hi);
  else WriteVLow64(c, Rd(w), lo);
}

// MOVI and FMOV (vector, immediate): result = imm.
ExecStatus ExecMovi(Cpu& c, uint32_t w) {
  const uint64_t imm = ImmOf(w);
  Write(c, w, imm, imm);
  return ExecStatus::kNext;
}

ExecStatus ExecMvni(Cpu& c, uint32_t w) {
  const uint64_t imm = ~ImmOf(w);
  Write(c, w, imm, imm);
  return ExecStatus::kNext;
}

ExecStatus ExecOrrImm(Cpu& c, uint32_t w) {
  const uint64_t imm = ImmOf(w);
  const VReg& v = c.st.v[Rd(w)];
  Write(c, w, v.d[0] | imm, v.d[1] | imm);
  return ExecStatus::kNext;
}

ExecStatus ExecBicImm(Cpu& c, uint32_t w) {
  const uint64_t imm = ImmOf(w);
  const VReg& v = c.st.v[Rd(w)];
  Write(c, w, v.d[0] & ~imm, v.d[1] & ~imm);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdImmediate(ExecTable& t) {
  t.Set(Op::MOVI_asimdimm_N_b, &ExecMovi);
  t.Set(Op::MOVI_asimdimm_L_hl, &ExecMovi);
  t.Set(Op::MOVI_asimdimm_L_sl, &ExecMovi);
  t.Set(Op::MOVI_asimdimm_M_sm, &ExecMovi);
  t.Set(Op::MOVI_asimdimm_D_ds, &ExecMovi);
  t.Set(Op::MOVI_asimdimm_D2_d, &ExecMovi);
  t.Set(Op::FMOV_asimdimm_S_s, &ExecMovi);
  t.Set(Op::FMOV_asimdimm_D2_d, &ExecMovi);
  t.Set(Op::MVNI_asimdimm_L_hl, &ExecMvni);
  t.Set(Op::MVNI_asimdimm_L_sl, &ExecMvni);
  t.Set(Op::MVNI_asimdimm_M_sm, &ExecMvni);
  t.Set(Op::ORR_asimdimm_L_hl, &ExecOrrImm);
  t.Set(Op::ORR_asimdimm_L_sl, &ExecOrrImm);
  t.Set(Op::BIC_asimdimm_L_hl, &ExecBicImm);
  t.Set(Op::BIC_asimdimm_L_sl, &ExecBicImm);
}

}  // namespace a64

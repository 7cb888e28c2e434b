// PMULL/PMULL2 with 64-bit source elements (FEAT_PMULL, size == 11: Vd.1Q,
// Vn.1D/2D, Vm.1D/2D). The encoding is the same Op as the 8-bit polynomial
// multiply (PMULL_asimddiff_L), whose handler is in the AdvSIMD vector
// semantics: that handler calls ExecPmull64 when size == 11.
#pragma once

#include <cstdint>

#include "frontend/bits.h"
#include "frontend/semantics/cpu.h"

namespace a64 {

struct Poly128 {
  uint64_t lo, hi;
};

// PolynomialMult(op1, op2) for 64-bit operands: the 128-bit carry-less
// product, result = EOR over i with op1<i> == 1 of LSL(ZeroExtend(op2), i).
inline Poly128 PolynomialMult64(uint64_t op1, uint64_t op2) {
  Poly128 r{0, 0};
  for (unsigned i = 0; i < 64; ++i) {
    if ((op1 >> i) & 1) {
      r.lo ^= op2 << i;
      if (i != 0) r.hi ^= op2 >> (64 - i);
    }
  }
  return r;
}

// PMULL{2} <Vd>.1Q, <Vn>.<1D|2D>, <Vm>.<1D|2D>: part = Q selects the lower or
// upper doubleword of each source (Vpart[n, part]); V[d] = the 128-bit product.
inline ExecStatus ExecPmull64(Cpu& cpu, uint32_t insn) {
  const unsigned part = Bit(insn, 30);
  const Poly128 p = PolynomialMult64(cpu.st.v[Bits(insn, 9, 5)].d[part],
                                     cpu.st.v[Bits(insn, 20, 16)].d[part]);
  WriteV128(cpu, Bits(insn, 4, 0), p.lo, p.hi);
  return ExecStatus::kNext;
}

}  // namespace a64

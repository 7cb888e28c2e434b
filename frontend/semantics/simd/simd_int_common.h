// Shared pieces of the Advanced SIMD vector integer semantics
// (simd_int_*.cc): Int() of a lane as an unbounded integer, the Vpart[] reads
// and writes of the long / wide / narrow forms, and the indexed-element operand
// of the vector x indexed element class. Saturation (SatQ with FPSR.QC) is
// the scalar helper of simd_scalar_common.h.
#pragma once

#include <cstdint>

#include "frontend/bits.h"
#include "frontend/semantics/cpu.h"
#include "frontend/semantics/simd/simd_lanes.h"
#include "frontend/semantics/simd_scalar/simd_scalar_common.h"

namespace a64::simd {

using Int128 = __int128;
using sisd::SatQ;

// Int(Elem[v, i, 8 << size], is_unsigned).
inline Int128 LaneInt(const VReg& v, unsigned size, unsigned i, bool is_unsigned) {
  return is_unsigned ? static_cast<Int128>(GetLane(v, size, i)) : static_cast<Int128>(GetLaneS(v, size, i));
}

// Vpart[n, part] with part = Q: the low (Q == 0) or high (Q == 1) 64 bits of
// V[n], returned in the low half of a VReg (the "2" forms read the upper half).
inline VReg ReadPart(const Cpu& c, unsigned n, bool upper) {
  VReg r{};
  r.d[0] = c.st.v[n].d[upper ? 1 : 0];
  return r;
}

// Vpart[d, part] = 64-bit result: part 0 writes the low half and clears bits
// 127:64; part 1 (the "2" forms) writes the high half and keeps the low half.
inline void WritePart(Cpu& c, unsigned d, bool upper, uint64_t x) {
  if (upper) WriteV128(c, d, c.st.v[d].d[0], x);
  else WriteVLow64(c, d, x);
}

// The second operand of the vector x indexed element integer forms
// (C4.1.102): size 01 uses Rm<3:0> (V0-V15) and index H:L:M; size 10 uses
// M:Rm<3:0> and index H:L.
struct ElemOperand {
  unsigned m;
  unsigned index;
};
inline ElemOperand IndexedElement(uint32_t w) {
  const unsigned hl = Bit(w, 11) << 1 | Bit(w, 21);
  if (Size(w) == 1) return {Bits(w, 19, 16), hl << 1 | Bit(w, 20)};
  return {Bits(w, 20, 16), hl};
}

}  // namespace a64::simd

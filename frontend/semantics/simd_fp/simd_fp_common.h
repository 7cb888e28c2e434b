// Shared pieces of the Advanced SIMD vector floating-point semantics
// (simd_fp_*.cc): the element format selected by sz, FPNeg/FPAbs, and the
// element-wise loop writing V[d] (a 64-bit result clears bits 127:64).
#pragma once

#include <cstdint>

#include "frontend/bits.h"
#include "frontend/semantics/cpu.h"
#include "frontend/semantics/fp/fp_arith.h"
#include "frontend/semantics/simd/simd_lanes.h"

namespace a64::vfp {

using simd::GetLane;
using simd::Lanes;
using simd::Q;
using simd::Rd;
using simd::Rm;
using simd::Rn;
using simd::SetLane;

// sz (bit 22): 0 single (Elem size index 2), 1 double (3).
inline unsigned SzSize(uint32_t w) { return Bit(w, 22) ? 3 : 2; }
inline FpFormat FmtOfSize(unsigned size) {
  return size == 3 ? kFpDouble : size == 2 ? kFpSingle : kFpHalf;
}

// FPNeg / FPAbs (FPCR.AH == 0): sign bit only, NaNs included.
inline uint64_t FpNeg(uint64_t x, FpFormat f) { return x ^ (1ull << (f.n - 1)); }
inline uint64_t FpAbs(uint64_t x, FpFormat f) { return x & ~(1ull << (f.n - 1)); }

// for e = 0 to elements-1: Elem[result, e, esize] = fn(e); V[d] = result.
// Every operand is read (by fn) before V[d] is written.
template <typename Fn>
void ForEachLane(Cpu& c, uint32_t w, unsigned size, Fn fn) {
  VReg r{};
  const unsigned lanes = Lanes(Q(w), size);
  for (unsigned e = 0; e < lanes; ++e) SetLane(r, size, e, fn(e));
  simd::WriteVec(c, Rd(w), r, Q(w));
}

}  // namespace a64::vfp

// Shared pieces of the Advanced SIMD scalar semantics (simd_scalar_*.cc):
// operand access of element 0, the scalar result write, and the saturation
// functions of the ARM ARM (shared/functions/integer: SatQ, SignedSatQ,
// UnsignedSatQ) with FPSR.QC.
#pragma once

#include <cstdint>

#include "frontend/bits.h"
#include "frontend/semantics/cpu.h"
#include "frontend/semantics/simd/simd_lanes.h"

namespace a64::sisd {

using simd::ImmhSize;
using simd::Rd;
using simd::Rm;
using simd::Rn;
using simd::Size;

using Int128 = __int128;

// FPSR.QC, the cumulative saturation bit.
inline constexpr uint32_t kFpsrQC = 1u << 27;

// Elem[V[n], 0, esize] zero- or sign-extended (esize = 8 << size).
inline uint64_t ReadElem(const Cpu& c, unsigned n, unsigned size) {
  return simd::GetLane(c.st.v[n], size, 0);
}
inline int64_t ReadElemS(const Cpu& c, unsigned n, unsigned size) {
  return simd::GetLaneS(c.st.v[n], size, 0);
}
// Int(Elem[V[n], 0, esize], is_unsigned) as an unbounded integer.
inline Int128 ReadInt(const Cpu& c, unsigned n, unsigned size, bool is_unsigned) {
  return is_unsigned ? static_cast<Int128>(ReadElem(c, n, size))
                     : static_cast<Int128>(ReadElemS(c, n, size));
}

// V[d] = result for a scalar: the esize-bit result is zero-extended to the
// whole 128-bit register (ARM ARM V[] assignment with width < 128).
inline void WriteScalar(Cpu& c, unsigned d, unsigned size, uint64_t x) {
  WriteV128(c, d, x & Ones(8u << size), 0);
}

// SatQ(i, N, unsigned): the saturated N-bit result (N <= 64, returned
// zero-extended); sets FPSR.QC when saturation occurred.
inline uint64_t SatQ(Cpu& c, Int128 i, unsigned n, bool is_unsigned) {
  Int128 lo, hi;
  if (is_unsigned) {
    lo = 0;
    hi = (static_cast<Int128>(1) << n) - 1;
  } else {
    hi = (static_cast<Int128>(1) << (n - 1)) - 1;
    lo = -hi - 1;
  }
  if (i > hi) {
    i = hi;
    c.st.fpsr |= kFpsrQC;
  } else if (i < lo) {
    i = lo;
    c.st.fpsr |= kFpsrQC;
  }
  return static_cast<uint64_t>(i) & Ones(n);
}

// SQDMULH, SQRDMULH, SQRDMLAH, SQRDMLSH on one element (esize 16 or 32):
// SignedSatQ(((element3 << esize) +/- 2 * element1 * element2 + round_const)
// >> esize, esize), where `accumulate` is 0 (no element3), +1 or -1.
inline uint64_t SatDoublingMulHigh(Cpu& c, int64_t e1, int64_t e2, unsigned esize, bool round,
                                   int accumulate, int64_t e3) {
  Int128 x = 2 * static_cast<Int128>(e1) * e2;
  if (accumulate < 0) x = -x;
  if (accumulate != 0) x += static_cast<Int128>(e3) << esize;
  if (round) x += static_cast<Int128>(1) << (esize - 1);
  return SatQ(c, x >> esize, esize, false);
}

}  // namespace a64::sisd

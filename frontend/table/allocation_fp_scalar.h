// Allocation predicates of the scalar FP, Advanced SIMD scalar and crypto
// classes (fp_scalar.inc, simd_scalar.inc, crypto.inc): the reserved values of
// size/immh fields that the ARM ARM states in each encoding's decode.
#pragma once

#include <cstdint>

#include "frontend/bits.h"

namespace a64 {

// size (23:22) is 01 or 10: the H and S forms of the saturating doubling ops.
inline bool SisdSizeHS(uint32_t w) {
  const uint32_t size = Bits(w, 23, 22);
  return size == 1 || size == 2;
}

// size (23:22) != 11: the narrowing forms (SQXTN etc.) have no D destination.
inline bool SisdSizeNotD(uint32_t w) { return Bits(w, 23, 22) != 3; }

// DUP (element), scalar: imm5<3:0> == 0000 is reserved.
inline bool SisdDupAllocated(uint32_t w) { return Bits(w, 19, 16) != 0; }

// Scalar shift by immediate: immh == 0000 is unallocated.
inline bool SisdImmhNonZero(uint32_t w) { return Bits(w, 22, 19) != 0; }

// Scalar narrowing shifts: immh 0001/001x/01xx; 1xxx is reserved.
inline bool SisdImmhNarrow(uint32_t w) {
  const uint32_t immh = Bits(w, 22, 19);
  return immh != 0 && immh < 8;
}

// Scalar fixed-point conversions: immh 01xx (S) or 1xxx (D). 001x is the
// FEAT_FP16 form (not implemented), 0001 is reserved.
inline bool SisdImmhFcvt(uint32_t w) { return Bits(w, 22, 19) >= 4; }

// FP by element: sz == 1 (D) with L == 1 is reserved.
inline bool SisdElemFpAllocated(uint32_t w) { return !(Bit(w, 22) && Bit(w, 21)); }

}  // namespace a64

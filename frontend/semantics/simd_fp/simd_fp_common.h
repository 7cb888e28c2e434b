// Shared pieces of the Advanced SIMD vector floating-point semantics
// (simd_fp_*.cc): the element format selected by sz and the lane accessors
// and element-wise loop of simd_lanes.h. The element operations themselves
// (shared with the scalar forms) are in simd_fp_element_ops.h.
#pragma once

#include <cstdint>

#include "frontend/bits.h"
#include "frontend/semantics/cpu.h"
#include "frontend/semantics/fp/fp_arith.h"
#include "frontend/semantics/simd_fp/simd_fp_element_ops.h"
#include "frontend/semantics/simd/simd_lanes.h"

namespace a64::vfp {

using simd::ForEachLane;
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

}  // namespace a64::vfp

// Lane access for the Advanced SIMD semantics: Elem[] of the ARM ARM over a
// 128-bit VReg (lane 0 least significant, little-endian bytes).
#pragma once

#include <cstdint>
#include <cstring>

#include "frontend/bits.h"
#include "frontend/semantics/cpu.h"

namespace a64::simd {

// Elem[v, i, 8 << size], zero-extended.
inline uint64_t GetLane(const VReg& v, unsigned size, unsigned i) {
  switch (size) {
    case 0: return v.b[i];
    case 1: return v.h[i];
    case 2: return v.s[i];
    default: return v.d[i];
  }
}
// Elem[v, i, 8 << size], sign-extended.
inline int64_t GetLaneS(const VReg& v, unsigned size, unsigned i) {
  return SignExtend(GetLane(v, size, i), 8u << size);
}
inline void SetLane(VReg& v, unsigned size, unsigned i, uint64_t x) {
  switch (size) {
    case 0: v.b[i] = static_cast<uint8_t>(x); break;
    case 1: v.h[i] = static_cast<uint16_t>(x); break;
    case 2: v.s[i] = static_cast<uint32_t>(x); break;
    default: v.d[i] = x; break;
  }
}

// Common instruction fields.
inline unsigned Rd(uint32_t w) { return Bits(w, 4, 0); }
inline unsigned Rn(uint32_t w) { return Bits(w, 9, 5); }
inline unsigned Rm(uint32_t w) { return Bits(w, 20, 16); }
inline bool Q(uint32_t w) { return Bit(w, 30); }
inline unsigned Size(uint32_t w) { return Bits(w, 23, 22); }
// Number of lanes of 8 << size bits in a 64-bit (Q == 0) or 128-bit vector.
inline unsigned Lanes(bool q, unsigned size) { return (q ? 16u : 8u) >> size; }

// V[d] = result with datasize 64 or 128: a 64-bit write clears bits 127:64
// (ARM ARM V[] assignment).
inline void WriteVec(Cpu& c, unsigned d, const VReg& r, bool q) {
  if (q) WriteV128(c, d, r.d[0], r.d[1]);
  else WriteVLow64(c, d, r.d[0]);
}

}  // namespace a64::simd

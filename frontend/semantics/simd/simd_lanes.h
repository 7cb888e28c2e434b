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
// esize = 8 << HighestSetBit(immh) for the shift-by-immediate classes (immh
// is nonzero: the table's allocation predicates reject 0000); returns the
// size index (log2(esize / 8)).
inline unsigned ImmhSize(uint32_t w) {
  const unsigned immh = Bits(w, 22, 19);
  return immh >= 8 ? 3 : immh >= 4 ? 2 : immh >= 2 ? 1 : 0;
}

// V[d] = result with datasize 64 or 128: a 64-bit write clears bits 127:64
// (ARM ARM V[] assignment).
inline void WriteVec(Cpu& c, unsigned d, const VReg& r, bool q) {
  if (q) WriteV128(c, d, r.d[0], r.d[1]);
  else WriteVLow64(c, d, r.d[0]);
}

// for e = 0 to elements-1: Elem[result, e, esize] = fn(e); V[d] = result,
// with elements = datasize / esize, datasize = Q ? 128 : 64 and V[d] = Rd.
// Every operand is read (by fn) before V[d] is written.
template <typename Fn>
void ForEachLane(Cpu& c, uint32_t w, unsigned size, Fn fn) {
  VReg r{};
  const unsigned lanes = Lanes(Q(w), size);
  for (unsigned e = 0; e < lanes; ++e) SetLane(r, size, e, fn(e));
  WriteVec(c, Rd(w), r, Q(w));
}

}  // namespace a64::simd

// Allocation predicates of the data-processing classes (dp_immediate.inc,
// dp_register.inc), and DecodeBitMasks, which both the decoder (to reject
// reserved logical immediates) and the semantics use.
#pragma once

#include <cstdint>

#include "frontend/bits.h"

namespace a64 {

struct BitMasks {
  uint64_t wmask;
  uint64_t tmask;
};

// ARM ARM J1 aarch64/instrs/integer/bitmasks/DecodeBitMasks. Returns false where
// the pseudocode is UNDEFINED: no element size (len < 1), or, for a logical
// immediate, an all-ones element (imms == levels). `datasize` is 32 or 64.
constexpr bool DecodeBitMasks(unsigned imm_n, unsigned imms, unsigned immr, bool immediate,
                              unsigned datasize, BitMasks* out) {
  // len = HighestSetBit(immN:NOT(imms)), over 7 bits.
  const unsigned combined = (imm_n << 6) | (~imms & 0x3f);
  int len = -1;
  for (int i = 6; i >= 0; --i) {
    if ((combined >> i) & 1) {
      len = i;
      break;
    }
  }
  if (len < 1) return false;
  const unsigned esize = 1u << len;
  if (esize > datasize) return false;  // the pseudocode's assert M >= (1 << len)
  const unsigned levels = esize - 1;   // ZeroExtend(Ones(len), 6)
  if (immediate && (imms & levels) == levels) return false;
  const unsigned s = imms & levels;
  const unsigned r = immr & levels;
  const unsigned d = (s - r) & levels;  // diff<len-1:0>
  const uint64_t emask = Ones(esize);
  const uint64_t welem = Ones(s + 1);
  const uint64_t telem = Ones(d + 1);
  const uint64_t wrot = r == 0 ? welem : ((welem >> r) | (welem << (esize - r))) & emask;
  uint64_t wmask = 0, tmask = 0;
  for (unsigned pos = 0; pos < 64; pos += esize) {  // Replicate to 64 bits
    wmask |= wrot << pos;
    tmask |= telem << pos;
  }
  out->wmask = wmask & Ones(datasize);
  out->tmask = tmask & Ones(datasize);
  return true;
}

// Logical (immediate): N:immr:imms must name a valid bitmask immediate.
inline bool LogicalImmAllocated(uint32_t w) {
  BitMasks m{};
  return DecodeBitMasks(Bit(w, 22), Bits(w, 15, 10), Bits(w, 21, 16), true, Bit(w, 31) ? 64 : 32,
                        &m);
}

// Add/subtract (shifted register): shift == 11 is reserved.
inline bool AddSubShiftAllocated(uint32_t w) { return Bits(w, 23, 22) != 3; }

// Add/subtract (extended register): a left shift above 4 is reserved.
inline bool AddSubExtAllocated(uint32_t w) { return Bits(w, 12, 10) <= 4; }

}  // namespace a64

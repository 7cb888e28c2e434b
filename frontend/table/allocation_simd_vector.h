// Allocation predicates of the Advanced SIMD vector classes and of the SIMD
// structure loads/stores (ARM ARM C4.1.x: "size:Q == 110 RESERVED" and friends).
#pragma once

#include <cstdint>

#include "frontend/bits.h"

namespace a64 {

inline uint32_t SimdSize(uint32_t w) { return Bits(w, 23, 22); }
inline bool SimdQ(uint32_t w) { return Bit(w, 30); }

// size:Q == 110 is reserved (vector forms where .1d does not exist).
inline bool SimdNot1D(uint32_t w) { return !(SimdSize(w) == 3 && !SimdQ(w)); }
// size == 11 is reserved.
inline bool SimdSizeNot3(uint32_t w) { return SimdSize(w) != 3; }
// Only .h and .s element sizes (size 01, 10).
inline bool SimdSizeHS(uint32_t w) { return SimdSize(w) == 1 || SimdSize(w) == 2; }
// Across lanes: size 11 and size:Q == 100 (.2s) are reserved.
inline bool SimdAcrossSize(uint32_t w) { return SimdSize(w) < 2 || (SimdSize(w) == 2 && SimdQ(w)); }
// Floating-point sz:Q == 10 (.1d) is reserved.
inline bool SimdFpNot1D(uint32_t w) { return !(Bit(w, 22) && !SimdQ(w)); }
// Floating-point single only (sz == 0).
inline bool SimdFpSingle(uint32_t w) { return !Bit(w, 22); }
// FCVTXN: sz == 0 is reserved.
inline bool SimdFpDouble(uint32_t w) { return Bit(w, 22); }
// Across lanes FP (FMAXV...): only .4s (Q == 1, sz == 0).
inline bool SimdFpAcross(uint32_t w) { return SimdQ(w) && !Bit(w, 22); }
// FCMLA/FCADD (vector): .4h/.8h need FEAT_FP16 (not enabled), size 00 is
// reserved and .1d is reserved.
inline bool SimdComplexSize(uint32_t w) { return SimdSize(w) == 2 || (SimdSize(w) == 3 && SimdQ(w)); }
// PMULL: size 00 (.8h) and 11 (.1q, FEAT_PMULL) only.
inline bool SimdPmullSize(uint32_t w) { return SimdSize(w) == 0 || SimdSize(w) == 3; }

// Shift by immediate: immh (bits 22:19) selects the element size; immh == 0 is
// the modified-immediate class. immh<3> == 1 with Q == 0 is reserved.
inline bool SimdShiftQ(uint32_t w) { return Bits(w, 22, 19) != 0 && !(Bit(w, 22) && !SimdQ(w)); }
// Narrowing/lengthening shifts: immh<3> == 1 is reserved.
inline bool SimdShiftNarrow(uint32_t w) { return Bits(w, 22, 19) != 0 && !Bit(w, 22); }
// Fixed-point conversions: immh 001x is half precision (FEAT_FP16, not
// enabled), 0001 reserved, 1xxx with Q == 0 reserved.
inline bool SimdShiftFixed(uint32_t w) { return Bits(w, 22, 21) != 0 && SimdShiftQ(w); }

// Vector by element, integer: size 01 (.h, Rm in v0-v15) and 10 (.s) only.
inline bool SimdElemIntSize(uint32_t w) { return SimdSizeHS(w); }
// Vector by element, FP: size 10 (.s) or 11 (.d with L == 0 and Q == 1);
// size 00 (.h) needs FEAT_FP16.
inline bool SimdElemFpSize(uint32_t w) {
  if (SimdSize(w) == 2) return true;
  return SimdSize(w) == 3 && !Bit(w, 21) && SimdQ(w);
}
// FCMLA (by element): size 10 (.s, H:L... index H, L == 0, Q == 1) only here;
// size 01 (.h) needs FEAT_FP16.
inline bool SimdElemFcmlaSize(uint32_t w) { return SimdSize(w) == 2 && !Bit(w, 21) && SimdQ(w); }

// EXT: Q == 0 with imm4<3> == 1 is reserved.
inline bool SimdExtImm(uint32_t w) { return SimdQ(w) || !Bit(w, 14); }

// Copy: imm5 == x0000 is reserved; .2d (imm5 x1000) needs Q == 1.
inline bool SimdDup(uint32_t w) {
  const uint32_t imm5 = Bits(w, 20, 16);
  if ((imm5 & 15) == 0) return false;
  return !((imm5 & 15) == 8 && !SimdQ(w));
}
inline bool SimdInsIndex(uint32_t w) { return (Bits(w, 20, 16) & 15) != 0; }
// SMOV Wd: .b or .h; SMOV Xd: .b, .h or .s.
inline bool SimdSmovW(uint32_t w) { return (Bits(w, 20, 16) & 3) != 0; }
inline bool SimdSmovX(uint32_t w) { return (Bits(w, 20, 16) & 7) != 0; }
// UMOV Wd: .b, .h or .s; UMOV Xd: .d only.
inline bool SimdUmovW(uint32_t w) { return (Bits(w, 20, 16) & 7) != 0; }
inline bool SimdUmovX(uint32_t w) { return (Bits(w, 20, 16) & 15) == 8; }

// Structure loads/stores: LD2-4/ST2-4 (multiple) reserve size:Q == 110.
// (size is bits 11:10 in these classes.)
inline bool SimdLdStMultiNot1D(uint32_t w) { return !(Bits(w, 11, 10) == 3 && !SimdQ(w)); }

}  // namespace a64

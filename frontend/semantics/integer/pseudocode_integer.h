// Integer helper functions of the ARM ARM pseudocode (chapter J1, "shared" and
// "aarch64/instrs/integer" functions), over values held in uint64_t whose bits
// above `datasize` are zero. Used by the data-processing semantics and by any
// class that needs condition codes or register operand shifts/extends.
#pragma once

#include <cstdint>

#include "frontend/bits.h"
#include "frontend/cpu_state.h"
#include "frontend/table/allocation_dp.h"  // DecodeBitMasks

namespace a64 {

// Result of AddWithCarry: the datasize-bit sum and NZCV in bits 31:28 (the
// layout of CpuState::nzcv).
struct AddResult {
  uint64_t result;
  uint32_t nzcv;
};

// ARM ARM J1 shared/functions/integer/AddWithCarry, for datasize 32 or 64.
// C is the unsigned carry out, V the signed overflow.
inline AddResult AddWithCarry(unsigned datasize, uint64_t x, uint64_t y, bool carry_in) {
  const uint64_t mask = Ones(datasize);
  x &= mask;
  y &= mask;
  uint64_t result;
  bool carry;
  if (datasize == 64) {
    const uint64_t partial = x + y;
    result = partial + carry_in;
    carry = partial < x || result < partial;
  } else {
    const uint64_t wide = x + y + carry_in;  // no overflow: operands are < 2^32
    result = wide & mask;
    carry = (wide >> datasize) != 0;
  }
  const unsigned top = datasize - 1;
  const bool n = (result >> top) & 1;
  const bool z = result == 0;
  // Signed overflow: both operands have the same sign and the result differs.
  const bool v = (((x ^ result) & (y ^ result)) >> top) & 1;
  return AddResult{result, (uint32_t{n} << 31) | (uint32_t{z} << 30) | (uint32_t{carry} << 29) |
                               (uint32_t{v} << 28)};
}

// NZCV for a logical result (ANDS, BICS, TST): N:Z:0:0.
inline uint32_t LogicalFlags(unsigned datasize, uint64_t result) {
  return (static_cast<uint32_t>((result >> (datasize - 1)) & 1) << 31) |
         (static_cast<uint32_t>(result == 0) << 30);
}

// ARM ARM J1 shared/functions/system/ConditionHolds. `nzcv` in bits 31:28.
inline bool ConditionHolds(unsigned cond, uint32_t nzcv) {
  const bool n = nzcv & kFlagN, z = nzcv & kFlagZ, c = nzcv & kFlagC, v = nzcv & kFlagV;
  bool result = false;
  switch ((cond >> 1) & 7) {
    case 0: result = z; break;             // EQ or NE
    case 1: result = c; break;             // CS or CC
    case 2: result = n; break;             // MI or PL
    case 3: result = v; break;             // VS or VC
    case 4: result = c && !z; break;       // HI or LS
    case 5: result = n == v; break;        // GE or LT
    case 6: result = n == v && !z; break;  // GT or LE
    case 7: result = true; break;          // AL (and NV)
  }
  // Odd conditions invert, except 1111 (NV), which is "always" like AL.
  if ((cond & 1) && cond != 15) result = !result;
  return result;
}

// ROR(x, shift) within datasize; shift < datasize.
inline uint64_t RotateRight(unsigned datasize, uint64_t x, unsigned shift) {
  if (shift == 0) return x;
  return ((x >> shift) | (x << (datasize - shift))) & Ones(datasize);
}

// ARM ARM J1 aarch64/instrs/integer/shiftreg/ShiftReg, with the register's
// value already read: shift_type LSL=0, LSR=1, ASR=2, ROR=3; amount < datasize
// (every caller's encoding or MOD datasize guarantees it).
inline uint64_t ShiftReg(unsigned datasize, uint64_t value, unsigned shift_type, unsigned amount) {
  const uint64_t mask = Ones(datasize);
  value &= mask;
  switch (shift_type & 3) {
    case 0: return (value << amount) & mask;
    case 1: return value >> amount;
    case 2: return static_cast<uint64_t>(SignExtend(value, datasize) >> amount) & mask;
    default: return RotateRight(datasize, value, amount);
  }
}

// ARM ARM J1 aarch64/instrs/extendreg/ExtendReg: option UXTB=0 .. SXTX=7 takes
// the low 8<<(option&3) bits, zero- or sign-extends them, and shifts left by
// `shift` (0..4), keeping datasize bits. (The pseudocode's len = Min(len, N -
// shift) only drops bits that the shift moves out anyway.)
inline uint64_t ExtendReg(unsigned datasize, uint64_t value, unsigned option, unsigned shift) {
  const unsigned len = 8u << (option & 3);
  const bool is_unsigned = (option & 4) == 0;
  const uint64_t extended =
      is_unsigned ? value & Ones(len) : static_cast<uint64_t>(SignExtend(value, len));
  return (extended << shift) & Ones(datasize);
}

// CountLeadingZeroBits(x<datasize-1:0>).
inline unsigned CountLeadingZeroBits(unsigned datasize, uint64_t x) {
  x &= Ones(datasize);
  return x == 0 ? datasize : static_cast<unsigned>(__builtin_clzll(x)) - (64 - datasize);
}

// CountLeadingSignBits(x) = CountLeadingZeroBits(x<N-1:1> EOR x<N-2:0>).
inline unsigned CountLeadingSignBits(unsigned datasize, uint64_t x) {
  const uint64_t diff = ((x >> 1) ^ x) & Ones(datasize - 1);
  return CountLeadingZeroBits(datasize - 1, diff);
}

}  // namespace a64

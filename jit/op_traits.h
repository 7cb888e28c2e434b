// Per-Op properties the full-system runner needs before or after executing an
// instruction, computed once from the encoding table (frontend/decode_table.h).
#pragma once

#include <cstdint>

#include "frontend/cpu_state.h"
#include "frontend/decode_table.h"

namespace a64 {

enum OpTrait : uint8_t {
  // A SIMD&FP instruction: trapped by CPACR_EL1.FPEN (ARM ARM D13.2.30,
  // "Traps ... accesses to the SIMD and floating-point registers").
  kTraitFpSimd = 1 << 0,
  // May change PSTATE.EL, PSTATE.{D,A,I,F}, PSTATE.IL or CPACR_EL1: the
  // runner re-derives its cached checks after executing it.
  kTraitStateChange = 1 << 2,
  // HLT: the semihosting trap (HLT #0xF000) when semihosting is enabled.
  kTraitHalt = 1 << 3,
};

// CPACR_EL1.FPEN, bits 21:20 (ARM ARM D13.2.30): 0b01 traps EL0 accesses to
// SIMD&FP registers, 0b00 and 0b10 trap EL0 and EL1, 0b11 traps nothing.
inline bool FpAccessTrapped(const CpuState& st) {
  const uint64_t fpen = (st.sys.cpacr_el1 >> 20) & 3;
  if (fpen == 3) return false;
  if (fpen == 1) return st.pstate.el == 0;
  return true;
}

// The OpTrait bits of `op`.
uint8_t TraitsOf(Op op);

// The whole table, indexed by Op.
const uint8_t* OpTraitTable();

}  // namespace a64

// Architectural state of one AArch64 PE. Plain struct with a fixed layout: the
// JIT addresses it from a pinned host register, the checkpoint code walks it.
#pragma once

#include <cstdint>
#include <cstring>

#include "frontend/system_registers.h"

namespace a64 {

// One 128-bit SIMD&FP register, V0..V31. Lanes are little-endian, lane 0 lowest.
union alignas(16) VReg {
  uint8_t b[16];
  uint16_t h[8];
  uint32_t s[4];
  uint64_t d[2];
};

// PSTATE fields other than NZCV (ARM ARM D1.4 "Process state, PSTATE").
struct ProcState {
  uint8_t el;    // current exception level: 0 or 1
  uint8_t sp;    // SPSel: 0 selects SP_EL0, 1 selects SP_ELx (meaningful at EL1)
  uint8_t daif;  // the D, A, I, F mask bits in bits 3..0
  uint8_t pan;
  uint8_t uao;
  uint8_t ss;    // software step
  uint8_t il;    // illegal execution state
  uint8_t pad;
};

// PSTATE.DAIF bits within ProcState::daif.
constexpr uint8_t kDaifD = 8;
constexpr uint8_t kDaifA = 4;
constexpr uint8_t kDaifI = 2;
constexpr uint8_t kDaifF = 1;

struct CpuState {
  uint64_t x[31];  // X0..X30
  uint64_t sp;     // the stack pointer selected by PSTATE.SP at the current EL
  uint64_t pc;
  uint32_t nzcv;   // PSTATE.{N,Z,C,V} in bits 31:28, as the NZCV register reads
  uint32_t fpcr;
  uint32_t fpsr;
  uint32_t pad0;
  uint64_t tpidr_el0;
  uint64_t tpidrro_el0;
  VReg v[32];
  ProcState pstate;
  // SP_EL0 and SP_EL1 while not selected; the selected one is `sp`.
  uint64_t sp_el[2];
  SystemRegisters sys;
  // Incremented whenever a register that translation depends on (SCTLR_EL1,
  // TCR_EL1, TTBR0/1_EL1, MAIR_EL1) is written, so that the MMU re-reads
  // them only then. Not architectural state.
  uint64_t translation_generation;
};

// PSTATE.NZCV bit positions within CpuState::nzcv.
constexpr uint32_t kFlagN = 1u << 31;
constexpr uint32_t kFlagZ = 1u << 30;
constexpr uint32_t kFlagC = 1u << 29;
constexpr uint32_t kFlagV = 1u << 28;

}  // namespace a64

// Exception return (ARM ARM D1.11 "Exception return", pseudocode
// AArch64.ExceptionReturn) and the Illegal Execution state check.
#pragma once

#include <cstdint>

#include "frontend/semantics/cpu.h"

namespace a64 {

// IllegalExceptionReturn(spsr) for this PE (EL0 and EL1, AArch64 only): a
// return to AArch32 (SPSR.M[4] == 1), to an unimplemented or higher EL, with
// SPSR.M[1] == 1, or to EL0 with SPSR.M[0] == 1 is illegal (ARM ARM D1.11.4
// "Illegal return events from AArch64 state").
bool IllegalExceptionReturn(const CpuState& st, uint64_t spsr);

// AArch64.ExceptionReturn(new_pc, spsr): restores PSTATE from `spsr` (on an
// illegal return PSTATE.IL is set and EL, SP are unchanged; NZCV, DAIF, PAN,
// UAO are restored either way), clears the local exclusive monitor and
// branches to new_pc.
void ExceptionReturn(Cpu& cpu, uint64_t new_pc, uint64_t spsr);

// While PSTATE.IL is 1 every instruction takes an Illegal Execution state
// exception, EC 0x0E, ISS 0, before it executes (ARM ARM D1.4.5 "Illegal
// Execution state"). For the run loop: returns true with cpu.exc set when
// the instruction at PC must not execute.
inline bool IllegalExecutionStateCheck(Cpu& cpu) {
  if (!cpu.st.pstate.il) return false;
  cpu.exc = PendingException{ExceptionClass::kIllegalState, 0, 0, FaultKind::kNone, false};
  return true;
}

}  // namespace a64

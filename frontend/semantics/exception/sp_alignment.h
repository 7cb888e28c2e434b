// SP alignment checking (ARM ARM D1.8.2 "Stack pointer alignment checking";
// pseudocode CheckSPAlignment): when a load or store uses SP as its base
// register (n == 31), and SP is not 16-byte aligned, the access faults with
// an SP alignment fault if SCTLR_EL1.SA (at EL1) or SCTLR_EL1.SA0 (at EL0) is
// set. The check is on the value of SP itself, before any offset is added or
// any writeback happens; every instruction's Operation performs it first
// thing ("if n == 31 then CheckSPAlignment(); address = SP[];"), so it
// precedes the access's own alignment check and any translation fault.
// PRFM/PRFUM are the exception: their pseudocode skips the check
// ("if memop != MemOp_PREFETCH then CheckSPAlignment()").
#pragma once

#include <cstdint>

#include "frontend/exception.h"
#include "frontend/semantics/cpu.h"

namespace a64 {

// SCTLR_EL1.SA (bit 3) and SCTLR_EL1.SA0 (bit 4) (ARM ARM D17.2.118).
constexpr uint64_t kSctlrSa = 1ull << 3;
constexpr uint64_t kSctlrSa0 = 1ull << 4;

// CheckSPAlignment for an access whose base register is `n`: returns true
// when the access may proceed (n != 31, SP aligned, or checking disabled).
// Otherwise returns false with the SP alignment fault in cpu.exc: EC 0x26,
// ISS 0, FAR_ELx not written (AArch64.SPAlignmentFault).
inline bool CheckSpAlignment(Cpu& cpu, unsigned n) {
  if (n != 31 || (cpu.st.sp & 15) == 0) return true;
  const uint64_t enable = cpu.st.pstate.el == 0 ? kSctlrSa0 : kSctlrSa;
  if ((cpu.st.sys.sctlr_el1 & enable) == 0) return true;
  cpu.exc = PendingException{ExceptionClass::kSpAlignment, 0, 0, FaultKind::kNone, false};
  return false;
}

}  // namespace a64

// SP alignment checking (ARM ARM D1.8.2 "SP alignment checking"; pseudocode
// CheckSPAlignment): a load or store whose base register is SP faults when SP
// is not 16-byte aligned and SCTLR_EL1.SA (at EL1) or SCTLR_EL1.SA0 (at EL0)
// is set. The check is on the value of SP itself, before any offset or
// writeback, so the loadstore semantics call it with base_reg = Rn before
// computing the address.
//
// A template over the Cpu type so that frontend/semantics (which defines Cpu)
// can include it without a dependency cycle.
#pragma once

#include <cstdint>

#include "frontend/cpu_state.h"
#include "frontend/exception.h"

namespace a64 {

constexpr uint64_t kSctlrSa = 1ull << 3;
constexpr uint64_t kSctlrSa0 = 1ull << 4;

// Returns false, with the SP alignment fault (EC 0x26, ISS 0; FAR_EL1 is not
// written) in cpu.exc, when the access must not proceed.
template <typename CpuT>
inline bool CheckSpAlignment(CpuT& cpu, unsigned base_reg) {
  if (base_reg != 31 || (cpu.st.sp & 15) == 0) return true;
  const uint64_t enable = cpu.st.pstate.el == 0 ? kSctlrSa0 : kSctlrSa;
  if (!(cpu.st.sys.sctlr_el1 & enable)) return true;
  cpu.exc = PendingException{ExceptionClass::kSpAlignment, 0, 0, FaultKind::kNone, false};
  return false;
}

}  // namespace a64

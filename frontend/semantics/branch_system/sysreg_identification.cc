// Identification registers whose value depends on other state.
#include "frontend/semantics/branch_system/id_registers.h"
#include "frontend/semantics/branch_system/sysreg_accessors.h"
#include "frontend/semantics/branch_system/system_state.h"
#include "frontend/semantics/branch_system/system_traps.h"

namespace a64 {

// CCSIDR_EL1 describes the cache CSSELR_EL1 selects (Level 3:1, InD 0). For a
// level or kind that CLIDR_EL1 says is not implemented the value is UNKNOWN
// (ARM ARM D17.2.24); this model returns 0 for those.
uint64_t ReadCcsidr(const Cpu& cpu) {
  switch (cpu.st.sys.csselr_el1 & 0xf) {
    case 0x0: return kCcsidrL1D;
    case 0x1: return kCcsidrL1I;
    case 0x2: return kCcsidrL2;
    default: return 0;
  }
}

// DCZID_EL0.DZP reads 1 at EL0 when SCTLR_EL1.DZE == 0, since DC ZVA is then
// not permitted there (ARM ARM D17.2.35).
uint64_t ReadDczid(const Cpu& cpu) {
  const bool prohibited = cpu.st.pstate.el == 0 && !(cpu.st.sys.sctlr_el1 & kSctlrDze);
  return kDczidEl0 | (prohibited ? 1u << 4 : 0);
}

// OSLSR_EL1: OSLM = 0b10, OSLK (bit 1) as OSLAR_EL1 last set it, nTT = 0.
uint64_t ReadOslsr(const Cpu& cpu) { return kOslsrOslm | (cpu.st.sys.oslsr_oslk & 1) << 1; }
void WriteOslar(Cpu& cpu, uint64_t v) { cpu.st.sys.oslsr_oslk = v & 1; }

}  // namespace a64

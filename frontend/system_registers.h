// The EL1/EL0 system registers that hold state (ID registers are constants of
// the modelled PE and live with the system-register table,
// frontend/semantics/branch_system/sysreg_table.cc, which also says for each
// field its encoding, reset value and writable bits).
#pragma once

#include <cstdint>

namespace a64 {

struct SystemRegisters {
  uint64_t sctlr_el1;
  uint64_t cpacr_el1;
  uint64_t ttbr0_el1;
  uint64_t ttbr1_el1;
  uint64_t tcr_el1;
  uint64_t mair_el1;
  uint64_t amair_el1;
  uint64_t contextidr_el1;
  uint64_t vbar_el1;
  uint64_t elr_el1;
  uint64_t spsr_el1;
  uint64_t esr_el1;
  uint64_t far_el1;
  uint64_t par_el1;
  uint64_t afsr0_el1;
  uint64_t afsr1_el1;
  uint64_t tpidr_el1;
  uint64_t csselr_el1;
  // Generic timer (ARM ARM D11): the EL0 access controls, the frequency the
  // firmware programmed, and the virtual and physical EL1 timers.
  uint64_t cntkctl_el1;
  uint64_t cntfrq_el0;
  uint64_t cntv_ctl_el0;   // ENABLE, IMASK (ISTATUS is computed on read)
  uint64_t cntv_cval_el0;
  uint64_t cntp_ctl_el0;
  uint64_t cntp_cval_el0;
  // Self-hosted debug (ARM ARM D2): control, OS lock, DCC interrupt enables
  // and the two breakpoint and two watchpoint register pairs the
  // architecture requires at minimum.
  uint64_t mdscr_el1;
  uint64_t oslsr_oslk;     // OSLSR_EL1.OSLK, set by OSLAR_EL1.OSLK
  uint64_t osdlr_el1;
  uint64_t mdccint_el1;
  uint64_t dbgbvr_el1[2];
  uint64_t dbgbcr_el1[2];
  uint64_t dbgwvr_el1[2];
  uint64_t dbgwcr_el1[2];
};

}  // namespace a64

// The EL1 state a Linux 6.1 arm64 kernel runs user space with, as far as it
// controls what EL0 may do: in user mode the emulated kernel is EL1, so these
// registers are set once, as Linux sets them, and the EL0 semantics check them
// exactly as on a full system.
#pragma once

#include "frontend/cpu_state.h"
#include "frontend/semantics/branch_system/system_traps.h"
#include "frontend/semantics/exception/sp_alignment.h"

namespace a64::user {

inline void SetLinuxUserEl1State(CpuState& st) {
  // SCTLR_EL1 as arch/arm64 INIT_SCTLR_EL1_MMU_ON sets its EL0 controls: DC
  // ZVA, CTR_EL0 reads, WFE and cache maintenance allowed at EL0; nTWI and UMA
  // clear, so WFI and MSR DAIF trap (Linux answers both with SIGILL); SA0
  // set, so an EL0 load/store based on a misaligned SP faults (SIGBUS).
  st.sys.sctlr_el1 = kSctlrDze | kSctlrUct | kSctlrNTwe | kSctlrUci | kSctlrSa0;
  st.sys.cpacr_el1 = kCpacrFpen;            // FP/SIMD enabled at EL0 and EL1
  st.sys.cntkctl_el1 = kCntkctlEl0Vcten;    // CNTVCT_EL0 readable at EL0
}

}  // namespace a64::user

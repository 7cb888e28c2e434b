// BranchTo (ARM ARM J1 shared/functions/registers/BranchTo) for the branch
// semantics.
#pragma once

#include <cstdint>

#include "frontend/semantics/cpu.h"

namespace a64 {

// PC[] = AArch64.BranchAddr(target). BranchAddr removes a tag from the top
// byte only when address tagging (TCR_ELx.TBI) applies to the target; this
// model has no TCR_ELx yet, so AddrTop() is 63 and the target is used as is.
// Misaligned targets are not checked here: the PC alignment fault is taken
// when the next instruction is fetched (ARM ARM D1, PC alignment checking).
inline ExecStatus BranchTo(Cpu& cpu, uint64_t target) {
  cpu.st.pc = target;
  return ExecStatus::kBranch;
}

}  // namespace a64

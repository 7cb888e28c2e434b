// BranchTo (ARM ARM J1 shared/functions/registers/BranchTo) for the branch
// semantics.
#pragma once

#include <cstdint>

#include "frontend/semantics/cpu.h"

namespace a64 {

// AArch64.BranchAddr: EL0 and EL1 share the EL1&0 translation regime, whose
// AddrTop is 55 when TCR_EL1.TBI0 (VA<55> == 0) or TBI1 (VA<55> == 1) is set,
// 63 otherwise; with a top byte ignored the target is sign-extended from bit
// 55 (ARM ARM D8.8 "Address tagging"). TBID0/1 do not exist without
// FEAT_PAuth, so the top byte is also ignored for instruction addresses.
inline uint64_t BranchAddr(const Cpu& cpu, uint64_t target) {
  constexpr uint64_t kTbi0 = 1ull << 37, kTbi1 = 1ull << 38, kTop = 0xffull << 56;
  const bool upper = (target >> 55) & 1;
  if (!(cpu.st.sys.tcr_el1 & (upper ? kTbi1 : kTbi0))) return target;
  return upper ? target | kTop : target & ~kTop;
}

// PC[] = AArch64.BranchAddr(target). Misaligned targets are not checked here:
// the PC alignment fault is taken when the next instruction is fetched (ARM
// ARM D1, PC alignment checking).
inline ExecStatus BranchTo(Cpu& cpu, uint64_t target) {
  cpu.st.pc = BranchAddr(cpu, target);
  return ExecStatus::kBranch;
}

}  // namespace a64

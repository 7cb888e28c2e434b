// ERET (ARM ARM C6.2 ERET): "if PSTATE.EL == EL0 then UNDEFINED";
// otherwise AArch64.ExceptionReturn(ELR_EL1, SPSR_EL1). ERETAA/ERETAB need
// FEAT_PAuth and stay UNDEFINED (unregistered).
#include "frontend/semantics/branch_system/exception_return.h"

#include "frontend/semantics/branch_system/branch_target.h"
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/exception/pstate.h"

namespace a64 {

namespace {

constexpr uint64_t kMdscrSs = 1ull << 0;
constexpr uint64_t kMdscrKde = 1ull << 13;

// AArch64.GenerateDebugExceptionsFrom(from, secure, mask) with no EL2/EL3:
// debug exceptions target EL1; they are disabled while the OS lock or the OS
// double lock is set; at EL1 they need MDSCR_EL1.KDE and PSTATE.D == 0.
bool GenerateDebugExceptionsFrom(const CpuState& st, unsigned from, bool mask) {
  if (st.sys.oslsr_oslk & 1) return false;
  if (st.sys.osdlr_el1 & 1) return false;  // DoubleLockStatus()
  if (from == 1) return (st.sys.mdscr_el1 & kMdscrKde) && !mask;
  return true;  // from EL0: the target EL1 is higher
}

// DebugExceptionReturnSS(spsr): PSTATE.SS after the return is SPSR.SS only
// when software step is enabled (MDSCR_EL1.SS), debug exceptions are disabled
// at the source and enabled at the destination (ARM ARM D2.12.5).
uint8_t DebugExceptionReturnSs(const CpuState& st, uint64_t spsr, bool illegal) {
  const bool at_source = GenerateDebugExceptionsFrom(st, st.pstate.el, st.pstate.daif & kDaifD);
  const unsigned dest = illegal ? st.pstate.el : (spsr >> 2) & 3;
  const bool at_dest = GenerateDebugExceptionsFrom(st, dest, (spsr >> 9) & 1);
  return (st.sys.mdscr_el1 & kMdscrSs) && !at_source && at_dest ? (spsr >> 21) & 1 : 0;
}

ExecStatus ExecERET(Cpu& cpu, uint32_t) {
  if (cpu.st.pstate.el == 0) return Undefined(cpu);
  ExceptionReturn(cpu, cpu.st.sys.elr_el1, cpu.st.sys.spsr_el1);
  return ExecStatus::kBranch;
}

}  // namespace

bool IllegalExceptionReturn(const CpuState& st, uint64_t spsr) {
  if (spsr & kSpsrM4) return true;  // AArch32: not implemented at any EL
  const unsigned el = (spsr >> 2) & 3;
  if (el > 1) return true;                    // EL2, EL3 not implemented
  if (spsr & 2) return true;                  // M[1] must be 0
  if (el == 0 && (spsr & 1)) return true;     // EL0 has no SP_EL0/SP_ELx choice
  return el > st.pstate.el;                   // no return to a higher EL
}

void ExceptionReturn(Cpu& cpu, uint64_t new_pc, uint64_t spsr) {
  CpuState& st = cpu.st;
  // SetPSTATEFromPSR (ARM ARM J1 shared/functions/system/SetPSTATEFromPSR).
  const bool illegal = IllegalExceptionReturn(st, spsr);
  st.pstate.ss = DebugExceptionReturnSs(st, spsr, illegal);
  if (illegal) {
    st.pstate.il = 1;
  } else {
    st.pstate.il = (spsr & kSpsrIl) ? 1 : 0;
    SetElAndSp(st, (spsr >> 2) & 3, spsr & 1);
  }
  st.nzcv = static_cast<uint32_t>(spsr) & 0xf0000000u;
  st.pstate.pan = (spsr & kSpsrPan) ? 1 : 0;
  st.pstate.uao = (spsr & kSpsrUao) ? 1 : 0;
  st.pstate.daif = (spsr >> kSpsrDaifShift) & 15;
  // ClearExclusiveLocal(ProcessorID()): an exception return clears the local
  // monitor (AArch64.ExceptionReturn; ARM ARM B2.9.5 "Context switch").
  cpu.monitor.valid = false;
  // BranchTo(AArch64.BranchAddr(new_pc), BranchType_ERET), with AddrTop of
  // the Exception level returned to.
  BranchTo(cpu, new_pc);
}

void RegisterExceptionReturn(ExecTable& t) { t.Set(Op::ERET_64E_branch_reg, &ExecERET); }

}  // namespace a64

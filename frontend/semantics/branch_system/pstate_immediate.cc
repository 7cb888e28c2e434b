// MSR (immediate) (ARM ARM C6.2 MSR (immediate)): writes a PSTATE field. The
// allocation predicate (frontend/table/allocation_branch_system.h) admits
// only the fields of this feature set: SPSel, DAIFSet, DAIFClr, PAN, UAO.
#include "frontend/bits.h"
#include "frontend/semantics/branch_system/system_state.h"
#include "frontend/semantics/branch_system/system_traps.h"
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/exception/pstate.h"

namespace a64 {

namespace {

ExecStatus ExecMsrImm(Cpu& cpu, uint32_t insn) {
  const unsigned op1 = Bits(insn, 18, 16), op2 = Bits(insn, 7, 5), crm = Bits(insn, 11, 8);
  ProcState& p = cpu.st.pstate;
  const bool daif = op1 == 3 && (op2 == 6 || op2 == 7);
  if (daif) {
    // DAIFSet/DAIFClr at EL0: "if PSTATE.EL == EL0 && SCTLR_EL1.UMA == '0'
    // then AArch64.SystemAccessTrap(EL1, 0x18)", ISS with Op0 = 0b00 and
    // Rt = 0b11111 as encoded.
    if (p.el == 0 && !(cpu.st.sys.sctlr_el1 & kSctlrUma)) return SysRegTrap(cpu, insn);
    if (op2 == 6)
      p.daif |= crm;
    else
      p.daif &= ~crm & 15;
    return ExecStatus::kNext;
  }
  // SPSel, PAN, UAO: "if PSTATE.EL == EL0 then UNDEFINED". The new value is CRm<0>.
  if (p.el == 0) return Undefined(cpu);
  if (op1 == 0 && op2 == 5) {
    SetElAndSp(cpu.st, p.el, crm & 1);
  } else if (op1 == 0 && op2 == 4) {
    p.pan = crm & 1;
  } else if (op1 == 0 && op2 == 3) {
    p.uao = crm & 1;
  } else {
    return Undefined(cpu);  // not admitted by the allocation predicate
  }
  return ExecStatus::kNext;
}

}  // namespace

void RegisterPstateImmediate(ExecTable& t) { t.Set(Op::MSR_SI_pstate, &ExecMsrImm); }

}  // namespace a64

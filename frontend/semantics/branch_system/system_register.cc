// MRS and MSR (register) (ARM ARM C6.2 MRS, MSR (register)): every access goes
// through the system-register table (sysreg_table.cc), which says whether the
// current Exception level may make it, traps it to EL1 (EC 0x18, or 0x07 for
// FPCR/FPSR), or makes it UNDEFINED. An encoding the table does not list is
// UNDEFINED and reported once.
#include <cstdio>

#include "frontend/bits.h"
#include "frontend/disasm/formatters_branch_system.h"
#include "frontend/semantics/branch_system/sysreg_table.h"
#include "frontend/semantics/branch_system/system_state.h"
#include "frontend/semantics/branch_system/system_traps.h"
#include "frontend/semantics/dispatch.h"

namespace a64 {

void ReportUnimplementedSystemAccess(Cpu& cpu, uint32_t insn) {
  const unsigned enc = Bits(insn, 20, 5);
  // op0 == 0 is the hint/barrier/PSTATE space: an MSR there that no other
  // encoding claims is simply unallocated, not a missing register.
  if (Bits(insn, 20, 19) == 0 || cpu.reported_sysregs.test(enc)) return;
  cpu.reported_sysregs.set(enc);
  const bool read = Bits(insn, 21, 21);
  const char* what = Bits(insn, 20, 19) == 1 ? (read ? "SYSL" : "SYS") : (read ? "MRS" : "MSR");
  std::fprintf(stderr,
               "a64sim: %s of unimplemented system register/operation %s "
               "(op0/op1/CRn/CRm/op2 = %u/%u/%u/%u/%u) at EL%u, pc 0x%llx: UNDEFINED\n",
               what, SysRegText(static_cast<uint16_t>(enc), read).c_str(), Bits(insn, 20, 19),
               Bits(insn, 18, 16), Bits(insn, 15, 12), Bits(insn, 11, 8), Bits(insn, 7, 5),
               CurrentEL(cpu), static_cast<unsigned long long>(cpu.st.pc));
}

ExecStatus CheckSysRegGate(Cpu& cpu, SysRegGate gate, uint32_t insn) {
  auto require = [&](bool enabled) { return enabled ? ExecStatus::kNext : SysRegTrap(cpu, insn); };
  const uint64_t sctlr = cpu.st.sys.sctlr_el1, cntkctl = cpu.st.sys.cntkctl_el1;
  switch (gate) {
    case SysRegGate::kUndefined: return Undefined(cpu);
    case SysRegGate::kAllowed: return ExecStatus::kNext;
    case SysRegGate::kSctlrUct: return require(sctlr & kSctlrUct);
    case SysRegGate::kSctlrUma: return require(sctlr & kSctlrUma);
    case SysRegGate::kSctlrDze: return require(sctlr & kSctlrDze);
    case SysRegGate::kSctlrUci: return require(sctlr & kSctlrUci);
    case SysRegGate::kCpacrFpenEl0:
      return (cpu.st.sys.cpacr_el1 & kCpacrFpen) == kCpacrFpen ? ExecStatus::kNext : FpAccessTrap(cpu);
    case SysRegGate::kCpacrFpenEl1:
      return (cpu.st.sys.cpacr_el1 & kCpacrFpenEl1) ? ExecStatus::kNext : FpAccessTrap(cpu);
    case SysRegGate::kCntkctlPct: return require(cntkctl & kCntkctlEl0Pcten);
    case SysRegGate::kCntkctlVct: return require(cntkctl & kCntkctlEl0Vcten);
    case SysRegGate::kCntkctlAnyCt: return require(cntkctl & (kCntkctlEl0Pcten | kCntkctlEl0Vcten));
    case SysRegGate::kCntkctlPt: return require(cntkctl & kCntkctlEl0Pten);
    case SysRegGate::kCntkctlVt: return require(cntkctl & kCntkctlEl0Vten);
    case SysRegGate::kSpSel: return cpu.st.pstate.sp ? ExecStatus::kNext : Undefined(cpu);
  }
  return Undefined(cpu);
}

namespace {

// The row an MRS/MSR names, or nullptr (reported) when it is not implemented.
const SysRegRow* RowOf(Cpu& cpu, uint32_t insn) {
  const SysRegRow* row = FindSysReg(static_cast<uint16_t>(Bits(insn, 20, 5)));
  if (row && (!row->needs_platform || cpu.platform)) return row;
  ReportUnimplementedSystemAccess(cpu, insn);
  return nullptr;
}

// MRS Xt, <systemreg>
ExecStatus ExecMRS(Cpu& cpu, uint32_t insn) {
  const SysRegRow* row = RowOf(cpu, insn);
  if (!row) return Undefined(cpu);
  const ExecStatus s = CheckSysRegGate(cpu, CurrentEL(cpu) == 0 ? row->el0_read : row->el1_read, insn);
  if (s != ExecStatus::kNext) return s;
  WriteX(cpu, Bits(insn, 4, 0), ReadSysReg(cpu, *row));
  return ExecStatus::kNext;
}

// MSR <systemreg>, Xt. The table's RES0/RES1 masks apply to the value.
ExecStatus ExecMSR(Cpu& cpu, uint32_t insn) {
  const SysRegRow* row = RowOf(cpu, insn);
  if (!row) return Undefined(cpu);
  const ExecStatus s =
      CheckSysRegGate(cpu, CurrentEL(cpu) == 0 ? row->el0_write : row->el1_write, insn);
  if (s != ExecStatus::kNext) return s;
  WriteSysReg(cpu, *row, ReadX(cpu, Bits(insn, 4, 0)));
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSystemRegisterMoves(ExecTable& t) {
  t.Set(Op::MRS_RS_systemmove, &ExecMRS);
  t.Set(Op::MSR_SR_systemmove, &ExecMSR);
}

}  // namespace a64

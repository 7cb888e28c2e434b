// Exception generation (ARM ARM C6.2 SVC, HVC, SMC, BRK). Each returns
// kException with the ESR_ELx class and ISS the exception entry will report;
// the caller takes the exception (and, for SVC/HVC/SMC, whose preferred return
// address is the next instruction, advances PC: see ExceptionRetiresInstruction).
//
// Not registered, hence UNDEFINED: HLT (ARM ARM C6.2 HLT: UNDEFINED unless
// halting is allowed, EDSCR.HDE == 1 with an external debugger, which this
// model has not) and DCPS1/2/3 (UNDEFINED when not in Debug state).
#include "frontend/bits.h"
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/branch_system/system_state.h"

namespace a64 {

namespace {

// The ISS of SVC, HVC, SMC and BRK (ESR_ELx.ISS for EC 0x15..0x17, 0x3c) is
// the instruction's imm16 in bits 15:0, the rest RES0.
ExecStatus Raise(Cpu& cpu, ExceptionClass ec, uint32_t insn) {
  cpu.exc = PendingException{ec, Bits(insn, 20, 5), 0, FaultKind::kNone, false};
  return ExecStatus::kException;
}

// SVC #imm16: AArch64.CallSupervisor(imm16), permitted at every EL.
ExecStatus ExecSVC(Cpu& cpu, uint32_t insn) { return Raise(cpu, ExceptionClass::kSvc64, insn); }

// HVC #imm16: "if !HaveEL(EL2) || PSTATE.EL == EL0 then UNDEFINED". At EL1 and
// above it also needs HCR_EL2.HCD / SCR_EL3.HCE checks, which belong to the
// full-system model; today only EL0 exists, so this is always UNDEFINED.
ExecStatus ExecHVC(Cpu& cpu, uint32_t insn) {
  if (CurrentEL(cpu) == 0) return Undefined(cpu);
  return Raise(cpu, ExceptionClass::kHvc64, insn);
}

// SMC #imm16: "if !HaveEL(EL3) || PSTATE.EL == EL0 then UNDEFINED" (plus
// SCR_EL3.SMD and HCR_EL2.TSC at EL1, for the full-system model).
ExecStatus ExecSMC(Cpu& cpu, uint32_t insn) {
  if (CurrentEL(cpu) == 0) return Undefined(cpu);
  return Raise(cpu, ExceptionClass::kSmc64, insn);
}

// BRK #imm16: AArch64.SoftwareBreakpoint(imm16); the preferred return address
// is the BRK itself.
ExecStatus ExecBRK(Cpu& cpu, uint32_t insn) { return Raise(cpu, ExceptionClass::kBrk64, insn); }

}  // namespace

void RegisterExceptionGeneration(ExecTable& t) {
  t.Set(Op::SVC_EX_exception, &ExecSVC);
  t.Set(Op::HVC_EX_exception, &ExecHVC);
  t.Set(Op::SMC_EX_exception, &ExecSMC);
  t.Set(Op::BRK_EX_exception, &ExecBRK);
}

}  // namespace a64

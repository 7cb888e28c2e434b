// Exception generation (ARM ARM C6.2 SVC, HVC, SMC, BRK). SVC and BRK return
// kException with the ESR_ELx class and ISS the exception entry will report
// (EC 0x15 for SVC from EL0 and EL1 alike); the caller takes the exception
// (and, for SVC, whose preferred return address is the next instruction,
// advances PC: see ExceptionRetiresInstruction).
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

// HVC #imm16 and SMC #imm16: "if !HaveEL(EL2) || PSTATE.EL == EL0 then
// UNDEFINED" (SMC: EL3). This PE has neither EL2 nor EL3, so at EL1 they are
// the firmware conduit: when the platform's firmware (PSCI, SMCCC) handles
// the call it completes like an instruction (the firmware wrote X0..X3);
// otherwise it is UNDEFINED as the architecture says.
template <bool kSmc>
ExecStatus ExecFirmwareCall(Cpu& cpu, uint32_t insn) {
  if (CurrentEL(cpu) == 0) return Undefined(cpu);
  if (cpu.platform && cpu.platform->FirmwareCall(cpu, kSmc, static_cast<uint16_t>(Bits(insn, 20, 5))))
    return ExecStatus::kNext;
  return Undefined(cpu);
}

// BRK #imm16: AArch64.SoftwareBreakpoint(imm16); the preferred return address
// is the BRK itself.
ExecStatus ExecBRK(Cpu& cpu, uint32_t insn) { return Raise(cpu, ExceptionClass::kBrk64, insn); }

}  // namespace

void RegisterExceptionGeneration(ExecTable& t) {
  t.Set(Op::SVC_EX_exception, &ExecSVC);
  t.Set(Op::HVC_EX_exception, &ExecFirmwareCall<false>);
  t.Set(Op::SMC_EX_exception, &ExecFirmwareCall<true>);
  t.Set(Op::BRK_EX_exception, &ExecBRK);
}

}  // namespace a64

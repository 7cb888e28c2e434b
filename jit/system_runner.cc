#include "jit/system_runner.h"

#include <algorithm>

#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/exception/take_exception.h"
#include "jit/op_traits.h"

namespace a64 {
namespace {

// HLT #0xF000: the A64 semihosting trap ("Semihosting for AArch32 and
// AArch64", 2.2 "The semihosting interface").
constexpr uint32_t kSemihostingHlt = 0xd45e0000;

// ESR_ELx.ISS.{CV,COND} = {1, 0b1110}: the condition fields of a trapped
// instruction executed in AArch64 state.
constexpr uint32_t kIssCvCond = 1u << 24 | 0xeu << 20;

// More exceptions than this taken back to back without an instruction
// retiring can only repeat forever (e.g. a fault fetching the vector).
constexpr unsigned kMaxExceptionsInARow = 16;

}  // namespace

SystemRunner::SystemRunner(InterruptSource* interrupts, SemihostingHandler* semihosting,
                           const EngineOptions& engine)
    : interrupts_(interrupts), semihosting_(semihosting), engine_options_(engine) {}

SystemRunner::~SystemRunner() = default;

void SystemRunner::AttachCode(CodePort* code) {
  blocks_.reset();
  if (code && engine_options_.kind == EngineKind::kJit)
    blocks_ = std::make_unique<jit::BlockEngine>(*code, engine_options_);
}

void SystemRunner::TakeRaised(Cpu& cpu, uint64_t pc) {
  if (ExceptionRetiresInstruction(cpu.exc.ec)) {
    ++cpu.icount;
    exceptions_in_a_row_ = 0;
    TakeSync(cpu, pc + 4);
  } else {
    TakeSync(cpu, pc);
  }
}

void SystemRunner::RefreshChecks(const Cpu& cpu) {
  uint8_t mask = 0;
  if (FpAccessTrapped(cpu.st)) mask |= kTraitFpSimd;
  if (semihosting_) mask |= kTraitHalt;
  check_mask_ = mask;
}

void SystemRunner::TakeSync(Cpu& cpu, uint64_t preferred_return) {
  TakeException(cpu.st, ExceptionType::kSynchronous, &cpu.exc, preferred_return);
  ++exceptions_taken_;
  ++exceptions_in_a_row_;
  RefreshChecks(cpu);
  interrupts_->attention = 0;
}

SystemRunner::Attend SystemRunner::AttendEvents(Cpu& cpu, SystemRunResult* result) {
  if (interrupts_->stop_requested) {
    result->stop = SystemStop::kMachineStop;
    return Attend::kStop;
  }
  if (exceptions_in_a_row_ > kMaxExceptionsInARow) {
    result->stop = SystemStop::kExceptionLoop;
    return Attend::kStop;
  }
  if (cpu.icount >= budget_end_) {
    result->stop = SystemStop::kInsnLimit;
    return Attend::kStop;
  }
  next_update_ = interrupts_->Update(cpu);
  // Interrupts taken to EL1 from EL0 or EL1 are masked by PSTATE.F / PSTATE.I
  // (ARM ARM D1.3.6 "Asynchronous exception masking", no EL2/EL3). The
  // preferred return address is the instruction not yet executed (D1.10.1).
  // With both pending, FIQ is taken first (the priority is IMPLEMENTATION
  // DEFINED).
  const uint8_t daif = cpu.st.pstate.daif;
  ExceptionType irq_type = ExceptionType::kSynchronous;
  if (interrupts_->FiqLine() && !(daif & kDaifF)) {
    irq_type = ExceptionType::kFiq;
  } else if (interrupts_->IrqLine() && !(daif & kDaifI)) {
    irq_type = ExceptionType::kIrq;
  }
  if (irq_type != ExceptionType::kSynchronous) {
    TakeException(cpu.st, irq_type, nullptr, cpu.st.pc);
    ++exceptions_taken_;
    ++interrupts_taken_;
    ++exceptions_in_a_row_;
    RefreshChecks(cpu);
  }
  // PSTATE.IL set: the next instruction does not execute but raises the
  // Illegal Execution state exception (ARM ARM D1.11.5? "Illegal return
  // events"; EC 0x0E, ISS 0), its preferred return being that instruction.
  if (cpu.st.pstate.il) {
    cpu.exc = PendingException{ExceptionClass::kIllegalState, 0, 0, FaultKind::kNone, false};
    TakeSync(cpu, cpu.st.pc);
  }
  interrupts_->attention = std::min(budget_end_, next_update_);
  return Attend::kRun;
}

bool SystemRunner::PreExecute(Cpu& cpu, uint32_t word, uint8_t traits, bool* exited,
                              int* exit_code) {
  // MRS/MSR of FPCR/FPSR are trapped the same way by the system-register
  // table (frontend/semantics/branch_system/sysreg_table.h).
  if ((traits & kTraitFpSimd) && FpAccessTrapped(cpu.st)) {
    // EC 0x07, "Access to SIMD or floating-point functionality trapped by
    // CPACR_EL1.FPEN"; from AArch64 the ISS has CV = 1 and COND = 0b1110
    // (ARM ARM D17.2.37, ISS encoding for an exception from an access to
    // SIMD or floating-point functionality).
    cpu.exc = PendingException{ExceptionClass::kFpAccess, kIssCvCond, 0, FaultKind::kNone, false};
    TakeSync(cpu, cpu.st.pc);
    return true;
  }
  // Semihosting from EL0 is not allowed (as QEMU without userspace
  // semihosting): the HLT is then UNDEFINED like any other.
  if ((traits & kTraitHalt) && semihosting_ && word == kSemihostingHlt && cpu.st.pstate.el != 0) {
    const bool go_on = semihosting_->Call(cpu, exit_code);
    cpu.st.pc += 4;
    ++cpu.icount;
    exceptions_in_a_row_ = 0;
    *exited = !go_on;
    return true;
  }
  return false;
}

SystemRunResult SystemRunner::Run(Cpu& cpu, uint64_t max_insns) {
  const ExecTable& exec = ExecTable::Instance();
  const uint8_t* traits_of = OpTraitTable();
  SystemRunResult result;
  budget_end_ = cpu.icount + std::min(max_insns, ~uint64_t{0} - cpu.icount);
  exceptions_in_a_row_ = 0;
  RefreshChecks(cpu);
  interrupts_->attention = 0;

  for (;;) {
    if (cpu.icount >= interrupts_->attention &&
        AttendEvents(cpu, &result) == Attend::kStop)
      return result;

    if (blocks_) {
      const uint64_t before = cpu.icount;
      const auto r = blocks_->Run(cpu, &interrupts_->attention);
      if (cpu.icount != before) exceptions_in_a_row_ = 0;
      if (r == jit::BlockEngine::Result::kLimit) continue;
      if (r == jit::BlockEngine::Result::kException) {
        TakeRaised(cpu, cpu.st.pc);
        continue;
      }
      if (r == jit::BlockEngine::Result::kMismatch) {
        result.stop = SystemStop::kVerifyFailed;
        return result;
      }
      // kInterpret: one instruction on the interpreter below.
    }

    // PC alignment is checked when the misaligned PC is used to fetch
    // (ARM ARM D1.8.1 "PC alignment checking"): EC 0x22, FAR = PC.
    const uint64_t pc = cpu.st.pc;
    if (pc & 3) {
      cpu.exc = PendingException{ExceptionClass::kPcAlignment, 0, pc, FaultKind::kNone, false};
      TakeSync(cpu, pc);
      continue;
    }
    uint32_t word;
    MemFault fault;
    const FaultKind f = cpu.mem->Read(pc, &word, 4, AccessType::kFetch, &fault);
    if (f != FaultKind::kNone) {
      RecordAbort(cpu, ExceptionClass::kInstAbortLower, f, fault, false);
      TakeSync(cpu, pc);
      continue;
    }
    const Op op = decode_.Lookup(word);
    const uint8_t traits = traits_of[static_cast<unsigned>(op)];
    if (traits & check_mask_) {
      bool exited = false;
      if (PreExecute(cpu, word, traits, &exited, &result.exit_code)) {
        if (exited) {
          result.stop = SystemStop::kExit;
          return result;
        }
        continue;
      }
    }

    switch (exec.Lookup(op)(cpu, word)) {
      case ExecStatus::kNext:
        cpu.st.pc += 4;
        break;
      case ExecStatus::kBranch:
        break;
      case ExecStatus::kWait:
        cpu.st.pc += 4;
        // WFE completes at once (a wake-up event may occur at any time);
        // WFI sleeps until an interrupt is asserted, masked or not (ARM ARM
        // D1.16.2 "Wait for Interrupt"), then execution continues after it,
        // taking the interrupt first if PSTATE lets it.
        if (op == Op::WFI_HI_hints) {
          ++cpu.icount;
          exceptions_in_a_row_ = 0;
          interrupts_->Update(cpu);
          if (!interrupts_->IrqLine() && !interrupts_->FiqLine() &&
              !interrupts_->WaitForEvent(cpu)) {
            result.stop = SystemStop::kWaitForever;
            return result;
          }
          interrupts_->attention = 0;
          continue;
        }
        break;
      case ExecStatus::kException:
        TakeRaised(cpu, pc);
        continue;
    }
    ++cpu.icount;
    exceptions_in_a_row_ = 0;
    if (traits & kTraitStateChange) {
      RefreshChecks(cpu);
      interrupts_->attention = 0;
    }

  }
}

}  // namespace a64

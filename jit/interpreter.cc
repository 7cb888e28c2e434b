#include "jit/interpreter.h"

#include "frontend/semantics/dispatch.h"

namespace a64 {

StopReason Interpreter::Run(Cpu& cpu, uint64_t max_insns) {
  const ExecTable& exec = ExecTable::Instance();
  for (uint64_t n = 0; n < max_insns; ++n) {
    uint32_t word;
    MemFault fault;
    const FaultKind f = cpu.mem->Read(cpu.st.pc, &word, 4, AccessType::kFetch, &fault);
    if (f != FaultKind::kNone) {
      RecordAbort(cpu, ExceptionClass::kInstAbortLower, f, fault, false);
      return StopReason::kException;
    }
    switch (exec.Lookup(decode_.Lookup(word))(cpu, word)) {
      case ExecStatus::kNext:
      case ExecStatus::kWait:  // user mode has no interrupts to wait for
        cpu.st.pc += 4;
        break;
      case ExecStatus::kBranch:
        break;
      case ExecStatus::kException:
        if (ExceptionRetiresInstruction(cpu.exc.ec)) {
          cpu.st.pc += 4;
          ++cpu.icount;
        }
        return StopReason::kException;
    }
    ++cpu.icount;
  }
  return StopReason::kInsnLimit;
}

}  // namespace a64

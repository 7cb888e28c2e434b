#include "jit/user_engine.h"

namespace a64 {

UserEngine::UserEngine(CodePort& code, const EngineOptions& options) {
  if (options.kind == EngineKind::kJit) blocks_ = std::make_unique<jit::BlockEngine>(code, options);
}

UserEngine::~UserEngine() = default;

StopReason UserEngine::Run(Cpu& cpu, uint64_t max_insns) {
  if (!blocks_) return interp_.Run(cpu, max_insns);
  const uint64_t end = cpu.icount + max_insns;
  while (cpu.icount < end) {
    limit_ = end;
    switch (blocks_->Run(cpu, &limit_)) {
      case jit::BlockEngine::Result::kLimit:
        break;  // the end, or translated code changed under a block
      case jit::BlockEngine::Result::kException:
        return StopReason::kException;
      case jit::BlockEngine::Result::kMismatch:
        return StopReason::kVerifyFailed;
      case jit::BlockEngine::Result::kInterpret:
        if (interp_.Run(cpu, 1) == StopReason::kException) return StopReason::kException;
        break;
    }
  }
  return StopReason::kInsnLimit;
}

}  // namespace a64

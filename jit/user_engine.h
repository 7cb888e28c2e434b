// The user-mode execution engine: translated blocks (jit/block_engine.h) with
// the interpreter for what they leave, or the interpreter alone.
#pragma once

#include <cstdint>
#include <memory>

#include "frontend/semantics/cpu.h"
#include "jit/block_engine.h"
#include "jit/code_port.h"
#include "jit/engine_options.h"
#include "jit/interpreter.h"

namespace a64 {

class UserEngine {
 public:
  // `code` is the process memory's CodePort; used with EngineKind::kJit.
  UserEngine(CodePort& code, const EngineOptions& options);
  ~UserEngine();

  // As Interpreter::Run: until an exception or `max_insns` more retired.
  StopReason Run(Cpu& cpu, uint64_t max_insns);

  // The translator (null on the interpreter), e.g. to set an observer.
  const jit::BlockEngine* blocks() const { return blocks_.get(); }
  jit::BlockEngine* blocks() { return blocks_.get(); }

 private:
  Interpreter interp_;
  std::unique_ptr<jit::BlockEngine> blocks_;
  uint64_t limit_ = 0;  // the block engine's limit (lowered on code writes)
};

}  // namespace a64

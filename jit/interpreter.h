// The reference execution engine: fetch, decode, execute one instruction at a
// time through the semantics table.
#pragma once

#include <cstdint>

#include "frontend/decode_cache.h"
#include "frontend/semantics/cpu.h"

namespace a64 {

enum class StopReason : uint8_t {
  kException,  // cpu.exc holds a synchronous exception to be taken
  kInsnLimit,  // the instruction budget ran out
  kVerifyFailed,  // --verify-jit found a difference (reported on stderr)
};

class Interpreter {
 public:
  // Runs until an exception or until `max_insns` instructions have retired.
  // SVC/HVC/SMC retire (PC then addresses the next instruction); faults and
  // UNDEFINED do not (PC addresses the faulting instruction). Retired
  // instructions are counted in cpu.icount.
  StopReason Run(Cpu& cpu, uint64_t max_insns);

 private:
  DecodeCache decode_;
};

}  // namespace a64

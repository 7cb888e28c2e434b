// --verify-jit: runs a translated block and the interpreter from the same
// state and compares the results (registers, PSTATE, system registers, the
// instruction count, the exception raised, and every byte written).
//
// The interpreter goes first, on the real state, logging the old and new
// bytes of each write; the writes are then undone, the state restored, and
// the block runs. A block whose interpreted run touched a device (MMIO, where
// a second access would have side effects) keeps the interpreter's result
// unchecked.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "frontend/semantics/cpu.h"
#include "jit/block.h"
#include "jit/code_port.h"
#include "jit/interpreter.h"

namespace a64::jit {

class Lockstep {
 public:
  explicit Lockstep(CodePort& port) : port_(port) {}

  enum class Outcome : uint8_t {
    kMatch,      // the block's result stands (cpu advanced)
    kException,  // both raised the same exception (cpu.exc set)
    kUnchecked,  // a device was touched: the interpreter's result stands
    kMismatch,   // *report describes the difference; cpu holds the block's result
  };

  // Checks the block of `length` instructions at PC: `run` executes the
  // translated block once (it returns the ExitCode), the interpreter runs
  // until the control flow leaves the block's straight line.
  Outcome Check(Cpu& cpu, unsigned length, const std::function<uint32_t()>& run,
                std::string* report);

  // After kMismatch: puts back the state and memory the last Check started
  // from (bytes only the block wrote stay written).
  void Rewind(Cpu& cpu);

 private:
  struct LoggedWrite {
    uint64_t va;
    AccessType type;
    uint8_t size;
    uint8_t old_bytes[64];
    uint8_t new_bytes[64];  // memory after the interpreter's run
  };
  class RecordingMemory;
  // What a check compares besides memory.
  struct Snapshot {
    CpuState st;
    uint64_t icount;
    ExclusiveMonitor monitor;
    PendingException exc;
    static Snapshot Of(const Cpu& cpu) { return Snapshot{cpu.st, cpu.icount, cpu.monitor, cpu.exc}; }
  };

  void Undo(Cpu& cpu);
  static std::string Compare(const Snapshot& want, const Snapshot& got, bool exception);

  CodePort& port_;
  Interpreter interp_;
  Snapshot before_{};
  std::vector<LoggedWrite> writes_;
};

}  // namespace a64::jit

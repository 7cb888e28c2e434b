// The full-system execution loop at EL0/EL1: translated blocks
// (jit/block_engine.h) with the JIT engine, and the interpreter for every
// instruction they leave (or for all, with --engine=interp); every exception
// taken to EL1 (ARM ARM D1.10), IRQ/FIQ delivery between instructions, WFI
// sleep, and the checks the architecture makes before an instruction
// executes (PSTATE.IL, PC alignment, CPACR_EL1.FPEN).
//
// Deterministic: interrupts are taken at instruction boundaries that depend
// only on the retired-instruction count (cpu.icount) and the program.
#pragma once

#include <cstdint>
#include <memory>

#include "frontend/decode_cache.h"
#include "frontend/semantics/cpu.h"
#include "jit/block_engine.h"
#include "jit/code_port.h"
#include "jit/engine_options.h"
#include "jit/interrupt_source.h"

namespace a64 {

// ARM semihosting (HLT #0xF000 in A64): the machine implements the calls.
class SemihostingHandler {
 public:
  virtual ~SemihostingHandler() = default;
  // Performs the call in w0/x1 and writes its result to x0. Returns false
  // when the call ends the program (SYS_EXIT); *exit_code is then set.
  virtual bool Call(Cpu& cpu, int* exit_code) = 0;
};

enum class SystemStop : uint8_t {
  kExit,           // semihosting SYS_EXIT; exit_code is set
  kInsnLimit,      // the instruction budget ran out
  kWaitForever,    // WFI with no interrupt that could ever wake the PE
  kExceptionLoop,  // exceptions taken back to back without retiring anything
                   // (e.g. the vector table is not mapped)
  kMachineStop,    // the machine asked to stop (InterruptSource::stop_requested)
  kVerifyFailed,   // --verify-jit found a difference (reported on stderr)
};

struct SystemRunResult {
  SystemStop stop = SystemStop::kInsnLimit;
  int exit_code = 0;
};

class SystemRunner {
 public:
  // `semihosting` may be null: HLT is then UNDEFINED, as without a debugger.
  SystemRunner(InterruptSource* interrupts, SemihostingHandler* semihosting,
               const EngineOptions& engine = EngineOptions{});
  ~SystemRunner();

  // The memory system generated code uses (the PE's MMU); with
  // EngineKind::kJit this (re)creates the block engine. Until then, and
  // with EngineKind::kInterp, every instruction is interpreted.
  void AttachCode(CodePort* code);
  const jit::BlockEngine* blocks() const { return blocks_.get(); }

  // Runs until a stop condition or until `max_insns` more instructions have
  // retired (cpu.icount counts them).
  SystemRunResult Run(Cpu& cpu, uint64_t max_insns);

  // Exceptions and interrupts taken so far.
  uint64_t exceptions_taken() const { return exceptions_taken_; }
  uint64_t interrupts_taken() const { return interrupts_taken_; }

 private:
  enum class Attend : uint8_t { kRun, kStop };

  // The per-instruction slow path: budget, devices, interrupts, PSTATE.IL.
  Attend AttendEvents(Cpu& cpu, SystemRunResult* result);
  // Re-derives check_mask_ from CPACR_EL1 and PSTATE.EL.
  void RefreshChecks(const Cpu& cpu);
  // Takes a synchronous exception described by cpu.exc.
  void TakeSync(Cpu& cpu, uint64_t preferred_return);
  // A pre-execution check fired; returns true when the instruction must not
  // execute (an exception was taken or the program exited).
  bool PreExecute(Cpu& cpu, uint32_t word, uint8_t traits, bool* exited, int* exit_code);
  // An instruction at `pc` returned kException (cpu.exc): takes it.
  void TakeRaised(Cpu& cpu, uint64_t pc);

  InterruptSource* interrupts_;
  SemihostingHandler* semihosting_;
  DecodeCache decode_;
  EngineOptions engine_options_;
  std::unique_ptr<jit::BlockEngine> blocks_;
  uint8_t check_mask_ = 0;    // OpTrait bits that need PreExecute
  uint64_t budget_end_ = 0;   // icount at which Run returns kInsnLimit
  uint64_t next_update_ = 0;  // what the last InterruptSource::Update returned
  unsigned exceptions_in_a_row_ = 0;
  uint64_t exceptions_taken_ = 0;
  uint64_t interrupts_taken_ = 0;
};

}  // namespace a64

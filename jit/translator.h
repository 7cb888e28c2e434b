// Translates guest blocks to x86-64 with asmjit and owns the code memory.
//
// A block is a run of guest instructions within one 4 KiB page that ends
// after a branch, before an instruction only the interpreter runs
// (exception-generating and system instructions that change translation
// state, WFI/WFE, UNDEFINED encodings; see InterpretedOnly), or at the page
// end. Hot instruction classes are emitted in line (emit_*.cc); every other
// instruction calls the interpreter's semantics function.
#pragma once

#include <asmjit/core.h>

#include <cstdint>
#include <map>
#include <memory>

#include "frontend/decode_table.h"
#include "frontend/semantics/cpu.h"
#include "jit/block.h"
#include "jit/fault_recovery.h"
#include "jit/observer.h"
#include "mmu/tlb_fast.h"

namespace a64::jit {

// Most guest instructions in one block.
constexpr unsigned kMaxBlockInsns = 128;

// Whether the instruction at a block's start must be left to the
// interpreter (a block never contains one).
bool InterpretedOnly(Op op, uint32_t word, uint32_t block_flags);

// MSR writes to PSTATE fields and to a few plain registers: they run inside
// a block, as its last instruction, and then let the runner attend to
// interrupts (the interpreter re-checks after every MSR: an unmasked
// interrupt is taken before the next instruction).
bool EndsBlockWithAttention(Op op, uint32_t word);

// How a block's in-line loads and stores reach guest memory.
struct DataPath {
  const TlbFastEntry* table = nullptr;  // the software TLB's fast table
  // Or directly (CodePort::DirectBase): guest VA v at direct + v for v below
  // 2^direct_va_bits, host faults resumed at the slow path.
  uint8_t* direct = nullptr;
  unsigned direct_va_bits = 0;
};

class Translator final : public FaultRecovery {
 public:
  // Runs generated code at `code` until it leaves; returns its ExitCode.
  using EntryFn = uint32_t (*)(Cpu* cpu, JitContext* ctx, const void* code);

  // `max_code_bytes`: code memory limit before Translate reports full.
  explicit Translator(size_t max_code_bytes);
  ~Translator();

  // Fills block.length and block.code for the instructions at block.pc,
  // read from `page` (the host copy of its 4 KiB page). `data` is how its
  // data accesses reach memory (neither way: no in-line accesses). False
  // when the code memory is full (Flush, then retry).
  bool Translate(Block& block, const uint8_t* page, const DataPath& data, bool chain,
                 const ObserverHooks& hooks, unsigned max_insns = kMaxBlockInsns);

  // Drops all generated code (no block may be running).
  void Flush();

  // FaultRecovery: the slow path of the direct access at host address `pc`.
  bool Recover(uintptr_t pc, uintptr_t* resume) const override;

  EntryFn entry() const { return entry_; }
  const void* exit() const { return exit_; }
  // Returns to the engine for dispatch (PC, count and registers stored):
  // the code of an empty return-stack entry.
  const void* dispatch_exit() const { return dispatch_exit_; }

 private:
  void EmitTrampoline();

  const size_t max_code_bytes_;
  std::unique_ptr<asmjit::JitRuntime> runtime_;
  EntryFn entry_ = nullptr;
  const void* exit_ = nullptr;
  const void* dispatch_exit_ = nullptr;
  size_t code_bytes_ = 0;
  // The direct accesses' x86 instructions: [begin, end) by begin -> the
  // slow path.
  struct AccessSite {
    uintptr_t end;
    uintptr_t slow;
  };
  std::map<uintptr_t, AccessSite> access_sites_;
};

}  // namespace a64::jit
